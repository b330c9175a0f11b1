"""A bloc's leader election by its member units (issue 10, domain.md §17.4): one vote per member enterprise,
cast by its representative or delegate; quorum over member enterprises, those without an account absent;
ties go to a second round; the confirmed result goes to the year the election is for, by the one rule."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from blocs.enums import EnterpriseRole, MembershipRole
from blocs.membership.queries import current_round, election_rounds
from blocs.membership.services import (
    apply_election_result,
    cast_member_ballot,
    close_election_round,
    confirm_election,
    create_election,
    name_delegate,
    open_election,
    open_year,
    record_election_consensus,
    start_election_round,
    update_year_settings,
)
from blocs.models import BlocMembership, Election
from blocs.voting.enums import VotingMethod, VotingStatus
from blocs.voting.models import Ballot
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    enterprise_user,
    signed_consolidation_decision,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def bloc_of_five(world):
    """A bloc of five member enterprises in 2026, each with its representative's account."""
    bloc = BlocFactory(organization=world.a.board, name="Khối thi đua KCN Thanh Bình")
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    members = [BlocMembershipFactory(bloc=bloc, year=year) for _ in range(5)]
    members.sort(key=lambda m: m.enterprise.name)
    representatives = [enterprise_user(m.enterprise) for m in members]
    return bloc, year, members, representatives


def _candidate(election, membership):
    return current_round(election).candidates.get(enterprise=membership.enterprise)


def _vote(election, representatives, members, choices):
    """Each representative votes for the member at the same index in ``choices`` (None: agrees with none)."""
    for user, choice in zip(representatives, choices, strict=False):
        candidates = [] if choice is None else [_candidate(election, members[choice])]
        cast_member_ballot(election=election, cast_by=user, candidates=candidates)


def _elect(world, bloc, year, members, representatives, choices, **kwargs):
    election = create_election(
        bloc=bloc,
        year=year,
        office=kwargs.pop("office", MembershipRole.LEADER),
        created_by=world.a.officer,
        **kwargs,
    )
    open_election(election=election, opened_by=None)
    _vote(election, representatives, members, choices)
    close_election_round(election=election, closed_by=None)
    return election


def test_electors_are_the_member_units_with_or_without_an_account(world, bloc_of_five):
    bloc, year, members, _representatives = bloc_of_five
    without_account = BlocMembershipFactory(bloc=bloc, year=year)

    election = create_election(bloc=bloc, year=year, office="LEADER", elects_for=2027, created_by=None)

    session = current_round(election)
    assert set(session.voters.values_list("enterprise_id", flat=True)) == {
        m.enterprise_id for m in [*members, without_account]
    }
    assert session.voters.filter(user__isnull=False).count() == 0
    assert (session.seats, session.candidates.count(), election.elects_for) == (1, 6, 2027)


def test_one_account_out_of_five_members_does_not_reach_quorum(world):
    """Issue 10: one account out of five members reached quorum and elected itself."""
    bloc = BlocFactory(organization=world.a.board)
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    members = [BlocMembershipFactory(bloc=bloc, year=year) for _ in range(5)]
    only_account = enterprise_user(members[0].enterprise)

    election = _elect(world, bloc, year, members, [only_account], [0], elects_for=2027)

    session = current_round(election)
    assert (session.result["eligible"], session.result["present"]) == (5, 1)
    assert (session.result["quorum_reached"], session.result["elected"]) == (False, [])
    with pytest.raises(ValidationError, match="quorum"):
        confirm_election(election=election, confirmed_by=world.a.officer)


def test_an_enterprise_with_two_accounts_votes_once(world, bloc_of_five):
    """Issue 10: an enterprise with two accounts voted twice."""
    bloc, year, members, representatives = bloc_of_five
    second_account = enterprise_user(members[0].enterprise)
    election = create_election(bloc=bloc, year=year, office="LEADER", elects_for=2027, created_by=None)
    open_election(election=election, opened_by=None)
    cast_member_ballot(
        election=election, cast_by=representatives[0], candidates=[_candidate(election, members[1])]
    )

    with pytest.raises(ValidationError, match="already been cast"):
        cast_member_ballot(
            election=election, cast_by=second_account, candidates=[_candidate(election, members[1])]
        )

    assert Ballot.objects.filter(session=current_round(election)).count() == 1


