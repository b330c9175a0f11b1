"""Thin views of the award decisions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.catalogue.permissions import can_manage_awards
from awards.council.forms import BoardSignerForm
from awards.decisions import queries, services
from awards.decisions.forms import AwardDecisionForm
from awards.decisions.permissions import get_award_decision_for_user_or_404
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.documents.enums import DocumentState
from thidua.documents.queries import signature_requests_for_owner
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def decision_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    page = paginate(queries.decisions_for_board(board), request.GET.get("page"))
    return render(
        request,
        "awards/decisions/decision_list.html",
        {
            "page_obj": page,
            "can_manage": can_manage_awards(request.user),
            "awaiting": queries.approved_for_decision(board).count(),
        },
    )


def decision_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = AwardDecisionForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.create_award_decision(created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The decision is drafted: send it to a signer."))
            return redirect("decisions:decision_detail", decision.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("Draft an award decision")})


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_award_decision_for_user_or_404(request.user, pk)
    can_submit = can_manage_awards(request.user) and decision.is_draft
    return render(
        request,
        "awards/decisions/decision_detail.html",
        {
            "decision": decision,
            "lines": list(decision.lines.all()),
            "requests": list(signature_requests_for_owner(decision)),
            "signer_form": BoardSignerForm(board=decision.organization) if can_submit else None,
        },
    )


@require_POST
def decision_submit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_award_decision_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = BoardSignerForm(request.POST, board=decision.organization)
    if not form.is_valid():
        messages.error(request, _("Choose a signer of your Board."))
        return redirect("decisions:decision_detail", decision.pk)
    try:
        services.submit_award_decision(
            decision=decision, signer=form.cleaned_data["signer"], submitted_by=request.user
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The decision waits for its signature; it is numbered once signed."))
    return redirect("decisions:decision_detail", decision.pk)


def decision_certificates(request: HttpRequest, pk: int) -> HttpResponse:
    """One printable Giấy khen per awardee of an issued decision (the browser prints them, one page each)."""
    decision = get_award_decision_for_user_or_404(request.user, pk)
    if decision.state != DocumentState.ISSUED:
        raise Http404
    board = decision.organization
    return render(
        request,
        "awards/decisions/certificates.html",
        {
            "decision": decision,
            "lines": list(decision.lines.all()),
            "head_line": f"Trưởng {board.name}".upper()
            if board.name.startswith("Ban ")
            else board.name.upper(),
            "date_words": f"{board.place_name}, ngày {decision.decided_on:%d} tháng {decision.decided_on:%m} năm "
            f"{decision.decided_on:%Y}",
        },
    )
