"""The consolidation decision (Quyết định kiện toàn): a Board document, so drafted, sent to the signer the
issuer chooses, signed (re-authenticated) and only then numbered and issued (Decree 30/2020, Art. 15; the
workflow is the documents platform's, ``thidua.documents.services``). Once signed it supersedes the year's
earlier decision and every active membership of the year rests on it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import DecisionStatus, MembershipRole, MembershipStatus
from blocs.membership.documents import (
    DOC_TYPE,
    KIND,
    TEMPLATE_NAME,
    BlocSection,
    MemberRow,
    consolidation_context,
    decision_bases,
    decision_title,
)
from blocs.membership.models import BlocMembership, ConsolidationDecision, EmulationYear
from blocs.membership.queries import blocs_with_members, year_has_applied_election
from blocs.membership.services.years import ensure_year_open, lock_open_year
from thidua.audit.services import record_event
from thidua.documents.enums import DocumentState
from thidua.documents.kinds import recipients_for
from thidua.documents.legal_bases import citation_of
from thidua.documents.queries import legal_bases_for
from thidua.documents.services import advance, request_signature


def consolidation_problems(rosters: list[dict]) -> list[str]:
    """Every bloc with members needs exactly one leader (the DB already forbids two)."""
    problems = []
    for entry in rosters:
        leaders = [m for m in entry["members"] if m.role == MembershipRole.LEADER]
        if len(leaders) != 1:
            problems.append(_("The bloc %(code)s has no leader.") % {"code": entry["bloc"].code})
    return problems


def _checked_rosters(year: EmulationYear) -> list[dict]:
    ensure_year_open(year)
    rosters = blocs_with_members(year)
    if not rosters:
        raise ValidationError(_("No bloc has members in %(year)s yet.") % {"year": year.year})
    problems = consolidation_problems(rosters)
    if problems:
        raise ValidationError(problems)
    return rosters


def _sections(rosters: list[dict]) -> list[BlocSection]:
    return [
        BlocSection(
            code=entry["bloc"].code,
            name=entry["bloc"].name,
            members=[
                MemberRow(
                    name=m.enterprise.name,
                    tax_code=m.enterprise.tax_code,
                    park=m.enterprise.park.name if m.enterprise.park_id else "",
                    role=m.role,
                )
                for m in entry["members"]
            ],
        )
        for entry in rosters
    ]


@transaction.atomic
def create_consolidation_draft(*, year: EmulationYear, created_by) -> ConsolidationDecision:
    """A draft decision for the open year (no number: it is taken when the signer signs). One draft or
    submitted decision at a time per year: the year's row is locked first, so two officers clicking at once
    make one draft and the second reads why (the partial unique constraint
    ``one_decision_in_preparation_per_year`` keeps the rule for any other write)."""
    year = lock_open_year(year)
    _checked_rosters(year)
    in_preparation = ValidationError(
        _("A consolidation decision for %(year)s is already being prepared: finish or delete it first.")
        % {"year": year.year}
    )
    if ConsolidationDecision.objects.filter(year=year).exclude(state=DocumentState.ISSUED).exists():
        raise in_preparation
    try:
        with transaction.atomic():
            decision = ConsolidationDecision.objects.create(
                organization=year.organization, year=year, status=DecisionStatus.DRAFT, created_by=created_by
            )
    except IntegrityError:
        raise in_preparation from None
    record_event(
        action="consolidation_decision.created",
        actor=created_by,
        organization=year.organization,
        obj=decision,
        changes={"year": year.year},
    )
    return decision


def _lock(decision: ConsolidationDecision) -> ConsolidationDecision:
    # of=("self",): lock the decision only, not the joined year and Board rows.
    return (
        ConsolidationDecision.objects.select_for_update(of=("self",))
        .select_related("year__organization", "organization")
        .get(pk=decision.pk)
    )


@transaction.atomic
def delete_consolidation_draft(*, decision: ConsolidationDecision, deleted_by) -> None:
    """Delete a draft (it has no number, so no gap is left in the register)."""
    locked = _lock(decision)
    if locked.state != DocumentState.DRAFT:
        raise ValidationError(_("Only a draft decision can be deleted: withdraw it from signature first."))
    record_event(
        action="consolidation_decision.deleted",
        actor=deleted_by,
        organization=locked.organization,
        obj=locked,
        changes={"year": locked.year.year},
    )
    locked.delete()


def decision_context(year: EmulationYear, rosters: list[dict], *, on) -> dict:
    """The decision's snapshot: the bases the Board's library gives this kind on ``on``, the rosters."""
    board = year.organization
    citations = [citation_of(basis) for basis in legal_bases_for(board, KIND, on=on)]
    return consolidation_context(
        year=year.year,
        sections=_sections(rosters),
        legal_bases=decision_bases(citations, board_name=board.name, elected=year_has_applied_election(year)),
    )


@transaction.atomic
def submit_consolidation_decision(
    *, decision: ConsolidationDecision, submitted_by, signer
) -> ConsolidationDecision:
    """Send the draft to ``signer`` (a signer of the Board): the preview, marked "DỰ THẢO", shows the
    rosters as they are now; the number and the date come when the signer signs."""
    locked = _lock(decision)
    locked.state = advance(locked.state, "submit")
    rosters = _checked_rosters(locked.year)
    board = locked.organization
    request_signature(
        organization=board,
        kind=KIND,
        doc_type=DOC_TYPE,
        title=decision_title(locked.year.year),
        template_name=TEMPLATE_NAME,
        context=decision_context(locked.year, rosters, on=timezone.localdate()),
        owner=locked,
        owner_url=reverse("membership:decision_detail", args=[locked.pk]),
        requested_by=submitted_by,
        signer=signer,
        recipients=recipients_for(board, KIND),
    )
    locked.signer = signer
    locked.save(update_fields=["state", "signer"])
    record_event(
        action="consolidation_decision.submitted",
        actor=submitted_by,
        organization=board,
        obj=locked,
        changes={"signer": signer.full_name},
    )
    return locked


def decision_signed(*, signature_request, document, owner) -> ConsolidationDecision:
    """The signer signed (inside the platform's transaction): the decision is issued with the number and
    date taken now, supersedes the year's earlier decision, and the year's active memberships rest on it."""
    locked = _lock(owner)
    locked.state = advance(locked.state, "sign")
    # The decision in force steps down first: one ISSUED decision per year (``one_issued_decision_per_year``).
    # No lock on the year here: the platform already wrote its audit event, and the year comes before the
    # audit chain in the lock order; one decision in preparation per year means no other can be signed now.
    ConsolidationDecision.objects.filter(year=locked.year, status=DecisionStatus.ISSUED).update(
        status=DecisionStatus.SUPERSEDED
    )
    locked.status = DecisionStatus.ISSUED
    locked.document = document
    locked.number = f"{document.number:02d}"
    locked.symbol = document.symbol
    locked.signed_on = document.issued_on
    locked.effective_on = locked.effective_on or document.issued_on
    locked.save(
        update_fields=["state", "status", "document", "number", "symbol", "signed_on", "effective_on"]
    )
    BlocMembership.objects.filter(year=locked.year, status=MembershipStatus.ACTIVE).update(decision=locked)
    record_event(
        action="consolidation_decision.issued",
        actor=signature_request.decided_by,
        organization=locked.organization,
        obj=locked,
        changes={"year": locked.year.year, "number": document.number_and_symbol},
    )
    return locked


def decision_returned(*, signature_request, owner) -> ConsolidationDecision:
    """Returned by the signer (with a reason) or withdrawn by the issuer: a draft again, unnumbered."""
    locked = _lock(owner)
    locked.state = advance(locked.state, "return")
    locked.save(update_fields=["state"])
    record_event(
        action=f"consolidation_decision.{signature_request.status}",
        actor=signature_request.decided_by,
        organization=locked.organization,
        obj=locked,
        changes={"reason": signature_request.reason} if signature_request.reason else {},
    )
    return locked