def test_a_reporter_does_not_vote_unless_named_delegate(world, bloc_of_five):
    bloc, year, members, _representatives = bloc_of_five
    reporter = enterprise_user(members[2].enterprise, role=EnterpriseRole.REPORTER)
    election = create_election(bloc=bloc, year=year, office="LEADER", elects_for=2027, created_by=None)
    open_election(election=election, opened_by=None)
    with pytest.raises(PermissionDenied):
        cast_member_ballot(election=election, cast_by=reporter, candidates=[])

    name_delegate(enterprise=members[2].enterprise, delegate=reporter, named_by=_representatives[2])
    fresh = type(reporter).objects.get(pk=reporter.pk)  # a new request: nothing cached on the user
    cast_member_ballot(election=election, cast_by=fresh, candidates=[])

    assert Ballot.objects.get(session=current_round(election)).cast_by == fresh


def test_a_four_four_tie_goes_to_a_second_round_between_the_tied(world):
    """Issue 10: a 4-4 tie was resolved silently."""
    bloc = BlocFactory(organization=world.a.board)
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    members = sorted(
        (BlocMembershipFactory(bloc=bloc, year=year) for _ in range(8)), key=lambda m: m.enterprise.name
    )
    representatives = [enterprise_user(m.enterprise) for m in members]
    election = _elect(world, bloc, year, members, representatives, [0, 0, 0, 0, 1, 1, 1, 1], elects_for=2027)
    first = current_round(election)

    with pytest.raises(ValidationError, match="undecided"):
        confirm_election(election=election, confirmed_by=world.a.officer)
    start_election_round(election=election, created_by=world.a.officer)
    open_election(election=election, opened_by=None)
    _vote(election, representatives, members, [0, 0, 0, 0, 0, 1, 1, 1])
    second = close_election_round(election=election, closed_by=None)

    assert (len(first.result["tied"]), first.result["elected"]) == (2, [])
    assert set(second.candidates.values_list("enterprise_id", flat=True)) == {
        members[0].enterprise_id,
        members[1].enterprise_id,
    }
    assert [s.round for s in election_rounds(election)] == [1, 2]
    assert second.result["elected"] == [_candidate(election, members[0]).pk]
    assert (
        confirm_election(election=election, confirmed_by=world.a.officer).status
        == VotingStatus.RESULT_CONFIRMED
    )


def test_consensus_recorded_by_the_leader_then_confirmed_by_the_board(world, bloc_of_five):
    """The Thanh Bình first meeting chose its leader by consensus."""
    bloc, year, members, _representatives = bloc_of_five
    election = create_election(
        bloc=bloc, year=year, office="LEADER", elects_for=2026, method=VotingMethod.CONSENSUS, created_by=None
    )
    session = current_round(election)

    recorded = record_election_consensus(
        election=election,
        recorded_by=None,
        present=list(session.voters.all()),
        chosen=session.candidates.get(enterprise=members[3].enterprise),
    )
    confirm_election(election=election, confirmed_by=world.a.officer)
    apply_election_result(election=election, applied_by=world.a.officer)

    assert "biểu quyết thống nhất" in recorded.minutes
    assert (
        BlocMembership.objects.get(bloc=bloc, year=year, role=MembershipRole.LEADER).enterprise
        == members[3].enterprise
    )


def test_the_election_states_the_year_it_elects_for(world, bloc_of_five):
    bloc, year, _members, _representatives = bloc_of_five

    with pytest.raises(ValidationError) as caught:
        create_election(bloc=bloc, year=year, office="LEADER", elects_for=2028, created_by=None)

    assert "elects_for" in caught.value.message_dict


def test_last_years_leader_does_not_stand_and_the_deputy_heads_the_list(world):
    bloc = BlocFactory(organization=world.a.board)
    last = EmulationYearFactory(organization=world.a.board, year=2025)
    current = EmulationYearFactory(organization=world.a.board, year=2026)
    leader = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER).enterprise
    deputy = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.DEPUTY).enterprise
    other = BlocMembershipFactory(bloc=bloc, year=last).enterprise
    for enterprise in (leader, deputy, other):
        BlocMembershipFactory(bloc=bloc, year=current, enterprise=enterprise)

    election = create_election(bloc=bloc, year=current, office="LEADER", elects_for=2026, created_by=None)
    update_year_settings(
        year=current, settings={"deputy_is_default_leader_candidate": False}, updated_by=None
    )
    plain = create_election(bloc=bloc, year=current, office="LEADER", elects_for=2026, created_by=None)

    listed = list(current_round(election).candidates.values_list("enterprise_id", flat=True))
    assert listed[0] == deputy.pk and leader.pk not in listed
    assert list(current_round(plain).candidates.values_list("enterprise_id", flat=True)) == [
        e.pk for e in sorted([deputy, other], key=lambda e: e.name)
    ]


