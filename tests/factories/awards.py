"""Factories of the awards app: one per model, no hidden behaviour. Award types come from the seeded
catalogue (``award_type("GK_BQL")``)."""

from decimal import Decimal

import factory

from awards.enums import QuotaKind, QuotaScope, RuleSource
from awards.models import AwardType, QuotaRule
from tests.factories.blocs import EmulationYearFactory


def award_type(code: str) -> AwardType:
    return AwardType.objects.get(code=code)


class QuotaRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuotaRule

    year = factory.SubFactory(EmulationYearFactory)
    award_type = factory.LazyFunction(lambda: award_type("GK_BQL"))
    scope = QuotaScope.EACH_BLOC
    kind = QuotaKind.PERCENT
    value = Decimal("30")
    minimum = 1
    source = RuleSource.POLICY
