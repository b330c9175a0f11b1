"""The voting engine on its own: person electors (a council) and unit electors (member enterprises), ballots
cast in the portal, written opinions, counts at the meeting, consensus, ties, second rounds, confirmation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from blocs.voting.enums import (
    BallotChannel,
    Counting,
    ThresholdBase,
    TieRule,
    VotingMethod,
    VotingPurpose,
    VotingStatus,
)
from blocs.voting.models import Ballot, BallotChoice
from blocs.voting.queries import rounds_of, voter_for_unit, voter_for_user
from blocs.voting.services import (
    CandidateSpec,
    VoterSpec,
    cast_ballot,
    close_voting_session,
    confirm_voting_result,
    create_voting_session,
    open_voting_session,
    record_chair_decision,
    record_consensus,
    record_paper_count,
    start_next_round,
)
from tests.factories.accounts import UserFactory
from tests.factories.blocs import EnterpriseFactory, MeetingFactory
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


def unit_session(world, units, *, candidates=2, **kwargs):
    return create_voting_session(
        organization=world.a.board,
        purpose=VotingPurpose.ELECTION,
        title="Bầu Khối trưởng năm 2027",
        voters=[VoterSpec(enterprise=unit, label=unit.name) for unit in units],
        candidates=[CandidateSpec(label=unit.name, enterprise=unit) for unit in units[:candidates]],
        created_by=world.a.officer,
        **kwargs,
    )


def me(session, user):
    return voter_for_user(session, user)


@pytest.fixture
def units(world):
    return [EnterpriseFactory(organization=world.a.board, name=f"Công ty {n}") for n in range(4)]


def test_secret_ballot_is_not_linked_to_its_choices(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)
    first = session.candidates.first()

    cast_ballot(session=session, voter=me(session, voters[0]), cast_by=voters[0], candidates=[first])

    assert (Ballot.objects.filter(session=session).count(), BallotChoice.objects.get().ballot) == (1, None)


def test_open_ballot_links_choices(world, voters):
    session = open_voting_session(
        session=make_session(world, voters, method=VotingMethod.OPEN), opened_by=world.a.officer
    )

    ballot = cast_ballot(
        session=session,
        voter=me(session, voters[0]),
        cast_by=voters[0],
        candidates=[session.candidates.first()],
    )

    assert BallotChoice.objects.get().ballot == ballot


def test_cast_twice_is_refused(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)
    cast_ballot(session=session, voter=me(session, voters[0]), cast_by=voters[0], candidates=[])

    with pytest.raises(ValidationError):
        cast_ballot(session=session, voter=me(session, voters[0]), cast_by=voters[0], candidates=[])

    assert Ballot.objects.filter(session=session).count() == 1


def test_a_unit_votes_once_whoever_casts_for_it(world, units):
    session = open_voting_session(session=unit_session(world, units), opened_by=None)
    unit = voter_for_unit(session, units[0].pk)
    first, second = UserFactory(organization=world.a.board), UserFactory(organization=world.a.board)
    cast_ballot(session=session, voter=unit, cast_by=first, candidates=[session.candidates.first()])

    with pytest.raises(ValidationError, match="already been cast for Công ty 0"):
        cast_ballot(session=session, voter=unit, cast_by=second, candidates=[session.candidates.last()])

    assert (Ballot.objects.filter(session=session).count(), BallotChoice.objects.count()) == (1, 1)


def test_a_person_elector_votes_only_for_themselves(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)

    with pytest.raises(PermissionDenied):
        cast_ballot(session=session, voter=me(session, voters[0]), cast_by=voters[1], candidates=[])


def test_cast_refused_outside_open(world, voters):
    session = make_session(world, voters)

    with pytest.raises(ValidationError):
        cast_ballot(session=session, voter=me(session, voters[0]), cast_by=voters[0], candidates=[])


def test_cast_refused_for_non_eligible(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)
    other = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)

    with pytest.raises(PermissionDenied):
        cast_ballot(session=session, voter=me(other, voters[0]), cast_by=voters[0], candidates=[])


def test_cast_refuses_too_many_choices(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)

    with pytest.raises(ValidationError):
        cast_ballot(
            session=session,
            voter=me(session, voters[0]),
            cast_by=voters[0],
            candidates=list(session.candidates.all()),
        )


def test_close_tallies_and_writes_minutes_then_confirm(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)
    first, _second = session.candidates.all()
    cast_ballot(session=session, voter=me(session, voters[0]), cast_by=voters[0], candidates=[first])
    cast_ballot(session=session, voter=me(session, voters[1]), cast_by=voters[1], candidates=[first])

    closed = close_voting_session(session=session, closed_by=world.a.officer)
    confirmed = confirm_voting_result(session=closed, confirmed_by=world.a.officer)

    assert (closed.result["present"], closed.result["elected"], confirmed.status) == (
        2,
        [first.pk],
        VotingStatus.RESULT_CONFIRMED,
    )
    assert "Ứng viên A: 2 phiếu đồng ý (100,00 %), 0 phiếu không đồng ý" in closed.minutes
    assert "Ứng viên B: 0 phiếu đồng ý (0,00 %), 2 phiếu không đồng ý" in closed.minutes
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert [a for a in actions if a.startswith(("voting_session.", "ballot."))] == [
        "voting_session.created",
        "voting_session.opened",
        "ballot.cast",
        "ballot.cast",
        "voting_session.closed",
        "voting_session.confirmed",
    ]


def test_a_unit_nobody_casts_for_counts_as_absent(world, units):
    """Four member units, one ballot: a quarter took part, short of two thirds."""
    session = open_voting_session(session=unit_session(world, units), opened_by=None)
    cast_ballot(
        session=session,
        voter=voter_for_unit(session, units[0].pk),
        cast_by=UserFactory(organization=world.a.board),
        candidates=[session.candidates.first()],
    )

    closed = close_voting_session(session=session, closed_by=None)

    assert (closed.result["eligible"], closed.result["present"], closed.result["quorum_reached"]) == (
        4,
        1,
        False,
    )
    assert closed.result["elected"] == []
    assert "vắng: Công ty 1; Công ty 2; Công ty 3" in closed.minutes
    with pytest.raises(ValidationError, match="quorum was not reached"):
        confirm_voting_result(session=closed, confirmed_by=None)


def test_written_opinions_of_absent_council_members_count(world):
    """Five council members, 80 % of all of them: three vote in the portal, one absent member's written
    opinion is recorded by the secretary; four of five reach the threshold."""
    council = [UserFactory(organization=world.a.board) for _ in range(5)]
    session = open_voting_session(
        session=create_voting_session(
            organization=world.a.board,
            purpose=VotingPurpose.COUNCIL,
            title="Xét đề nghị Cờ thi đua",
            voters=[VoterSpec(user=user, label=user.full_name) for user in council],
            candidates=[CandidateSpec(label="Công ty A")],
            created_by=world.a.officer,
            quorum_ratio="0.8",
            threshold_ratio="0.8",
            threshold_base=ThresholdBase.ALL_ELIGIBLE,
            threshold_inclusive=True,
        ),
        opened_by=world.a.officer,
    )
    nominee = session.candidates.get()
    for user in council[:3]:
        cast_ballot(session=session, voter=me(session, user), cast_by=user, candidates=[nominee])

    cast_ballot(
        session=session,
        voter=me(session, council[3]),
        cast_by=world.a.officer,
        candidates=[nominee],
        channel=BallotChannel.WRITTEN,
    )
    closed = close_voting_session(session=session, closed_by=world.a.officer)

    assert (closed.result["present"], closed.result["elected"]) == (4, [nominee.pk])
    assert Ballot.objects.get(voter=me(session, council[3])).channel == BallotChannel.WRITTEN


def test_paper_count_records_ballots_and_invalid_ones(world, units):
    session = unit_session(world, units, counting=Counting.PAPER)
    present = list(session.voters.all())
    first, second = session.candidates.all()

    closed = record_paper_count(
        session=session,
        present=present,
        issued=4,
        received=4,
        invalid=1,
        votes={first: 3, second: 0},
        recorded_by=None,
    )

    assert (closed.status, closed.result["valid"], closed.result["invalid"]) == (VotingStatus.CLOSED, 3, 1)
    assert [(row["votes"], row["against"]) for row in closed.result["rows"]] == [(3, 0), (0, 3)]
    assert closed.result["elected"] == [first.pk]  # 3 of the 4 present
    assert (
        "Số phiếu phát ra: 4; số phiếu thu về: 4; số phiếu hợp lệ: 3; số phiếu không hợp lệ: 1."
        in closed.minutes
    )


@pytest.mark.parametrize(
    ("counts", "field"),
    [
        ({"issued": 5, "received": 4, "invalid": 0}, "issued"),
        ({"issued": 4, "received": 4, "invalid": 5}, "invalid"),
        ({"issued": 4, "received": 3, "invalid": 1, "votes": (3, 0)}, "votes"),
        ({"issued": 4, "received": 4, "invalid": 0, "votes": (3, 2)}, "votes"),
    ],
)
def test_paper_count_refuses_impossible_numbers(world, units, counts, field):
    session = unit_session(world, units, counting=Counting.PAPER)
    first, second = session.candidates.all()
    a, b = counts.pop("votes", (1, 1))

    with pytest.raises(ValidationError) as caught:
        record_paper_count(
            session=session,
            present=list(session.voters.all()),
            votes={first: a, second: b},
            recorded_by=None,
            **counts,
        )

    assert field in caught.value.message_dict
    session.refresh_from_db()
    assert (session.status, session.ballots.count()) == (VotingStatus.SCHEDULED, 0)


def test_consensus_is_recorded_as_such(world, units):
    """The Thanh Bình first meeting chose its leader by consensus: no ballots, the minutes say so."""
    session = unit_session(world, units, method=VotingMethod.CONSENSUS)
    chosen = session.candidates.first()

    closed = record_consensus(
        session=session, present=list(session.voters.all())[:3], chosen=[chosen], recorded_by=None
    )

    assert (closed.result["consensus"], closed.result["elected"], closed.result["present"]) == (
        True,
        [chosen.pk],
        3,
    )
    assert "Hình thức: biểu quyết thống nhất." in closed.minutes
    assert "Các thành viên tham gia biểu quyết thống nhất: Công ty 0." in closed.minutes
    assert confirm_voting_result(session=closed, confirmed_by=None).status == VotingStatus.RESULT_CONFIRMED


def test_consensus_still_needs_the_quorum(world, units):
    session = unit_session(world, units, method=VotingMethod.CONSENSUS)

    closed = record_consensus(
        session=session,
        present=list(session.voters.all())[:2],
        chosen=[session.candidates.first()],
        recorded_by=None,
    )

    assert (closed.result["quorum_reached"], closed.result["elected"]) == (False, [])


def test_a_session_counted_elsewhere_cannot_be_opened(world, units):
    with pytest.raises(ValidationError):
        open_voting_session(session=unit_session(world, units, method=VotingMethod.CONSENSUS), opened_by=None)


def _tied(world, units, **kwargs):
    """Four units split two-two between the first two candidates."""
    session = open_voting_session(session=unit_session(world, units, **kwargs), opened_by=None)
    first, second = session.candidates.all()[:2]
    for unit, choice in zip(units, [first, first, second, second], strict=True):
        cast_ballot(
            session=session, voter=voter_for_unit(session, unit.pk), cast_by=None, candidates=[choice]
        )
    return close_voting_session(session=session, closed_by=None)


def test_a_tie_is_not_confirmed_and_a_second_round_follows(world, units):
    closed = _tied(world, units)
    first, second = closed.candidates.all()

    with pytest.raises(ValidationError, match="undecided"):
        confirm_voting_result(session=closed, confirmed_by=None)
    second_round = start_next_round(session=closed, created_by=None)

    assert closed.result["tied"] == [first.pk, second.pk]
    assert "Số phiếu bằng nhau giữa: Công ty 0; Công ty 1." in closed.minutes
    assert (second_round.round, second_round.runoff_of, second_round.status) == (
        2,
        closed,
        VotingStatus.SCHEDULED,
    )
    assert list(second_round.candidates.values_list("label", flat=True)) == ["Công ty 0", "Công ty 1"]
    assert second_round.voters.count() == 4
    with pytest.raises(ValidationError, match="already been started"):
        start_next_round(session=closed, created_by=None)


def test_rounds_share_their_subject(world, units):
    subject = MeetingFactory(bloc__organization=world.a.board)
    closed = _tied(world, units, subject=subject)

    second_round = start_next_round(session=closed, created_by=None)

    assert list(rounds_of(subject)) == [closed, second_round]


def test_next_round_after_a_missed_quorum_has_every_candidate(world, units):
    session = open_voting_session(session=unit_session(world, units, candidates=3), opened_by=None)
    closed = close_voting_session(session=session, closed_by=None)

    again = start_next_round(session=closed, created_by=None, counting=Counting.PAPER)

    assert (again.candidates.count(), again.counting, again.seats) == (3, Counting.PAPER, 1)


def test_the_chair_decides_a_tie_where_the_regulation_says_so(world, units):
    closed = _tied(world, units, tie_rule=TieRule.CHAIR)
    _first, second = closed.candidates.all()

    decided = record_chair_decision(session=closed, candidate=second, note="Điều 9 Quy chế", recorded_by=None)

    assert (decided.result["elected"], decided.result["chair_decision"]["candidate_id"]) == (
        [second.pk],
        second.pk,
    )
    assert "Theo quy chế, chủ tọa quyết định: Công ty 1 (Điều 9 Quy chế)." in decided.minutes
    assert confirm_voting_result(session=decided, confirmed_by=None).status == VotingStatus.RESULT_CONFIRMED


def test_the_chair_does_not_decide_without_the_rule_nor_outside_the_tie(world, units):
    runoff_rule = _tied(world, units)
    with pytest.raises(ValidationError, match="second round"):
        record_chair_decision(session=runoff_rule, candidate=runoff_rule.candidates.first(), recorded_by=None)
    chair_rule = _tied(
        world,
        [EnterpriseFactory(organization=world.a.board) for _ in range(4)],
        candidates=3,
        tie_rule=TieRule.CHAIR,
    )
    outsider = chair_rule.candidates.last()
    with pytest.raises(ValidationError, match="tied candidates"):
        record_chair_decision(session=chair_rule, candidate=outsider, recorded_by=None)


def test_confirm_refuses_open_session(world, voters):
    session = open_voting_session(session=make_session(world, voters), opened_by=world.a.officer)

    with pytest.raises(ValidationError):
        confirm_voting_result(session=session, confirmed_by=world.a.officer)


def test_create_refuses_voters_of_another_board(world):
    with pytest.raises(ValidationError):
        make_session(world, [world.b.officer])


def test_create_refuses_a_unit_listed_twice(world, units):
    with pytest.raises(ValidationError, match="only once"):
        unit_session(world, [units[0], units[0]])
