"""Excel exports: permissions, filters, Vietnamese file names, formula-injection safety; each export holds what
its list page shows (the same year, the same filters), and the year switcher."""

import io
import re
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from blocs.enums import YearStatus
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    MembershipApplicationFactory,
    enterprise_user,
)

pytestmark = pytest.mark.unit

EXPORTS = [
    "register:enterprise_export",
    "membership:member_export",
    "membership:application_export",
    "membership:participation_export",
]


def _sheet(response):
    return [
        list(r)
        for r in load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(
            values_only=True
        )
    ]


@pytest.mark.parametrize("name", EXPORTS)
def test_export_permissions(world, client_for, name):
    EmulationYearFactory(organization=world.a.board, year=2026)
    url = reverse(name)
    response = client_for(world.a.council).get(url)
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    insider = enterprise_user(EnterpriseFactory(organization=world.a.board))
    assert client_for(insider).get(url).status_code == 403


def test_enterprise_export_applies_the_filters_and_stays_in_the_board(world, client_for):
    EnterpriseFactory(
        organization=world.a.board, name="Công ty Cổ phần Ván dán Hồng Ngọc", tax_code="0300588569"
    )
    EnterpriseFactory(organization=world.a.board, name="Công ty TNHH Lechenwood Việt Nam")
    EnterpriseFactory(organization=world.b.board, name="Công ty Hồng Ngọc Đắk Lắk")

    rows = _sheet(client_for(world.a.officer).get(reverse("register:enterprise_export"), {"q": "hong ngoc"}))

    assert rows[0][0] == "Mã số thuế"
    assert [r[1] for r in rows[1:]] == ["Công ty Cổ phần Ván dán Hồng Ngọc"]
    assert rows[1][0] == "0300588569"


def test_exported_text_cannot_become_a_formula(world, client_for):
    EnterpriseFactory(organization=world.a.board, name='=HYPERLINK("http://evil")')
    response = client_for(world.a.officer).get(reverse("register:enterprise_export"))
    cell = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://evil")', "s")  # text, not a formula


def test_members_and_applications_exports(world, client_for):
    membership = BlocMembershipFactory(bloc__organization=world.a.board, role="LEADER")
    BlocMembershipFactory(bloc__organization=world.b.board)
    MembershipApplicationFactory(enterprise__organization=world.a.board, year=membership.year)
    client = client_for(world.a.officer)

    members = _sheet(client.get(reverse("membership:member_export"), {"year": 2026}))
    applications = _sheet(client.get(reverse("membership:application_export"), {"year": 2026}))

    assert len(members) == 2 and members[1][4] == membership.enterprise.name
    assert len(applications) == 2


@pytest.mark.parametrize("count", [1, 3])
def test_enterprise_export_query_count_is_constant(world, client_for, django_assert_num_queries, count):
    for _ in range(count):
        EnterpriseFactory(organization=world.a.board)
    client = client_for(world.a.officer)
    client.get("/")  # warm the session
    with django_assert_num_queries(5):  # session, user+Board, 2FA device, roles, enterprises
        client.get(reverse("register:enterprise_export"))


# ---------------------------------------------------------------------------
# Every export holds what its list shows: the same year, the same filters (the link on the page)
# ---------------------------------------------------------------------------
def _export_of_page(client, page_url, params=None):
    """Open the list page, follow its export link, return (page HTML, exported rows without the header)."""
    page = client.get(page_url, params or {})
    assert page.status_code == 200
    html = page.content.decode()
    link = re.search(r'href="([^"]+)"[^>]*data-testid="export-link"', html)
    assert link is not None, "the page has no export link"
    return html, _sheet(client.get(unescape(link.group(1))))[1:]


@pytest.fixture
def two_years(world):
    """2025 closed and 2026 open for Board a."""
    return (
        EmulationYearFactory(organization=world.a.board, year=2025, status=YearStatus.CLOSED),
        EmulationYearFactory(organization=world.a.board, year=2026, status=YearStatus.OPEN),
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Công ty Chờ 2026"]),  # the open year, waiting for a decision: as the list opens
        ({"status": "all"}, ["Công ty Chờ 2026", "Công ty Từ chối 2026"]),
        ({"year": "2025", "status": "all"}, ["Công ty Duyệt 2025"]),
        ({"year": "2025"}, []),
    ],
)
def test_application_export_holds_what_the_list_shows(world, client_for, two_years, params, expected):
    old, current = two_years
    names = {
        "Công ty Duyệt 2025": (old, "APPROVED"),
        "Công ty Chờ 2026": (current, "SUBMITTED"),
        "Công ty Từ chối 2026": (current, "REJECTED"),
    }
    for name, (year, status) in names.items():
        MembershipApplicationFactory(
            enterprise=EnterpriseFactory(organization=world.a.board, name=name), year=year, status=status
        )
    MembershipApplicationFactory(enterprise__organization=world.b.board, enterprise__name="Công ty Ban khác")

    html, rows = _export_of_page(client_for(world.a.officer), reverse("membership:application_list"), params)

    assert sorted(row[2] for row in rows) == sorted(expected)
    assert [name for name in [*names, "Công ty Ban khác"] if name in html] == [
        n for n in names if n in expected
    ]


