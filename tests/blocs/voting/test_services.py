import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from blocs.voting.enums import VotingPurpose, VotingStatus
from blocs.voting.models import Ballot, BallotChoice
from blocs.voting.services import (
    CandidateSpec,
    VoterSpec,
    cast_ballot,
    close_voting_session,
    confirm_voting_result,
    create_voting_session,
    open_voting_session,
)
from tests.factories.accounts import UserFactory
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit


@pytest.fixture
def voters(world):
    return [UserFactory(organization=world.a.board) for _ in range(3)]


def make_session(world, voters, **kwargs):
    return create_voting_session(
        organization=world.a.board,
        purpose=VotingPurpose.COUNCIL,
        title="Bỏ phiếu thử",
        voters=[VoterSpec(user=user, label=user.full_name) for user in voters],
        candidates=[CandidateSpec(label="Ứng viên A"), CandidateSpec(label="Ứng viên B")],
        created_by=world.a.officer,
        **kwargs,
    )


def test_secret_ballot_is_not_linked_to_its_choices(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)
    first = session.candidates.first()

    cast_ballot(session=session, voter_user=voters[0], candidates=[first])

    assert (Ballot.objects.filter(session=session).count(), BallotChoice.objects.get().ballot) == (1, None)


def test_open_ballot_links_choices(world, voters):
    session = open_voting_session(
        session=make_session(world, voters, secret=False), opened_by=world.a.officer
    )

    ballot = cast_ballot(session=session, voter_user=voters[0], candidates=[session.candidates.first()])

    assert BallotChoice.objects.get().ballot == ballot


def test_cast_twice_is_refused(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)
    cast_ballot(session=session, voter_user=voters[0], candidates=[])

    with pytest.raises(ValidationError):
        cast_ballot(session=session, voter_user=voters[0], candidates=[])

    assert Ballot.objects.filter(session=session).count() == 1


def test_cast_refused_outside_open(world, voters):
    session = make_session(world, voters)

    with pytest.raises(ValidationError):
        cast_ballot(session=session, voter_user=voters[0], candidates=[])


def test_cast_refused_for_non_eligible(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)

    with pytest.raises(PermissionDenied):
        cast_ballot(session=session, voter_user=world.a.officer, candidates=[])


def test_cast_refuses_too_many_choices(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)

    with pytest.raises(ValidationError):
        cast_ballot(session=session, voter_user=voters[0], candidates=list(session.candidates.all()))


def test_close_tallies_and_writes_minutes_then_confirm(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)
    first, _second = session.candidates.all()
    cast_ballot(session=session, voter_user=voters[0], candidates=[first])
    cast_ballot(session=session, voter_user=voters[1], candidates=[first])

    closed = close_voting_session(session=session, closed_by=world.a.officer)
    confirmed = confirm_voting_result(session=closed, confirmed_by=world.a.officer)

    assert (closed.result["present"], closed.result["elected"], confirmed.status) == (
        2,
        [first.pk],
        VotingStatus.RESULT_CONFIRMED,
    )
    assert "Ứng viên A: 2 phiếu" in closed.minutes
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert [a for a in actions if a.startswith(("voting_session.", "ballot."))] == [
        "voting_session.created",
        "voting_session.opened",
        "ballot.cast",
        "ballot.cast",
        "voting_session.closed",
        "voting_session.confirmed",
    ]


def test_confirm_refuses_open_session(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)

    with pytest.raises(ValidationError):
        confirm_voting_result(session=session, confirmed_by=world.a.officer)


def test_create_refuses_voters_of_another_board(world):
    with pytest.raises(ValidationError):
        make_session(world, [world.b.officer])
