"""Reads of the council: its members, sessions, items with their rounds, who has voted."""

from django.db.models import QuerySet

from awards.council.models import CouncilItem, CouncilSession
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from blocs.voting import queries as voting_queries
from thidua.accounts.enums import BoardRole
from thidua.accounts.models import User


def council_members(board) -> list[User]:
    """The Board's active council members (the council role), by name."""
    return list(
        User.objects.filter(organization=board, is_active=True, board_roles__role=BoardRole.COUNCIL)
        .distinct()
        .order_by("full_name", "pk")
    )


def sessions_for_board(board) -> QuerySet[CouncilSession]:
    return CouncilSession.objects.filter(organization=board).select_related("year")


def items_of(session: CouncilSession) -> list[CouncilItem]:
    return list(
        session.items.select_related(
            "voting", "nomination__award_type", "nomination__enterprise", "nomination__year"
        )
    )


def awaiting_council(board, year=None) -> QuerySet[Nomination]:
    rows = Nomination.objects.filter(
        organization=board, status=NominationStatus.COUNCIL_VOTING
    ).select_related("award_type", "enterprise", "year")
    return rows.filter(year=year) if year is not None else rows


def turnout(items: list[CouncilItem]) -> tuple[list, set[int]]:
    """The electors of the session (from its first item, every item has the same) with ``took_part``, and the
    user ids who have voted: one query."""
    if not items or items[0].voting is None:
        return [], set()
    voters = list(voting_queries.voters_with_turnout(items[0].voting))
    return voters, {voter.user_id for voter in voters if voter.took_part}


def council_minutes_citation_for(nomination_ids, board) -> str:
    """ "Biên bản họp Hội đồng Thi đua - Khen thưởng … ngày …" of the latest session that approved one of the
    nominations, or "" when there is none."""
    session = (
        CouncilSession.objects.filter(
            items__nomination_id__in=list(nomination_ids), items__outcome="APPROVED"
        )
        .order_by("-meets_on", "-pk")
        .first()
    )
    if session is None:
        return ""
    day = session.meets_on
    return (
        f"Biên bản họp Hội đồng Thi đua - Khen thưởng {board.name} ngày {day:%d} tháng {day:%m} năm {day:%Y}"
    )
