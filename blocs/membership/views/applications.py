"""Applications to join a bloc: the Board's list and decision, the enterprise's submission."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.enums import ApplicationStatus
from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import ApplicationForm, ApproveForm, ReasonForm
from blocs.membership.year_in_view import year_in_view
from blocs.register.permissions import get_own_enterprise_or_404
from thidua.accounts.permissions import Access, require_board_staff
from thidua.formtools import message_service_errors
from thidua.pagination import paginate, query_string_without_page

HISTORY_ON_APPLICATION = 10


def application_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    status = queries.application_status_filter(request.GET)
    year_view = year_in_view(board, request.GET, keep=("status",))
    page = paginate(
        queries.applications_for_board(board, status=status, year=year_view.year), request.GET.get("page")
    )
    return render(
        request,
        "blocs/membership/application_list.html",
        {
            "page_obj": page,
            "year_view": year_view,
            "status": status,
            "statuses": ApplicationStatus.choices,
            "query_string": query_string_without_page(request),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = perms.get_application_for_user_or_404(request.user, pk)
    can_decide = perms.can_manage_blocs(request.user) and application.status == ApplicationStatus.SUBMITTED
    board = application.enterprise.organization
    return render(
        request,
        "blocs/membership/application_detail.html",
        {
            "application": application,
            # What the officer needs to decide: the enterprise's own data and its blocs in earlier years.
            "history": queries.enterprise_history(application.enterprise)[:HISTORY_ON_APPLICATION],
            "can_decide": can_decide,
            "approve_form": ApproveForm(board=board, initial={"bloc": application.preferred_bloc}),
            "reject_form": ReasonForm(),
        },
    )


@require_POST
def application_approve(request: HttpRequest, pk: int) -> HttpResponse:
    application = perms.get_application_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = ApproveForm(request.POST, board=application.enterprise.organization)
    if form.is_valid():
        try:
            services.approve_application(
                application=application, bloc=form.cleaned_data["bloc"], decided_by=request.user
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The application was approved."))
            return redirect("membership:application_list")
    return redirect("membership:application_detail", application.pk)


@require_POST
def application_reject(request: HttpRequest, pk: int) -> HttpResponse:
    application = perms.get_application_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the rejection."))
        return redirect("membership:application_detail", application.pk)
    try:
        services.reject_application(
            application=application, reason=form.cleaned_data["reason"], decided_by=request.user
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("membership:application_detail", application.pk)
    messages.success(request, _("The application was rejected."))
    return redirect("membership:application_list")


@require_POST
def my_application_submit(request: HttpRequest) -> HttpResponse:
    """Only the enterprise's representative applies for it (a reporter gets a 403)."""
    enterprise = get_own_enterprise_or_404(request.user, access=Access.CHANGE)
    year = queries.open_year_of(enterprise.organization)
    form = ApplicationForm(request.POST, board=enterprise.organization)
    if year is None or not form.is_valid():
        messages.error(request, _("There is no open year to apply for."))
        return redirect("register:my_enterprise")
    try:
        services.submit_application(
            enterprise=enterprise,
            year=year,
            submitted_by=request.user,
            preferred_bloc=form.cleaned_data["preferred_bloc"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("Your application was sent to the Board."))
    return redirect("register:my_enterprise")


@require_POST
def my_application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """The representative withdraws the enterprise's pending application."""
    application = perms.get_application_for_user_or_404(request.user, pk, access=Access.SIGN)
    try:
        services.withdraw_application(application=application, withdrawn_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("Your application was withdrawn."))
    return redirect("register:my_enterprise")
