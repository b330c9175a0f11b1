"""Reads of the voting engine."""

from django.db.models import QuerySet

from blocs.voting.models import Ballot, Candidate, EligibleVoter, VotingSession


def sessions_for_board(board) -> QuerySet[VotingSession]:
    return (
        VotingSession.objects.filter(organization=board)
        .select_related("bloc", "year")
        .order_by("-created_at")
    )


def candidates_of(session: VotingSession) -> QuerySet[Candidate]:
    return Candidate.objects.filter(session=session).select_related("enterprise").order_by("position", "id")


def has_voted(session: VotingSession, user) -> bool:
    return Ballot.objects.filter(session=session, voter__user=user).exists()


def is_eligible_voter(session: VotingSession, user) -> bool:
    return EligibleVoter.objects.filter(session=session, user=user).exists()


def turnout(session: VotingSession) -> tuple[int, int]:
    """(ballots cast, eligible voters), without revealing choices."""
    return (
        Ballot.objects.filter(session=session).count(),
        EligibleVoter.objects.filter(session=session).count(),
    )
