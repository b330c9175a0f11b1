"""Reads of the voting engine."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, QuerySet

from blocs.voting.models import Ballot, Candidate, EligibleVoter, VotingSession


def sessions_for_board(board) -> QuerySet[VotingSession]:
    return (
        VotingSession.objects.filter(organization=board)
        .select_related("bloc", "year")
        .order_by("-created_at")
    )


def rounds_of(subject: Model) -> QuerySet[VotingSession]:
    """Every round of the vote on ``subject`` (e.g. a bloc's election), the first first."""
    return VotingSession.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).order_by("round", "id")


def latest_rounds(subjects) -> dict[int, VotingSession]:
    """The last round of each of the given subjects (all of one model), by subject id (two queries at most)."""
    subjects = list(subjects)
    if not subjects:
        return {}
    sessions = VotingSession.objects.filter(
        subject_type=ContentType.objects.get_for_model(subjects[0]), subject_id__in=[s.pk for s in subjects]
    ).order_by("subject_id", "round", "id")
    return {session.subject_id: session for session in sessions}


def candidates_of(session: VotingSession) -> QuerySet[Candidate]:
    return Candidate.objects.filter(session=session).select_related("enterprise").order_by("position", "id")


def voters_of(session: VotingSession) -> QuerySet[EligibleVoter]:
    return EligibleVoter.objects.filter(session=session).order_by("label", "id")


def voters_with_turnout(session: VotingSession) -> QuerySet[EligibleVoter]:
    """The electors of ``session``, each with ``took_part`` (without revealing choices): one query."""
    return voters_of(session).annotate(
        took_part=Exists(Ballot.objects.filter(session=session, voter=OuterRef("pk")))
    )


def voted_ids(session: VotingSession) -> set[int]:
    """The electors (EligibleVoter ids) who took part, without revealing choices."""
    return set(Ballot.objects.filter(session=session).values_list("voter_id", flat=True))


def has_voted(session: VotingSession, voter: EligibleVoter | None) -> bool:
    return voter is not None and Ballot.objects.filter(session=session, voter=voter).exists()


def voter_for_user(session: VotingSession, user) -> EligibleVoter | None:
    """The person elector ``user`` is in ``session`` (a council member), or None."""
    return EligibleVoter.objects.filter(session=session, user=user).first()


def voter_for_unit(session: VotingSession, enterprise_id: int | None) -> EligibleVoter | None:
    """The unit elector of ``enterprise_id`` in ``session``, or None."""
    if enterprise_id is None:
        return None
    return EligibleVoter.objects.filter(session=session, enterprise_id=enterprise_id).first()


def unit_voter_in_last_round(subject: Model, enterprise_id: int | None) -> EligibleVoter | None:
    """The elector row of the unit ``enterprise_id`` in the last round of the vote on ``subject`` (its
    round joined), or None: one query. Every round has the same electors."""
    if enterprise_id is None:
        return None
    return (
        EligibleVoter.objects.filter(
            session__subject_type=ContentType.objects.get_for_model(subject),
            session__subject_id=subject.pk,
            enterprise_id=enterprise_id,
        )
        .select_related("session", "session__organization")
        .order_by("-session__round", "-session_id")
        .first()
    )


def turnout(session: VotingSession) -> tuple[int, int]:
    """(electors who took part, eligible electors), without revealing choices."""
    return (
        Ballot.objects.filter(session=session).count(),
        EligibleVoter.objects.filter(session=session).count(),
    )
