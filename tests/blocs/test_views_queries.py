"""Every list page: at most 10 queries, and the same number with 1 and with 3 rows.

SAVEPOINT / RELEASE statements are not counted: they appear only because each test runs inside a transaction
(the session save of SESSION_SAVE_EVERY_REQUEST is wrapped in atomic()).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blocs.enums import DecisionStatus, MembershipRole
from blocs.membership.services.elections import create_election
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    BlocRegulationFactory,
    ConsolidationDecisionFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    IndustrialParkFactory,
    MeetingFactory,
    MembershipApplicationFactory,
    enterprise_user,
)
from thidua.documents.enums import DocumentState

pytestmark = pytest.mark.unit


def _parks(board, year, n):
    for _ in range(n):
        IndustrialParkFactory(organization=board)
    return reverse("register:park_list")


def _enterprises(board, year, n):
    for _ in range(n):
        membership = BlocMembershipFactory(bloc=BlocFactory(organization=board), year=year)
        enterprise_user(membership.enterprise)
    return reverse("register:enterprise_list")


def _enterprise_search(board, year, n):
    EnterpriseFactory(organization=board, name="Công ty Khác")
    park = IndustrialParkFactory(organization=board)
    for i in range(n):
        EnterpriseFactory(organization=board, name=f"Công ty Hồng Ngọc {i}", park=park)
    return reverse("register:enterprise_list") + f"?q=hong+ngoc&ownership=DOMESTIC&active=1&park={park.pk}"


def _years(board, year, n):
    for i in range(n - 1):
        EmulationYearFactory(organization=board, year=2020 + i)
    return reverse("membership:year_list")


def _blocs(board, year, n):
    for _ in range(n):
        bloc = BlocFactory(organization=board)
        BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER)
        BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.DEPUTY)
    return reverse("membership:bloc_list")


def _bloc_members(board, year, n):
    bloc = BlocFactory(organization=board, code="KTĐX")
    for _ in range(n):
        enterprise_user(BlocMembershipFactory(bloc=bloc, year=year).enterprise)
    return reverse("membership:bloc_detail", args=[bloc.pk])


def _applications(board, year, n):
    for _ in range(n):
        MembershipApplicationFactory(enterprise=EnterpriseFactory(organization=board), year=year)
    return reverse("membership:application_list")


def _decisions(board, year, n):
    for _ in range(n):  # issued, then superseded: one in preparation and one in force per year at most
        ConsolidationDecisionFactory(
            organization=board, year=year, state=DocumentState.ISSUED, status=DecisionStatus.SUPERSEDED
        )
    return reverse("membership:decision_list")


def _elections(board, year, n):
    for _ in range(n):
        bloc = BlocFactory(organization=board)
        for _ in range(2):
            enterprise_user(BlocMembershipFactory(bloc=bloc, year=year).enterprise)
        create_election(bloc=bloc, year=year, office="LEADER", elects_for=2027, created_by=None)
    return reverse("membership:election_list")


def _meetings(board, year, n):
    bloc = BlocFactory(organization=board, code="KTĐM")
    for _ in range(n):
        MeetingFactory(bloc=bloc, year=year)
    return reverse("membership:meeting_list", args=[bloc.pk])


def _regulations(board, year, n):
    bloc = BlocFactory(organization=board, code="KTĐR")
    for version in range(1, n + 1):
        BlocRegulationFactory(bloc=bloc, version=version, file=f"blocs/regulations/v{version}.pdf")
    return reverse("membership:regulation_list", args=[bloc.pk])


PAGES = [
    _parks,
    _enterprises,
    _enterprise_search,
    _years,
    _blocs,
    _bloc_members,
    _applications,
    _decisions,
    _elections,
    _meetings,
    _regulations,
]


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return sum(1 for query in ctx.captured_queries if "SAVEPOINT" not in query["sql"])


@pytest.mark.parametrize("build", PAGES, ids=[page.__name__.strip("_") for page in PAGES])
def test_list_page_queries(world, client_for, build):
    board_one, board_three = world.a.board, world.b.board
    year_one = EmulationYearFactory(organization=board_one, year=2026)
    year_three = EmulationYearFactory(organization=board_three, year=2026)
    url_one = build(board_one, year_one, 1)
    url_three = build(board_three, year_three, 3)
    client_one, client_three = client_for(world.a.officer), client_for(world.b.officer)
    _count(client_one, url_one)  # warm the session and caches
    _count(client_three, url_three)

    one, three = _count(client_one, url_one), _count(client_three, url_three)
    response = client_three.get(url_three)

    assert (one, three <= 10) == (three, True)
    shown = (
        response.context["rows"] if "rows" in response.context else response.context["page_obj"].object_list
    )
    assert len(shown) == 3
