from decimal import Decimal

import pytest
from django.urls import reverse

from awards.models import QuotaRule
from tests.conftest import english
from tests.factories.awards import QuotaRuleFactory, award_type
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user

pytestmark = pytest.mark.unit


@pytest.fixture
def year(world):
    return EmulationYearFactory(organization=world.a.board, year=2025)


def test_everyone_of_the_board_reads_the_catalogue_with_todays_money(world, client_for, year):
    member = enterprise_user(
        BlocMembershipFactory(bloc=BlocFactory(organization=world.a.board), year=year).enterprise
    )

    staff = client_for(world.a.council).get(reverse("catalogue:award_type_list"))
    enterprise = client_for(member).get(reverse("catalogue:award_type_list"))

    assert (staff.status_code, enterprise.status_code) == (200, 200)
    assert "Cờ thi đua của Ủy ban nhân dân tỉnh" in staff.content.decode()
    assert [row["type"].code for row in staff.context["rows"]][:2] == ["CO_TINH", "BK_CT_TINH"]


def test_quota_page_shows_the_cap_per_bloc(world, client_for, year):
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1")
    for _ in range(6):
        BlocMembershipFactory(bloc=bloc, year=year)
    QuotaRuleFactory(year=year, award_type=award_type("GK_BQL"), value=Decimal(30))

    response = client_for(world.a.officer).get(reverse("catalogue:quota_list", args=[year.pk]))

    caps = response.context["caps"][0]["blocs"]
    assert [(row["bloc"].code, row["members"], row["cap"]) for row in caps] == [("KTĐ1", 6, 1)]


@pytest.mark.parametrize("rules", [1, 3])
def test_quota_page_queries_do_not_grow_with_the_rules(
    world, client_for, year, django_assert_num_queries, rules
):
    BlocMembershipFactory(bloc=BlocFactory(organization=world.a.board), year=year)
    for _ in range(rules):
        QuotaRuleFactory(year=year)
    client = client_for(world.a.officer)

    with django_assert_num_queries(10):
        response = client.get(reverse("catalogue:quota_list", args=[year.pk]))

    assert response.status_code == 200


def test_officer_adds_a_rule_through_the_form(world, client_for, year):
    response = client_for(world.a.officer).post(
        reverse("catalogue:quota_create", args=[year.pk]),
        {
            "award_type": award_type("BK_CT_TINH").pk,
            "scope": "BOARD",
            "kind": "PERCENT",
            "value": "15",
            "rounding": "DOWN",
            "minimum": "1",
        },
    )

    assert response.status_code == 302
    assert QuotaRule.objects.get().value == Decimal(15)


def test_bad_input_changes_nothing_and_says_why(world, client_for, year):
    response = english(client_for(world.a.officer)).post(
        reverse("catalogue:quota_create", args=[year.pk]),
        {
            "award_type": award_type("BK_CT_TINH").pk,
            "scope": "ONE_BLOC",
            "kind": "COUNT",
            "value": "2",
            "rounding": "DOWN",
            "minimum": "0",
        },
        follow=True,
    )

    assert QuotaRule.objects.count() == 0
    assert "Choose the bloc the rule applies to." in [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize("who", ["council", "signer"])
def test_staff_without_the_role_may_not_change_rules(world, client_for, year, who):
    rule = QuotaRuleFactory(year=year)
    client = client_for(getattr(world.a, who))

    statuses = [
        client.get(reverse("catalogue:quota_list", args=[year.pk])).status_code,
        client.post(reverse("catalogue:quota_delete", args=[rule.pk])).status_code,
        client.post(reverse("catalogue:quota_defaults", args=[year.pk])).status_code,
    ]

    assert statuses == [200, 403, 403]


def test_an_enterprise_user_does_not_see_quota_rules(world, client_for, year):
    member = enterprise_user(
        BlocMembershipFactory(bloc=BlocFactory(organization=world.a.board), year=year).enterprise
    )

    response = client_for(member).get(reverse("catalogue:quota_list", args=[year.pk]))

    assert response.status_code == 403


def test_officer_edits_and_removes_a_policy_rule(world, client_for, year):
    rule = QuotaRuleFactory(year=year)
    client = client_for(world.a.officer)

    edited = client.post(
        reverse("catalogue:quota_edit", args=[rule.pk]),
        {
            "award_type": rule.award_type_id,
            "scope": "EACH_BLOC",
            "kind": "PERCENT",
            "value": "25",
            "rounding": "UP",
            "minimum": "1",
        },
    )
    value = QuotaRule.objects.get(pk=rule.pk).value
    removed = client.post(reverse("catalogue:quota_delete", args=[rule.pk]))

    assert (edited.status_code, value, removed.status_code) == (302, Decimal(25), 302)
    assert QuotaRule.objects.count() == 0
