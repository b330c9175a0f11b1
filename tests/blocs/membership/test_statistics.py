"""Participation statistics: numbers on a small known world, one grouped query, permissions."""

import pytest
from django.urls import reverse

from blocs.membership.queries import participation
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    IndustrialParkFactory,
    enterprise_user,
)

pytestmark = pytest.mark.unit


def _known_world(board):
    """Park A: 4 active (+1 inactive), 2 enrolled in 2026 in 2 blocs. Park B: 2 active, 1 enrolled. No park: 1."""
    y2026 = EmulationYearFactory(organization=board, year=2026)
    y2025 = EmulationYearFactory(organization=board, year=2025)
    park_a = IndustrialParkFactory(organization=board, code="A", name="KCN A")
    park_b = IndustrialParkFactory(organization=board, code="B", name="KCN B")
    bloc1, bloc2 = BlocFactory(organization=board), BlocFactory(organization=board)
    a = [EnterpriseFactory(organization=board, park=park_a) for _ in range(4)]
    EnterpriseFactory(organization=board, park=park_a, active=False)
    b = [EnterpriseFactory(organization=board, park=park_b) for _ in range(2)]
    EnterpriseFactory(organization=board, park=None)
    BlocMembershipFactory(bloc=bloc1, enterprise=a[0], year=y2026, role="LEADER")
    BlocMembershipFactory(bloc=bloc2, enterprise=a[1], year=y2026)
    BlocMembershipFactory(bloc=bloc1, enterprise=b[0], year=y2026)
    BlocMembershipFactory(bloc=bloc1, enterprise=a[2], year=y2026, status="WITHDRAWN")
    for e in a + b:  # last year everybody was in bloc 1: must not leak into 2026
        BlocMembershipFactory(bloc=bloc1, enterprise=e, year=y2025)
    return y2026, y2025


def test_participation_numbers(world):
    y2026, y2025 = _known_world(world.a.board)
    _known_world(world.b.board)  # the other Board's identical data must not be counted

    stats = participation(world.a.board, y2026)

    by_park = {r.park_code: (r.active, r.enrolled, r.blocs, r.share) for r in stats.parks}
    assert by_park["A"] == (4, 2, 2, pytest.approx(50))
    assert by_park["B"] == (2, 1, 1, pytest.approx(50))
    assert by_park[""] == (1, 0, 0, 0)
    total = stats.total
    assert (total.active, total.enrolled, total.blocs) == (7, 3, 2)
    assert str(total.share) == "42.9"
    assert participation(world.a.board, y2025).total.enrolled == 6


def test_statistics_page_renders_vietnamese_numbers(world, client_for):
    _known_world(world.a.board)
    response = client_for(world.a.officer).get(reverse("membership:participation"), {"year": 2026})
    assert response.status_code == 200
    assert "42,9 %" in response.content.decode()


def test_statistics_without_a_year(world, client_for):
    response = client_for(world.a.officer).get(reverse("membership:participation"))
    assert response.status_code == 200 and response.context["stats"].parks == []


def test_statistics_permissions(world, client_for):
    url = reverse("membership:participation")
    assert client_for(world.a.council).get(url).status_code == 200
    insider = enterprise_user(EnterpriseFactory(organization=world.a.board))
    assert client_for(insider).get(url).status_code == 403


@pytest.mark.parametrize("parks", [1, 3])
def test_statistics_query_count_is_constant(world, client_for, django_assert_num_queries, parks):
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    bloc = BlocFactory(organization=world.a.board)
    for _ in range(parks):
        enterprise = EnterpriseFactory(organization=world.a.board)
        BlocMembershipFactory(bloc=bloc, enterprise=enterprise, year=year)
    client = client_for(world.a.officer)
    client.get("/")
    with django_assert_num_queries(7):  # session, user+Board, 2FA device, roles, years, grouped rows, totals
        client.get(reverse("membership:participation"))
