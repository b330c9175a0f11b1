"""Reads of the award decisions."""

from django.db.models import QuerySet

from awards.council.queries import council_minutes_citation_for
from awards.decisions.models import AwardDecision
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination


def decisions_for_board(board) -> QuerySet[AwardDecision]:
    return AwardDecision.objects.filter(organization=board).select_related("year", "award_type", "document")


def approved_for_decision(board) -> QuerySet[Nomination]:
    """Approved nominations of the Board's own awards not yet in a decision."""
    return (
        Nomination.objects.filter(
            organization=board,
            status=NominationStatus.APPROVED,
            award_type__deciding_level="BOARD",
            decision_line__isnull=True,
        )
        .select_related("award_type", "enterprise", "year")
        .order_by("award_type__sort_order", "pk")
    )


def council_minutes_citation(decision: AwardDecision) -> str:
    return council_minutes_citation_for(
        decision.lines.values_list("nomination_id", flat=True), decision.organization
    )
