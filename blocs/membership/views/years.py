"""Emulation years: the list, opening and closing a year, the year's settings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import YearOpenForm, YearSettingsForm
from blocs.membership.rules import DEFAULT_YEAR_SETTINGS
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def year_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    page = paginate(queries.years_for_board(board), request.GET.get("page"))
    latest = page.object_list[0].year if page.object_list else None
    form = YearOpenForm(initial={"year": (latest + 1) if latest else 2026, "copy_previous": True})
    return render(
        request,
        "blocs/membership/year_list.html",
        {"page_obj": page, "form": form, "can_manage": perms.can_manage_blocs(request.user)},
    )


@require_POST
def year_open(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = YearOpenForm(request.POST)
    if form.is_valid():
        copy_from = None
        if form.cleaned_data["copy_previous"]:
            copy_from = queries.years_for_board(board).filter(year__lt=form.cleaned_data["year"]).first()
        try:
            services.open_year(
                organization=board,
                year=form.cleaned_data["year"],
                opened_by=request.user,
                copy_from=copy_from,
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The year was opened."))
    return redirect("membership:year_list")


@require_POST
def year_close(request: HttpRequest, pk: int) -> HttpResponse:
    year = perms.get_year_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        services.close_year(year=year, closed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The year was closed; it is now read-only."))
    return redirect("membership:year_list")


def year_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """Board staff read a year's settings; admins and officers edit them while the year is open."""
    year = perms.get_year_for_user_or_404(request.user, pk, access=Access.CHANGE if request.method == "POST" else Access.VIEW)
    values = {**DEFAULT_YEAR_SETTINGS, **year.settings}
    form = YearSettingsForm(request.POST or None, initial=values)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_year_settings(year=year, settings=form.cleaned_data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The settings of %(year)s were saved.") % {"year": year.year})
            return redirect("membership:year_settings", year.pk)
    return render(
        request,
        "blocs/membership/year_settings.html",
        {
            "year": year,
            "form": form,
            "rows": [(field.label, values.get(name)) for name, field in form.fields.items()],
            "can_edit": year.is_open and perms.can_manage_blocs(request.user),
        },
    )
