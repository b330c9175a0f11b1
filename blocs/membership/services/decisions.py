"""The consolidation decision (Quyết định kiện toàn): checked, numbered and rendered through the documents app."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import DecisionStatus, MembershipRole, MembershipStatus
from blocs.membership.documents import (
    DOC_TYPE,
    KIND,
    RECIPIENTS,
    TEMPLATE_NAME,
    BlocSection,
    MemberRow,
    consolidation_context,
    decision_title,
)
from blocs.membership.models import BlocMembership, ConsolidationDecision, EmulationYear
from blocs.membership.queries import blocs_with_members
from blocs.membership.services.years import ensure_year_open
from thidua.audit.services import record_event
from thidua.documents.services import issue_document
from thidua.documents.signers import board_signer_block


def consolidation_problems(rosters: list[dict]) -> list[str]:
    """Every bloc with members needs exactly one leader (the DB already forbids two)."""
    problems = []
    for entry in rosters:
        leaders = [m for m in entry["members"] if m.role == MembershipRole.LEADER]
        if len(leaders) != 1:
            problems.append(_("The bloc %(code)s has no leader.") % {"code": entry["bloc"].code})
    return problems


@transaction.atomic
def issue_consolidation_decision(
    *, year: EmulationYear, issued_by, signer=None, issued_on=None, effective_on=None
) -> ConsolidationDecision:
    """Number and queue the decision; every active membership of the year now rests on it.

    ``signer``: a Board user with the signer role (their title is printed), or None for an unsigned draft layout.
    Earlier issued decisions of the year become SUPERSEDED.
    """
    ensure_year_open(year)
    rosters = blocs_with_members(year)
    if not rosters:
        raise ValidationError(_("No bloc has members in %(year)s yet.") % {"year": year.year})
    problems = consolidation_problems(rosters)
    if problems:
        raise ValidationError(problems)
    board = year.organization
    sections = [
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
    issued_on = issued_on or timezone.localdate()
    decision = ConsolidationDecision.objects.create(
        organization=board,
        year=year,
        status=DecisionStatus.ISSUED,
        signed_on=issued_on,
        effective_on=effective_on or issued_on,
        created_by=issued_by,
    )
    signer_block = board_signer_block(signer) if signer is not None else {}
    document = issue_document(
        organization=board,
        kind=KIND,
        doc_type=DOC_TYPE,
        title=decision_title(year.year),
        template_name=TEMPLATE_NAME,
        context=consolidation_context(
            board_name=board.name,
            issuing_body_line=board.issuing_body_line,
            parent_body_line=board.parent_body_line,
            year=year.year,
            sections=sections,
        ),
        owner=decision,
        requested_by=issued_by,
        signer=signer_block,
        recipients=RECIPIENTS,
        issued_on=issued_on,
    )
    decision.document = document
    decision.number = f"{document.number:02d}"
    decision.symbol = document.symbol
    decision.save(update_fields=["document", "number", "symbol"])
    ConsolidationDecision.objects.filter(year=year, status=DecisionStatus.ISSUED).exclude(
        pk=decision.pk
    ).update(status=DecisionStatus.SUPERSEDED)
    BlocMembership.objects.filter(year=year, status=MembershipStatus.ACTIVE).update(decision=decision)
    record_event(
        action="consolidation_decision.issued",
        actor=issued_by,
        organization=board,
        obj=decision,
        changes={"year": year.year, "number": f"{decision.number}/{decision.symbol}", "blocs": len(sections)},
    )
    return decision
