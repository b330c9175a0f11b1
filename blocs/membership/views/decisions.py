"""The consolidation decision (Quyết định kiện toàn) of the open year: drafted, sent to a signer, signed in
the documents platform's signature pages, then numbered."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import DecisionSignerForm
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.documents.queries import signature_requests_for_owner
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def decision_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    year = queries.open_year_of(board)
    return render(
        request,
        "blocs/membership/decision_list.html",
        {
            "page_obj": paginate(queries.decisions_for_board(board), request.GET.get("page")),
            "year": year,
            "in_preparation": queries.decision_in_preparation(year) if year is not None else None,
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


@require_POST
def decision_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    year = queries.open_year_of(board)
    if year is None:
        messages.error(request, _("Open a year first."))
        return redirect("membership:decision_list")
    try:
        decision = services.create_consolidation_draft(year=year, created_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("membership:decision_list")
    messages.success(
        request, _("The draft decision was prepared. Choose its signer and send it for signature.")
    )
    return redirect("membership:decision_detail", decision.pk)


def _detail(request, decision, *, form=None, status=200) -> HttpResponse:
    can_manage = perms.can_manage_blocs(request.user)
    if form is None and can_manage and decision.is_draft:
        form = DecisionSignerForm(board=decision.organization, initial={"signer": decision.signer_id})
    submissions = list(signature_requests_for_owner(decision)[:10])
    return render(
        request,
        "blocs/membership/decision_detail.html",
        {
            "decision": decision,
            "document": decision.document,
            "form": form if can_manage and decision.is_draft else None,
            "submission": submissions[0] if submissions else None,
            "submissions": submissions,
            "can_manage": can_manage,
        },
        status=status,
    )


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, perms.get_decision_for_user_or_404(request.user, pk))


@require_POST
def decision_submit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = perms.get_decision_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = DecisionSignerForm(request.POST, board=decision.organization)
    if form.is_valid():
        signer = form.cleaned_data["signer"]
        try:
            services.submit_consolidation_decision(
                decision=decision, submitted_by=request.user, signer=signer
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The decision was sent to %(name)s for signature.") % {"name": signer.full_name}
            )
            return redirect("membership:decision_detail", decision.pk)
    return _detail(request, decision, form=form)


@require_POST
def decision_delete(request: HttpRequest, pk: int) -> HttpResponse:
    decision = perms.get_decision_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        services.delete_consolidation_draft(decision=decision, deleted_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("membership:decision_detail", decision.pk)
    messages.success(request, _("The draft was deleted."))
    return redirect("membership:decision_list")
