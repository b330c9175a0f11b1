"""The election result sets roles by the one rule on both paths: applied to a year, or read when the next
year is opened; the leader of last year is not elected leader again while another member could lead."""

import pytest

from blocs.enums import MembershipRole
from blocs.membership.services.elections import apply_election_result, create_leader_election
from blocs.membership.services.years import open_year
from blocs.models import BlocMembership
from blocs.voting.services import (
    cast_ballot,
    close_voting_session,
    confirm_voting_result,
    open_voting_session,
)
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user

pytestmark = pytest.mark.integration


def _elect(world, bloc, year, members, first, second):
    """A confirmed election of ``year`` in which ``first`` comes first and ``second`` second."""
    voters = [enterprise_user(m.enterprise) for m in members]
    session = open_voting_session(
        session=create_leader_election(bloc=bloc, year=year, created_by=world.a.officer), opened_by=None
    )
    by_enterprise = {c.enterprise_id: c for c in session.candidates.all()}
    ballots = [[first, second], [first, second], [first]]
    for voter, choice in zip(voters, ballots, strict=False):
        cast_ballot(session=session, voter_user=voter, candidates=[by_enterprise[m.enterprise_id] for m in choice])
    return confirm_voting_result(session=close_voting_session(session=session, closed_by=None), confirmed_by=None)


@pytest.fixture
def led_bloc(world):
    """A bloc whose first member led it in 2025; three members."""
    bloc = BlocFactory(organization=world.a.board)
    last = EmulationYearFactory(organization=world.a.board, year=2025)
    members = [BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER)]
    members += [BlocMembershipFactory(bloc=bloc, year=last) for _ in range(2)]
    return bloc, last, members


def test_opening_the_next_year_does_not_reelect_last_years_leader(world, led_bloc):
    bloc, last, members = led_bloc
    _elect(world, bloc, last, members, first=members[0], second=members[1])

    new = open_year(organization=world.a.board, year=2026, opened_by=None, copy_from=last)

    roles = dict(BlocMembership.objects.filter(year=new).values_list("enterprise_id", "role"))
    assert [roles[m.enterprise_id] for m in members] == [
        MembershipRole.DEPUTY,
        MembershipRole.LEADER,
        MembershipRole.MEMBER,
    ]


def test_applying_the_result_to_a_year_follows_the_same_rule(world, led_bloc):
    bloc, last, members = led_bloc
    session = _elect(world, bloc, last, members, first=members[0], second=members[1])
    current = EmulationYearFactory(organization=world.a.board, year=2026)
    for m in members:
        BlocMembershipFactory(bloc=bloc, year=current, enterprise=m.enterprise)

    applied = apply_election_result(session=session, target_year=current, applied_by=None)

    assert [(m.enterprise_id, m.role) for m in applied] == [
        (members[0].enterprise_id, MembershipRole.DEPUTY),
        (members[1].enterprise_id, MembershipRole.LEADER),
    ]
