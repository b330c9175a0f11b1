"""Thin views of the criteria sets: parse a form, load through an accessor, call one service, respond."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scoring.criteria import permissions as perms
from scoring.criteria import queries, services
from scoring.criteria.forms import (
    AdoptForm,
    CopyToBlocsForm,
    CriterionForm,
    GroupForm,
    NewVersionForm,
    SetCreateForm,
    SetEditForm,
    criterion_initial,
)
from scoring.quarterly.permissions import bloc_roles
from thidua.accounts.permissions import Access, is_board_staff
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def _run(request: HttpRequest, call, success: str) -> bool:
    try:
        call()
    except ValidationError as exc:
        message_service_errors(request, exc)
        return False
    messages.success(request, success)
    return True


def criteria_set_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_sets_viewer(request.user)
    if is_board_staff(request.user):
        sets = queries.sets_for_board(board)
    else:
        sets = queries.sets_for_member(board, bloc_roles(request.user))
    can_create = perms.can_create_sets(request.user)
    return render(
        request,
        "scoring/criteria/set_list.html",
        {
            "page_obj": paginate(sets, request.GET.get("page")),
            "can_create": can_create,
            "create_form": SetCreateForm(board=board) if can_create else None,
        },
    )


@require_POST
def criteria_set_create(request: HttpRequest) -> HttpResponse:
    board = perms.require_sets_manager(request.user)
    form = SetCreateForm(request.POST, board=board)
    if not form.is_valid():
        messages.error(request, _("Choose an open year and a scale."))
        return redirect("criteria:criteria_set_list")
    try:
        criteria_set = services.create_default_set(
            year=form.cleaned_data["year"],
            bloc=form.cleaned_data["bloc"],
            scale=form.cleaned_data["scale"],
            created_by=request.user,
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("criteria:criteria_set_list")
    messages.success(request, _("The default table is in the draft: adjust it, then record its adoption."))
    return redirect("criteria:criteria_set_detail", criteria_set.pk)


def criteria_set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk)
    can_change = perms.can_change_set(request.user, criteria_set)
    editable = can_change and criteria_set.is_draft
    context = {
        "criteria_set": criteria_set,
        "groups": queries.set_tree(criteria_set),
        "can_change": can_change,
        "editable": editable,
        "normal_total": services.normal_total(criteria_set),
    }
    if editable:
        context |= {
            "edit_form": SetEditForm(initial={"name": criteria_set.name, "scale": criteria_set.scale}),
            "group_form": GroupForm(),
            "adopt_form": AdoptForm(criteria_set=criteria_set),
        }
    if perms.can_create_sets(request.user):
        context["version_form"] = NewVersionForm(criteria_set=criteria_set)
        if criteria_set.bloc_id is None:
            context["copy_form"] = CopyToBlocsForm(board=criteria_set.organization)
    return render(request, "scoring/criteria/set_detail.html", context)


@require_POST
def criteria_set_edit(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = SetEditForm(request.POST)
    if form.is_valid():
        _run(
            request,
            lambda: services.rename_set(
                criteria_set=criteria_set, changed_by=request.user, **form.cleaned_data
            ),
            _("Saved."),
        )
    else:
        messages.error(request, _("Give the set a name and a scale."))
    return redirect("criteria:criteria_set_detail", criteria_set.pk)


@require_POST
def criteria_set_delete(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk, access=Access.CHANGE)
    if _run(
        request,
        lambda: services.delete_set(criteria_set=criteria_set, deleted_by=request.user),
        _("Deleted."),
    ):
        return redirect("criteria:criteria_set_list")
    return redirect("criteria:criteria_set_detail", criteria_set.pk)


@require_POST
def group_add(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = GroupForm(request.POST)
    if form.is_valid():
        _run(
            request,
            lambda: services.save_group(
                criteria_set=criteria_set, saved_by=request.user, **form.cleaned_data
            ),
            _("Group saved."),
        )
    else:
        messages.error(request, _("Give the group a code and a name."))
    return redirect("criteria:criteria_set_detail", criteria_set.pk)


def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = perms.get_group_for_user_or_404(request.user, pk, access=Access.CHANGE)
    initial = {"code": group.code, "name": group.name, "cap": group.cap, "order": group.order}
    form = GroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_group(
                criteria_set=group.criteria_set, group=group, saved_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Group saved."))
            return redirect("criteria:criteria_set_detail", group.criteria_set_id)
    return render(request, "scoring/criteria/group_form.html", {"form": form, "group": group})


def _criterion_page(request, form, criteria_set, criterion=None):
    return render(
        request,
        "scoring/criteria/criterion_form.html",
        {"form": form, "criteria_set": criteria_set, "criterion": criterion},
    )


def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = CriterionForm(request.POST or None, criteria_set=criteria_set)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        group = data.pop("group")
        try:
            services.save_criterion(group=group, data=data, saved_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Criterion saved."))
            return redirect("criteria:criteria_set_detail", criteria_set.pk)
    return _criterion_page(request, form, criteria_set)


def criterion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = perms.get_criterion_for_user_or_404(request.user, pk, access=Access.CHANGE)
    criteria_set = criterion.group.criteria_set
    form = CriterionForm(
        request.POST or None, criteria_set=criteria_set, initial=criterion_initial(criterion)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        group = data.pop("group")
        try:
            services.save_criterion(group=group, data=data, criterion=criterion, saved_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Criterion saved."))
            return redirect("criteria:criteria_set_detail", criteria_set.pk)
    return _criterion_page(request, form, criteria_set, criterion)


@require_POST
def criterion_remove(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = perms.get_criterion_for_user_or_404(request.user, pk, access=Access.CHANGE)
    set_id = criterion.group.criteria_set_id
    _run(
        request,
        lambda: services.remove_criterion(criterion=criterion, removed_by=request.user),
        _("Removed."),
    )
    return redirect("criteria:criteria_set_detail", set_id)


@require_POST
def criteria_set_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk, access=Access.APPROVE)
    form = AdoptForm(request.POST, criteria_set=criteria_set)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("criteria:criteria_set_detail", criteria_set.pk)
    _run(
        request,
        lambda: services.adopt_set(
            criteria_set=criteria_set,
            adopted_on=form.cleaned_data["adopted_on"],
            meeting=form.cleaned_data.get("meeting"),
            note=form.cleaned_data["note"],
            adopted_by=request.user,
        ),
        _("The adoption is recorded."),
    )
    return redirect("criteria:criteria_set_detail", criteria_set.pk)


@require_POST
def criteria_set_copy(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk)
    perms.require(perms.can_create_sets(request.user))
    form = CopyToBlocsForm(request.POST, board=criteria_set.organization)
    if not form.is_valid():
        messages.error(request, _("Choose at least one bloc."))
        return redirect("criteria:criteria_set_detail", criteria_set.pk)
    _run(
        request,
        lambda: services.copy_to_blocs(
            source=criteria_set, blocs=list(form.cleaned_data["blocs"]), created_by=request.user
        ),
        _("Copied to the blocs that had no set of their own this year."),
    )
    return redirect("criteria:criteria_set_list")


@require_POST
def criteria_set_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = perms.get_set_for_user_or_404(request.user, pk)
    perms.require(perms.can_create_sets(request.user))
    form = NewVersionForm(request.POST, criteria_set=criteria_set)
    if not form.is_valid():
        messages.error(request, _("Choose an open year."))
        return redirect("criteria:criteria_set_detail", criteria_set.pk)
    try:
        copy = services.copy_set(
            source=criteria_set,
            bloc=criteria_set.bloc,
            year=form.cleaned_data["year"],
            created_by=request.user,
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("criteria:criteria_set_detail", criteria_set.pk)
    messages.success(request, _("A new draft version is ready."))
    return redirect("criteria:criteria_set_detail", copy.pk)