def test_the_confirmed_result_is_applied_to_the_year_and_the_decision_shows_it(world, bloc_of_five):
    bloc, year, members, representatives = bloc_of_five
    BlocMembership.objects.filter(pk=members[4].pk).update(role=MembershipRole.LEADER)
    election = _elect(world, bloc, year, members, representatives, [1, 1, 1, 1, 0], elects_for=2026)
    confirm_election(election=election, confirmed_by=world.a.officer)

    applied = apply_election_result(election=election, applied_by=world.a.officer)
    decision = signed_consolidation_decision(year, officer=world.a.officer, signer=world.a.signer)

    election.refresh_from_db()
    assert [(m.enterprise_id, m.role) for m in applied] == [
        (members[4].enterprise_id, MembershipRole.MEMBER),
        (members[1].enterprise_id, MembershipRole.LEADER),
    ]
    assert election.applied_to == year
    first_row = decision.document.context["appendix"]["sections"][0]["rows"][0]
    assert (first_row[2], first_row[4]) == (members[1].enterprise.tax_code, "Khối trưởng")
    with pytest.raises(ValidationError):
        apply_election_result(election=election, applied_by=world.a.officer)


def test_apply_refuses_an_unconfirmed_election_and_a_year_not_open(world, bloc_of_five):
    bloc, year, members, representatives = bloc_of_five
    election = _elect(world, bloc, year, members, representatives, [1, 1, 1, 1, 0], elects_for=2027)

    with pytest.raises(ValidationError, match="confirmed"):
        apply_election_result(election=election, applied_by=None)
    confirm_election(election=election, confirmed_by=None)
    with pytest.raises(ValidationError, match="not open yet"):
        apply_election_result(election=election, applied_by=None)


def test_opening_the_year_elected_for_applies_the_result(world, bloc_of_five):
    bloc, year, members, representatives = bloc_of_five
    BlocMembership.objects.filter(pk=members[4].pk).update(role=MembershipRole.LEADER)
    BlocMembership.objects.filter(pk=members[3].pk).update(role=MembershipRole.DEPUTY)
    leader = _elect(world, bloc, year, members, representatives, [2, 2, 2, 2, 2], elects_for=2027)
    confirm_election(election=leader, confirmed_by=None)
    this_year = _elect(world, bloc, year, members, representatives, [0, 0, 0, 0, 0], elects_for=2026)
    confirm_election(election=this_year, confirmed_by=None)

    new = open_year(organization=world.a.board, year=2027, opened_by=None, copy_from=year)

    roles = dict(BlocMembership.objects.filter(year=new).values_list("enterprise_id", "role"))
    assert roles[members[2].enterprise_id] == MembershipRole.LEADER
    assert roles[members[3].enterprise_id] == MembershipRole.DEPUTY  # not elected otherwise: carries over
    assert roles[members[4].enterprise_id] == MembershipRole.MEMBER
    assert roles[members[0].enterprise_id] == MembershipRole.MEMBER  # elected for 2026, not for 2027
    assert Election.objects.get(pk=leader.pk).applied_to == new
    assert Election.objects.get(pk=this_year.pk).applied_to is None


def test_a_barred_leader_elected_anyway_is_refused_with_a_message(world):
    """The candidate list already leaves last year's leader out; a regulation allowing a second term that is
    withdrawn before the result is applied must not slip it through."""
    bloc = BlocFactory(organization=world.a.board)
    last = EmulationYearFactory(organization=world.a.board, year=2025)
    current = EmulationYearFactory(organization=world.a.board, year=2026)
    current = update_year_settings(
        year=current, settings={"leader_consecutive_terms_allowed": True}, updated_by=None
    )
    previous = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER).enterprise
    members = [BlocMembershipFactory(bloc=bloc, year=current, enterprise=previous)]
    members += [BlocMembershipFactory(bloc=bloc, year=current) for _ in range(2)]
    representatives = [enterprise_user(m.enterprise) for m in members]
    election = _elect(world, bloc, current, members, representatives, [0, 0, 0], elects_for=2026)
    confirm_election(election=election, confirmed_by=None)
    update_year_settings(year=current, settings={"leader_consecutive_terms_allowed": False}, updated_by=None)

    with pytest.raises(ValidationError, match="second consecutive term"):
        apply_election_result(election=election, applied_by=None)

    assert not BlocMembership.objects.filter(year=current, role=MembershipRole.LEADER).exists()


def test_the_deputy_election_leaves_out_the_leader_elected_for_that_year(world, bloc_of_five):
    bloc, year, members, representatives = bloc_of_five
    leader = _elect(world, bloc, year, members, representatives, [1, 1, 1, 1, 1], elects_for=2027)
    confirm_election(election=leader, confirmed_by=None)

    deputy = create_election(bloc=bloc, year=year, office="DEPUTY", elects_for=2027, created_by=None)

    assert members[1].enterprise_id not in current_round(deputy).candidates.values_list(
        "enterprise_id", flat=True
    )
    assert current_round(deputy).candidates.count() == 4
