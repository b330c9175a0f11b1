"""Blocs and their members: the list, a bloc's page, adding a member, roles, withdrawal, the leader's entry."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.enums import MembershipRole
from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import AddMemberForm, BlocForm, ReasonForm, RoleForm
from blocs.membership.year_in_view import year_in_view
from blocs.register.permissions import get_own_enterprise_or_404
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def bloc_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    year_view = year_in_view(board, request.GET)
    page = queries.bloc_page(
        paginate(queries.blocs_for_board(board), request.GET.get("page")), year_view.year
    )
    return render(
        request,
        "blocs/membership/bloc_list.html",
        {
            "page_obj": page,
            "year_view": year_view,
            "year": year_view.year,
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


def bloc_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = BlocForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bloc = services.create_bloc(organization=board, data=form.cleaned_data, created_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The bloc was saved."))
            return redirect("membership:bloc_detail", bloc.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New bloc")})


def bloc_edit(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = BlocForm(request.POST or None, instance=bloc)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        bloc.refresh_from_db()
        try:
            services.update_bloc(bloc=bloc, data=data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The bloc was saved."))
            return redirect("membership:bloc_detail", bloc.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": bloc.name})


def bloc_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk)
    year_view = year_in_view(bloc.organization_id, request.GET)
    year = year_view.year
    members = list(queries.members_of(bloc, year))
    show_contacts = perms.can_see_contacts(request.user, bloc)
    contacts = queries.member_contacts(members) if show_contacts else {}
    return render(
        request,
        "blocs/membership/bloc_detail.html",
        {
            "bloc": bloc,
            "year": year,
            "year_view": year_view,
            "rows": [(m, contacts.get(m.enterprise_id, [])) for m in members],
            "show_contacts": show_contacts,
            "can_manage": perms.can_manage_blocs(request.user),
            "can_change_members": perms.can_manage_blocs(request.user) and year_view.is_open,
            "role_choices": MembershipRole.choices,
            "elections": queries.with_current_rounds(queries.elections_of(bloc)[:5]),
            "can_run_elections": perms.can_run_elections(request.user, bloc),
        },
    )


def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk, access=Access.CHANGE)
    year = queries.open_year_of(bloc.organization_id)
    form = AddMemberForm(request.POST or None, board=bloc.organization_id)
    if request.method == "POST" and form.is_valid():
        try:
            if year is None:
                raise ValidationError(_("Open a year first."))
            services.add_member(
                bloc=bloc,
                enterprise=form.cleaned_data["enterprise"],
                year=year,
                role=form.cleaned_data["role"],
                added_by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The enterprise was added to the bloc."))
            return redirect("membership:bloc_detail", bloc.pk)
    return render(
        request, "blocs/form_page.html", {"form": form, "title": _("Add a member — %s") % bloc.name}
    )


@require_POST
def membership_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = perms.get_membership_for_user_or_404(request.user, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.assign_role(
                membership=membership, role=form.cleaned_data["role"], assigned_by=request.user
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The role was changed."))
    return redirect("membership:bloc_detail", membership.bloc_id)


@require_POST
def membership_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    membership = perms.get_membership_for_user_or_404(request.user, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the withdrawal."))
    else:
        try:
            services.withdraw_membership(
                membership=membership, reason=form.cleaned_data["reason"], withdrawn_by=request.user
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The enterprise left the bloc."))
    return redirect("membership:bloc_detail", membership.bloc_id)


def my_blocs(request: HttpRequest) -> HttpResponse:
    """The bloc leader's entry: the blocs their enterprise leads (usually one)."""
    get_own_enterprise_or_404(request.user)
    led = queries.led_bloc_ids(request.user)
    if len(led) == 1:
        return redirect("membership:bloc_detail", next(iter(led)))
    blocs = queries.blocs_with_ids(led)
    return render(request, "blocs/membership/my_blocs.html", {"blocs": blocs})
