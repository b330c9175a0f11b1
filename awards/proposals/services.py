"""Provincial proposals: drafted from approved nominations of an award the province decides, sent to a signer
through the platform's signing workflow (signed before numbered), the nominations FORWARDED once signed; then
the province's decision recorded and each forwarded nomination granted or not."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.council.queries import council_minutes_citation_for
from awards.enums import DecidingLevel, SubjectKind
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from awards.nominations.queries import proposer_users
from awards.nominations.services.common import announce, ensure_year_open, move
from awards.proposals import documents
from awards.proposals.models import ProvincialDecision, ProvincialProposal, ProvincialProposalLine
from thidua.audit.services import record_event
from thidua.documents.enums import DocumentState
from thidua.documents.kinds import recipients_for
from thidua.documents.services.signing import request_signature
from thidua.documents.uploads import check_pdf_upload


def _lock(proposal: ProvincialProposal) -> ProvincialProposal:
    return (
        ProvincialProposal.objects.select_for_update(of=("self",))
        .select_related("year", "award_type", "organization")
        .get(pk=proposal.pk)
    )


def _nominations(proposal: ProvincialProposal) -> list[Nomination]:
    return list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(proposal_line__proposal=proposal)
        .select_related("organization", "enterprise", "award_type", "created_by")
        .order_by("proposal_line__position")
    )


@transaction.atomic
def create_provincial_proposal(*, year, award_type, nominations, created_by) -> ProvincialProposal:
    ensure_year_open(year)
    if award_type.deciding_level != DecidingLevel.PROVINCE:
        raise ValidationError({"award_type": _("Only awards the province decides are proposed to it.")})
    rows = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(pk__in=[n.pk for n in nominations], organization_id=year.organization_id)
        .order_by("pk")
    )
    if not rows:
        raise ValidationError({"nominations": _("Choose at least one approved nomination.")})
    if any(
        n.status != NominationStatus.APPROVED or n.award_type_id != award_type.pk or n.year_id != year.pk
        for n in rows
    ):
        raise ValidationError(
            {"nominations": _("Choose this year's nominations of this award approved by the council.")}
        )
    if ProvincialProposalLine.objects.filter(nomination__in=rows).exists():
        raise ValidationError({"nominations": _("A nomination is already in another proposal.")})
    proposal = ProvincialProposal.objects.create(
        organization_id=year.organization_id,
        year=year,
        award_type=award_type,
        title=documents.proposal_title(short_name=award_type.short_name, year=year.year),
        created_by=created_by,
    )
    ProvincialProposalLine.objects.bulk_create(
        ProvincialProposalLine(proposal=proposal, nomination=n, position=position)
        for position, n in enumerate(rows)
    )
    record_event(
        action="provincial_proposal.created",
        actor=created_by,
        organization=proposal.organization,
        obj=proposal,
        changes={"award_type": award_type.code, "nominations": [n.pk for n in rows]},
    )
    return proposal


def proposal_context(proposal: ProvincialProposal) -> dict:
    board = proposal.organization
    nominations = [line.nomination for line in proposal.lines.select_related("nomination__enterprise")]
    return documents.proposal_context(
        board_name=board.name,
        province=board.place_name,
        award_name=proposal.award_type.printed_name(board),
        short_name=proposal.award_type.short_name,
        year=proposal.year.year,
        lines=[
            {
                "is_collective": n.subject_kind != SubjectKind.INDIVIDUAL,
                "name": n.enterprise.name if n.subject_kind == SubjectKind.ENTERPRISE else n.subject_name,
                "title": n.position,
                "unit": n.enterprise.name if n.subject_kind != SubjectKind.ENTERPRISE else "",
                "achievement": n.achievement,
            }
            for n in nominations
        ],
        council_minutes=council_minutes_citation_for([n.pk for n in nominations], board),
    )


@transaction.atomic
def submit_provincial_proposal(*, proposal: ProvincialProposal, signer, submitted_by) -> ProvincialProposal:
    proposal = _lock(proposal)
    ensure_year_open(proposal.year)
    if proposal.state != DocumentState.DRAFT:
        raise ValidationError(_("Only a draft can be sent for signature."), code="not_draft")
    board = proposal.organization
    request_signature(
        organization=board,
        kind=documents.KIND,
        doc_type=documents.DOC_TYPE,
        title=proposal.title,
        template_name=documents.TEMPLATE_NAME,
        context=proposal_context(proposal),
        owner=proposal,
        requested_by=submitted_by,
        signer=signer,
        recipients=recipients_for(board, documents.KIND, lead=("Như trên;",)),
        owner_url=reverse("proposals:proposal_detail", args=[proposal.pk]),
    )
    proposal.state = DocumentState.PENDING_SIGNATURE
    proposal.save(update_fields=["state"])
    record_event(
        action="provincial_proposal.submitted",
        actor=submitted_by,
        organization=board,
        obj=proposal,
        changes={"signer": signer.email},
    )
    return proposal


def proposal_signed(sender, *, signature_request, document, owner, **kwargs) -> None:
    """Signed and numbered: the proposal goes to the province, its nominations are FORWARDED."""
    proposal = _lock(owner)
    proposal.state = DocumentState.ISSUED
    proposal.document = document
    proposal.save(update_fields=["state", "document"])
    for nomination in _nominations(proposal):
        move(nomination, "forward", signature_request.signer, comment=document.number_and_symbol)
        announce(
            proposer_users(nomination),
            nomination,
            _("The nomination of %(subject)s was forwarded to the province (%(number)s).")
            % {"subject": nomination.subject_label, "number": document.number_and_symbol},
        )
    record_event(
        action="provincial_proposal.issued",
        actor=signature_request.signer,
        organization=proposal.organization,
        obj=proposal,
        changes={"number": document.number_and_symbol},
    )


def proposal_returned(sender, *, signature_request, owner, **kwargs) -> None:
    proposal = _lock(owner)
    proposal.state = DocumentState.DRAFT
    proposal.save(update_fields=["state"])


@transaction.atomic
def record_provincial_decision(
    *,
    proposal: ProvincialProposal,
    number: str,
    decided_on,
    signer: str,
    upload,
    granted: list[int],
    recorded_by,
) -> ProvincialDecision:
    """The province's decision on an issued proposal: its number, date, signer and PDF; the nominations in
    ``granted`` are DECIDED_EXTERNAL, the other forwarded ones REJECTED_EXTERNAL."""
    proposal = _lock(proposal)
    if proposal.state != DocumentState.ISSUED:
        raise ValidationError(_("Record the province's decision once the proposal is signed and sent."))
    if ProvincialDecision.objects.filter(proposal=proposal).exists():
        raise ValidationError(_("The province's decision on this proposal is already recorded."))
    errors = {}
    if not number.strip():
        errors["number"] = _("Enter the decision's number and symbol.")
    if not signer.strip():
        errors["signer"] = _("Enter who signed the decision.")
    if errors:
        raise ValidationError(errors)
    check_pdf_upload(upload, field="file")
    nominations = _nominations(proposal)
    unknown = set(granted) - {n.pk for n in nominations}
    if unknown:
        raise ValidationError({"granted": _("Choose among the nominations of this proposal.")})
    decision = ProvincialDecision.objects.create(
        proposal=proposal,
        number=number.strip(),
        decided_on=decided_on,
        signer=signer.strip(),
        file=upload,
        recorded_by=recorded_by,
    )
    for nomination in nominations:
        if nomination.status != NominationStatus.FORWARDED:
            continue
        action = "decide_external" if nomination.pk in granted else "reject_external"
        move(nomination, action, recorded_by, comment=decision.number)
        announce(
            proposer_users(nomination),
            nomination,
            (
                _("The province granted %(award)s to %(subject)s (%(number)s).")
                if action == "decide_external"
                else _("The province did not grant %(award)s to %(subject)s (%(number)s).")
            )
            % {
                "award": nomination.award_type.short_name,
                "subject": nomination.subject_label,
                "number": decision.number,
            },
        )
    record_event(
        action="provincial_decision.recorded",
        actor=recorded_by,
        organization=proposal.organization,
        obj=proposal,
        changes={"number": decision.number, "granted": sorted(granted)},
    )
    return decision
