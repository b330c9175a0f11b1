from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards.catalogue.services.quotas import (
    add_default_quotas,
    create_quota_rule,
    delete_quota_rule,
    update_quota_rule,
)
from awards.enums import QuotaKind, QuotaScope, RuleSource
from awards.models import QuotaRule
from blocs.enums import YearStatus
from tests.factories.awards import QuotaRuleFactory, award_type
from tests.factories.blocs import BlocFactory, EmulationYearFactory
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit


@pytest.fixture
def year(world):
    return EmulationYearFactory(organization=world.a.board, year=2025)


def test_default_quotas_are_the_flag_by_law_and_two_policy_caps(world, year):
    created = add_default_quotas(year=year, added_by=world.a.officer)

    rows = {(r.award_type.code, r.source, r.kind, r.value) for r in created}
    assert rows == {
        ("CO_TINH", RuleSource.LAW, QuotaKind.COUNT, Decimal(1)),
        ("BK_CT_TINH", RuleSource.POLICY, QuotaKind.PERCENT, Decimal(20)),
        ("GK_BQL", RuleSource.POLICY, QuotaKind.PERCENT, Decimal(30)),
    }
    assert QuotaRule.objects.get(award_type__code="CO_TINH").eligible_blocs_only is True


def test_default_quotas_twice_add_nothing(world, year):
    add_default_quotas(year=year, added_by=world.a.officer)

    again = add_default_quotas(year=year, added_by=world.a.officer)

    assert (again, QuotaRule.objects.filter(year=year).count()) == ([], 3)


def test_the_law_rule_cannot_be_changed_or_deleted(world, year):
    add_default_quotas(year=year, added_by=world.a.officer)
    law = QuotaRule.objects.get(source=RuleSource.LAW)

    with pytest.raises(ValidationError) as changed:
        update_quota_rule(rule=law, updated_by=world.a.officer, value=Decimal(2))
    with pytest.raises(ValidationError) as deleted:
        delete_quota_rule(rule=law, deleted_by=world.a.officer)

    assert [changed.value.code, deleted.value.code] == ["law_rule", "law_rule"]
    assert QuotaRule.objects.get(pk=law.pk).value == Decimal(1)


def test_create_a_policy_rule_for_one_bloc_is_audited(world, year):
    bloc = BlocFactory(organization=world.a.board)

    rule = create_quota_rule(
        year=year,
        created_by=world.a.officer,
        award_type=award_type("TTLDXS"),
        scope=QuotaScope.ONE_BLOC,
        bloc=bloc,
        kind=QuotaKind.COUNT,
        value=Decimal(4),
    )

    assert (rule.source, rule.bloc, rule.cap_for(10)) == (RuleSource.POLICY, bloc, 4)
    assert AuditEvent.objects.filter(action="quota_rule.created", object_id=str(rule.pk)).count() == 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"scope": QuotaScope.ONE_BLOC, "kind": QuotaKind.COUNT, "value": Decimal(1)}, "bloc"),
        ({"scope": QuotaScope.EACH_BLOC, "kind": QuotaKind.PERCENT, "value": Decimal(120)}, "value"),
        ({"scope": QuotaScope.EACH_BLOC, "kind": QuotaKind.COUNT, "value": Decimal("1.5")}, "value"),
    ],
)
def test_a_bad_rule_is_refused_with_a_message_on_its_field(world, year, values, field):
    with pytest.raises(ValidationError) as refused:
        create_quota_rule(year=year, created_by=world.a.officer, award_type=award_type("GK_BQL"), **values)

    assert field in refused.value.message_dict
    assert QuotaRule.objects.count() == 0


def test_a_bloc_of_another_board_is_refused(world, year):
    with pytest.raises(ValidationError) as refused:
        create_quota_rule(
            year=year,
            created_by=world.a.officer,
            award_type=award_type("GK_BQL"),
            scope=QuotaScope.ONE_BLOC,
            bloc=BlocFactory(organization=world.b.board),
            kind=QuotaKind.COUNT,
            value=Decimal(1),
        )

    assert refused.value.message_dict["bloc"] == ["Choose one of the Board's blocs."]


def test_a_closed_year_keeps_its_rules(world):
    closed = EmulationYearFactory(organization=world.a.board, year=2024, status=YearStatus.CLOSED)
    rule = QuotaRuleFactory(year=closed)

    with pytest.raises(ValidationError) as refused:
        update_quota_rule(rule=rule, updated_by=world.a.officer, value=Decimal(10))

    assert refused.value.code == "year_closed"
