"""Reads of the award decisions."""

from django.db.models import QuerySet

from awards.council.models import CouncilSession
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
    """ "Biên bản họp Hội đồng Thi đua - Khen thưởng ngày …" of the latest session that approved one of the
    decision's nominations, or "" when there is none."""
    session = (
        CouncilSession.objects.filter(
            items__nomination__decision_line__decision=decision, items__outcome="APPROVED"
        )
        .order_by("-meets_on", "-pk")
        .first()
    )
    if session is None:
        return ""
    day = session.meets_on
    return (
        f"Biên bản họp Hội đồng Thi đua - Khen thưởng {decision.organization.name} "
        f"ngày {day:%d} tháng {day:%m} năm {day:%Y}"
    )
