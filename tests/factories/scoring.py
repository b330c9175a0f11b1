"""Factories for quarterly reporting: one per model, no hidden behaviour."""

import datetime

import factory
from django.utils import timezone

from scoring.quarterly.enums import PeriodKind, PeriodStatus, ReportStatus, ReviewKind
from scoring.quarterly.models import (
    BlocReview,
    EnterpriseReport,
    EvidenceFile,
    IndicatorValue,
    ReportingPeriod,
)
from tests.factories.accounts import UserFactory
from tests.factories.blocs import BlocFactory, EmulationYearFactory, EnterpriseFactory


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    organization = factory.SelfAttribute("year.organization")
    year = factory.SubFactory(EmulationYearFactory)
    kind = PeriodKind.Q1
    review_kind = ReviewKind.QUARTER
    starts_on = factory.LazyAttribute(lambda o: datetime.date(o.year.year, 1, 1))
    ends_on = factory.LazyAttribute(lambda o: datetime.date(o.year.year, 3, 31))
    enterprise_deadline = factory.LazyAttribute(lambda o: datetime.date(o.year.year, 4, 10))
    bloc_deadline = factory.LazyAttribute(lambda o: datetime.date(o.year.year, 4, 20))
    status = PeriodStatus.OPEN


class EnterpriseReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseReport

    organization = factory.SelfAttribute("period.organization")
    period = factory.SubFactory(ReportingPeriodFactory)
    enterprise = factory.SubFactory(
        EnterpriseFactory, organization=factory.SelfAttribute("..period.organization")
    )
    bloc = factory.SubFactory(BlocFactory, organization=factory.SelfAttribute("..period.organization"))
    status = ReportStatus.NOT_STARTED


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    report = factory.SubFactory(EnterpriseReportFactory)
    indicator = None
    value = None
    entered_by = factory.SubFactory(UserFactory, organization=factory.SelfAttribute("..report.organization"))
    entered_at = factory.LazyFunction(timezone.now)


class EvidenceFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceFile

    report = factory.SubFactory(EnterpriseReportFactory)
    file = "scoring/evidence/x.pdf"
    label = "Biên lai nộp thuế"
    size = 1000
    sha256 = "0" * 64
    uploaded_by = factory.SubFactory(UserFactory, organization=factory.SelfAttribute("..report.organization"))


class BlocReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlocReview

    organization = factory.SelfAttribute("period.organization")
    period = factory.SubFactory(ReportingPeriodFactory)
    bloc = factory.SubFactory(BlocFactory, organization=factory.SelfAttribute("..period.organization"))
