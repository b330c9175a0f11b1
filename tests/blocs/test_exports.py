"""Excel exports: permissions, filters, Vietnamese file names, formula-injection safety."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.blocs import (
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