@pytest.mark.parametrize(
    ("params", "expected"), [({}, "Công ty Năm nay"), ({"year": "2025"}, "Công ty Năm ngoái")]
)
def test_member_export_holds_the_year_the_bloc_page_shows(world, client_for, two_years, params, expected):
    old, current = two_years
    bloc = BlocFactory(organization=world.a.board)
    BlocMembershipFactory(bloc=bloc, year=old, enterprise__name="Công ty Năm ngoái")
    BlocMembershipFactory(bloc=bloc, year=current, enterprise__name="Công ty Năm nay")
    BlocMembershipFactory(
        year=current, bloc__organization=world.a.board, enterprise__name="Công ty Khối khác"
    )

    html, rows = _export_of_page(
        client_for(world.a.officer), reverse("membership:bloc_detail", args=[bloc.pk]), params
    )

    assert [row[4] for row in rows] == [expected]
    assert expected in html
    assert not {"Công ty Năm ngoái", "Công ty Năm nay", "Công ty Khối khác"} - {expected} & set(
        re.findall(r"Công ty [^<]+", html)
    )


@pytest.mark.parametrize(("params", "enrolled"), [({}, 2), ({"year": "2025"}, 1)])
def test_participation_export_holds_the_year_the_page_shows(world, client_for, two_years, params, enrolled):
    old, current = two_years
    bloc = BlocFactory(organization=world.a.board)
    BlocMembershipFactory(bloc=bloc, year=old)
    BlocMembershipFactory(bloc=bloc, year=current)
    BlocMembershipFactory(bloc=bloc, year=current)

    html, rows = _export_of_page(client_for(world.a.officer), reverse("membership:participation"), params)

    total = rows[-1]
    assert total[2] == enrolled
    assert f'<td class="text-end">{enrolled}</td>' in html.split("<tfoot>")[1]


def test_enterprise_export_holds_what_the_filtered_list_shows(world, client_for):
    EnterpriseFactory(organization=world.a.board, name="Công ty Cổ phần Ván dán Hồng Ngọc")
    EnterpriseFactory(organization=world.a.board, name="Công ty TNHH Lechenwood Việt Nam")

    html, rows = _export_of_page(
        client_for(world.a.officer), reverse("register:enterprise_list"), {"q": "hong ngoc"}
    )

    assert [row[1] for row in rows] == ["Công ty Cổ phần Ván dán Hồng Ngọc"]
    assert "Lechenwood" not in html


def test_the_year_switcher_keeps_the_filters_and_offers_every_year(world, client_for, two_years):
    response = client_for(world.a.officer).get(reverse("membership:application_list"), {"status": "all"})

    options = re.findall(r'href="\?([^"]*)"[^>]*data-testid="year-option"', response.content.decode())
    assert [unescape(option) for option in options] == ["status=all&year=2026", "status=all&year=2025"]


def test_a_closed_year_shows_its_officers_and_members_read_only(world, client_for, two_years):
    old, current = two_years
    bloc = BlocFactory(organization=world.a.board)
    BlocMembershipFactory(bloc=bloc, year=old, role="LEADER", enterprise__name="Công ty Khối trưởng 2025")
    BlocMembershipFactory(bloc=bloc, year=current, role="LEADER", enterprise__name="Công ty Khối trưởng 2026")
    client = client_for(world.a.admin)

    blocs_2025 = client.get(reverse("membership:bloc_list"), {"year": "2025"}).content.decode()
    bloc_2025 = client.get(
        reverse("membership:bloc_detail", args=[bloc.pk]), {"year": "2025"}
    ).content.decode()
    bloc_now = client.get(reverse("membership:bloc_detail", args=[bloc.pk])).content.decode()

    assert "Công ty Khối trưởng 2025" in blocs_2025 and "Công ty Khối trưởng 2026" not in blocs_2025
    assert "membership_role" not in bloc_2025 and "/role/" not in bloc_2025
    assert "/role/" in bloc_now and "Công ty Khối trưởng 2026" in bloc_now
