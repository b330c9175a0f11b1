"""Thin views of the provincial proposals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.catalogue.permissions import can_manage_awards
from awards.council.forms import BoardSignerForm
from awards.proposals import permissions as perms
from awards.proposals import services
from awards.proposals.forms import ProposalForm, ProvincialDecisionForm
from awards.proposals.models import ProvincialDecision, ProvincialProposal
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.documents.enums import DocumentState
from thidua.documents.queries import signature_requests_for_owner
from thidua.documents.uploads import pdf_attachment
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def proposal_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    rows = ProvincialProposal.objects.filter(organization=board).select_related(
        "year", "document", "decision"
    )
    return render(
        request,
        "awards/proposals/proposal_list.html",
        {"page_obj": paginate(rows, request.GET.get("page")), "can_manage": can_manage_awards(request.user)},
    )


def proposal_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = ProposalForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.create_provincial_proposal(created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The proposal is drafted: send it to a signer."))
            return redirect("proposals:proposal_detail", proposal.pk)
    return render(
        request, "blocs/form_page.html", {"form": form, "title": _("Draft a proposal to the province")}
    )


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = perms.get_proposal_for_user_or_404(request.user, pk)
    can_manage = can_manage_awards(request.user)
    decision = ProvincialDecision.objects.filter(proposal=proposal).first()
    return render(
        request,
        "awards/proposals/proposal_detail.html",
        {
            "proposal": proposal,
            "lines": list(proposal.lines.select_related("nomination__enterprise", "nomination__award_type")),
            "requests": list(signature_requests_for_owner(proposal)),
            "decision": decision,
            "signer_form": BoardSignerForm(board=proposal.organization)
            if can_manage and proposal.state == DocumentState.DRAFT
            else None,
            "decision_form": ProvincialDecisionForm(proposal=proposal)
            if can_manage and proposal.state == DocumentState.ISSUED and decision is None
            else None,
        },
    )


@require_POST
def proposal_submit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = perms.get_proposal_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = BoardSignerForm(request.POST, board=proposal.organization)
    if not form.is_valid():
        messages.error(request, _("Choose a signer of your Board."))
        return redirect("proposals:proposal_detail", proposal.pk)
    try:
        services.submit_provincial_proposal(
            proposal=proposal, signer=form.cleaned_data["signer"], submitted_by=request.user
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The proposal waits for its signature; it is numbered once signed."))
    return redirect("proposals:proposal_detail", proposal.pk)


@require_POST
def proposal_record(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = perms.get_proposal_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = ProvincialDecisionForm(request.POST, request.FILES, proposal=proposal)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_provincial_decision(
                proposal=proposal,
                number=data["number"],
                decided_on=data["decided_on"],
                signer=data["signer"],
                upload=data["file"],
                granted=[n.pk for n in data["granted"]],
                recorded_by=request.user,
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The province's decision is recorded."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("proposals:proposal_detail", proposal.pk)


def provincial_decision_download(request: HttpRequest, pk: int) -> HttpResponse:
    decision = perms.get_provincial_decision_for_user_or_404(request.user, pk)
    return pdf_attachment(decision.file, f"{decision.number}.pdf")
