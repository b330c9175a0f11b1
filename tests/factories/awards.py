"""Factories of the awards app: one per model, no hidden behaviour. Award types come from the seeded
catalogue (``award_type("GK_BQL")``)."""

import importlib
from decimal import Decimal

import factory
from django.apps import apps as django_apps

from awards.enums import DocumentType, QuotaKind, QuotaScope, RuleSource, SubjectKind
from awards.models import AwardType, DossierDocument, Nomination, QuotaRule
from awards.nominations.enums import NominationStatus, ProposedBy
from tests.factories.accounts import UserFactory
from tests.factories.blocs import EmulationYearFactory, EnterpriseFactory


def ensure_catalogue() -> None:
    """The seeded catalogue, again if a transactional test (a browser journey) flushed the tables: the rows
    of the data migration ``awards/migrations/0002_seed_catalogue.py``, written by that migration's own code."""
    if AwardType.objects.exists():
        return
    seed = importlib.import_module("awards.migrations.0002_seed_catalogue")
    seed.seed_catalogue(django_apps, None)


def award_type(code: str) -> AwardType:
    ensure_catalogue()
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


class NominationFactory(factory.django.DjangoModelFactory):
    """A proposed nomination of an enterprise (collective) for the Board's Giấy khen."""

    class Meta:
        model = Nomination

    organization = factory.SelfAttribute("year.organization")
    year = factory.SubFactory(EmulationYearFactory)
    award_type = factory.LazyFunction(lambda: award_type("GK_BQL"))
    subject_kind = SubjectKind.ENTERPRISE
    enterprise = factory.SubFactory(
        EnterpriseFactory, organization=factory.SelfAttribute("..year.organization")
    )
    proposed_by = ProposedBy.BOARD
    achievement = "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025"
    status = NominationStatus.PROPOSED
    created_by = factory.SubFactory(UserFactory, organization=factory.SelfAttribute("..year.organization"))


class DossierDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DossierDocument

    nomination = factory.SubFactory(NominationFactory)
    document_type = DocumentType.TO_TRINH
    file = "awards/dossiers/x.pdf"
    uploaded_by = factory.SelfAttribute("nomination.created_by")
