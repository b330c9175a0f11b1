"""Opening a year runs a constant number of queries whatever the number of blocs and members (bulk reads,
one bulk insert, one audit event); the figure for a national Board is in docs/benchmarks.md
(bench/open_year.py)."""

import pytest

from blocs.enums import MembershipRole, YearStatus
from blocs.membership.models import BlocMembership
from blocs.membership.services import open_year
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    BlocRegulationFactory,
    EmulationYearFactory,
)

pytestmark = pytest.mark.unit

ROLES = [MembershipRole.LEADER, MembershipRole.DEPUTY, MembershipRole.MEMBER, MembershipRole.MEMBER]


@pytest.mark.parametrize("blocs", [2, 20])
def test_opening_a_year_runs_the_same_queries_for_2_and_20_blocs(world, django_assert_num_queries, blocs):
    board = world.a.board
    last = EmulationYearFactory(organization=board, year=2025, status=YearStatus.CLOSED)
    for i in range(blocs):
        bloc = BlocFactory(organization=board)
        BlocRegulationFactory(bloc=bloc, leader_consecutive_terms_allowed=i % 2 == 0)
        for role in ROLES:
            BlocMembershipFactory(bloc=bloc, year=last, role=role)

    with django_assert_num_queries(18):  # with the savepoints of the test transaction
        new = open_year(organization=board, year=2026, opened_by=world.a.officer, copy_from=last)

    copied = BlocMembership.objects.filter(year=new)
    assert copied.count() == 4 * blocs
    assert copied.filter(role=MembershipRole.LEADER).count() == blocs  # the deputies took over
