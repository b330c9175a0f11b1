"""Factories for quarterly reporting, scorecards and rankings: one per model, no hidden behaviour."""

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
from scoring.ranking.enums import RankingStatus, ScoringPeriod
from scoring.ranking.models import Objection, Ranking, Scorecard, ScoreEntry, ScoreEvidence
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


class ScorecardFactory(factory.django.DjangoModelFactory):
    """A scorecard; ``criteria_set`` must be given (sets are made by ``scoring.criteria.services``)."""

    class Meta:
        model = Scorecard

    organization = factory.SelfAttribute("year.organization")
    year = factory.SubFactory(EmulationYearFactory)
    period = ScoringPeriod.YEAR_END
    bloc = factory.SubFactory(BlocFactory, organization=factory.SelfAttribute("..year.organization"))
    enterprise = factory.SubFactory(
        EnterpriseFactory, organization=factory.SelfAttribute("..year.organization")
    )
    criteria_set = None


class ScoreEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoreEntry

    scorecard = factory.SubFactory(ScorecardFactory)
    criterion = None


class ScoreEvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoreEvidence

    entry = factory.SubFactory(ScoreEntryFactory)
    file = "scoring/scores/x.pdf"
    label = "Biên lai nộp thuế"
    size = 1000
    sha256 = "0" * 64
    uploaded_by = factory.SubFactory(
        UserFactory, organization=factory.SelfAttribute("..entry.scorecard.organization")
    )


class RankingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ranking

    organization = factory.SelfAttribute("year.organization")
    year = factory.SubFactory(EmulationYearFactory)
    period = ScoringPeriod.YEAR_END
    bloc = factory.SubFactory(BlocFactory, organization=factory.SelfAttribute("..year.organization"))
    status = RankingStatus.PUBLISHED
    objection_deadline = datetime.date(2026, 12, 31)


class ObjectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objection

    ranking = factory.SubFactory(RankingFactory)
    entry = factory.SubFactory(ScoreEntryFactory)
    text = "Điểm tiêu chí chưa tính đến biên lai nộp thuế đã nộp."
    file = "scoring/objections/x.pdf"
    raised_by = factory.SubFactory(UserFactory, organization=factory.SelfAttribute("..ranking.organization"))
