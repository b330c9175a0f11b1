"""Periods: set up from the year's settings, deadlines and review kinds, opening creates the rows, closing
locks accepted reports, the beat opens ended quarters and adds late members."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from blocs.enums import YearStatus
from scoring.quarterly.enums import PeriodKind, PeriodStatus, ReportStatus, ReviewKind, ReviewStatus
from scoring.quarterly.models import BlocReview, EnterpriseReport, ReportingPeriod, ReportTransition
from scoring.quarterly.services import periods as services
from tests.factories.blocs import BlocMembershipFactory, EmulationYearFactory, EnterpriseFactory
from tests.scoring.quarterly.conftest import accepted
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit


def test_set_up_creates_four_quarters_with_the_years_report_days(world):
    year = EmulationYearFactory(organization=world.a.board, year=2027)
    year.settings = {**year.settings, "enterprise_report_day": 12, "bloc_report_day": 25}
    year.save()

    periods = services.set_up_periods(year=year, created_by=world.a.officer)

    assert [(p.kind, p.review_kind) for p in periods] == [
        ("Q1", ReviewKind.QUARTER),
        ("Q2", ReviewKind.MIDYEAR),
        ("Q3", ReviewKind.QUARTER),
        ("Q4", ReviewKind.YEAR_END),
    ]
    assert periods[0].enterprise_deadline == datetime.date(2027, 4, 12)
    assert periods[3].bloc_deadline == datetime.date(2028, 1, 25)
    assert all(p.status == PeriodStatus.PLANNED for p in periods)
    assert AuditEvent.objects.filter(action="reporting_period.set_up").count() == 1


def test_set_up_twice_is_refused(qw, world):
    with pytest.raises(ValidationError, match="already has its four periods"):
        services.set_up_periods(year=qw.year, created_by=world.a.officer)


def test_a_closed_year_gets_no_periods(world):
    year = EmulationYearFactory(organization=world.a.board, year=2024, status=YearStatus.CLOSED)

    with pytest.raises(ValidationError, match="closed"):
        services.set_up_periods(year=year, created_by=world.a.officer)


def test_opening_creates_a_report_per_member_and_a_review_per_bloc(qw):
    assert qw.q1.status == PeriodStatus.OPEN
    reports = EnterpriseReport.objects.filter(period=qw.q1)
    assert sorted(reports.values_list("enterprise__name", flat=True)) == sorted(
        e.name for e in (qw.leader, qw.deputy, qw.member, qw.other, qw.stranger)
    )
    assert set(reports.values_list("status", flat=True)) == {ReportStatus.NOT_STARTED}
    assert reports.get(enterprise=qw.stranger).bloc == qw.other_bloc
    assert set(BlocReview.objects.filter(period=qw.q1).values_list("bloc", "status")) == {
        (qw.bloc.pk, ReviewStatus.OPEN),
        (qw.other_bloc.pk, ReviewStatus.OPEN),
    }


def test_opening_tells_the_members(qw):
    assert qw.member_rep is not None
    from thidua.notifications.models import Notification

    # the users were created after the opening in the fixture: open Q2 to see the message
    services.open_period(period=qw.period("Q2"), opened_by=None)

    assert Notification.objects.filter(user=qw.member_rep, message__contains="Second quarter").exists()


def test_only_a_planned_period_opens(qw, world):
    with pytest.raises(ValidationError, match="planned"):
        services.open_period(period=qw.q1, opened_by=world.a.officer)


def test_a_late_member_gets_its_report_from_the_beat(qw, world):
    late = EnterpriseFactory(organization=world.a.board)
    BlocMembershipFactory(bloc=qw.bloc, enterprise=late, year=qw.year)

    services.open_due_periods(today=datetime.date(2026, 1, 15))

    assert EnterpriseReport.objects.filter(period=qw.q1, enterprise=late, bloc=qw.bloc).exists()


def test_the_beat_opens_the_quarters_that_have_ended(qw):
    services.open_due_periods(today=datetime.date(2026, 7, 2))

    statuses = dict(ReportingPeriod.objects.filter(year=qw.year).values_list("kind", "status"))
    assert statuses == {"Q1": "OPEN", "Q2": "OPEN", "Q3": "PLANNED", "Q4": "PLANNED"}


def test_update_period_changes_deadlines_and_adds_an_extra_review_to_q1(qw, world):
    period = services.update_period(
        period=qw.q1,
        updated_by=world.a.officer,
        enterprise_deadline=datetime.date(2026, 4, 15),
        bloc_deadline=datetime.date(2026, 4, 25),
        review_kind=ReviewKind.EXTRA_REVIEW,
    )

    assert (period.enterprise_deadline, period.review_kind) == (
        datetime.date(2026, 4, 15),
        ReviewKind.EXTRA_REVIEW,
    )
    event = AuditEvent.objects.filter(action="reporting_period.updated").latest("seq")
    assert event.changes["review_kind"] == ["QUARTER", "EXTRA_REVIEW"]


def test_q2_stays_the_six_month_review(qw, world):
    with pytest.raises(ValidationError) as exc:
        services.update_period(
            period=qw.period("Q2"),
            updated_by=world.a.officer,
            enterprise_deadline=datetime.date(2026, 7, 10),
            bloc_deadline=datetime.date(2026, 7, 20),
            review_kind=ReviewKind.QUARTER,
        )
    assert "review_kind" in exc.value.message_dict


def test_deadlines_must_follow_the_period_and_each_other(qw, world):
    with pytest.raises(ValidationError) as exc:
        services.update_period(
            period=qw.q1,
            updated_by=world.a.officer,
            enterprise_deadline=datetime.date(2026, 3, 31),
            bloc_deadline=datetime.date(2026, 3, 20),
            review_kind=ReviewKind.QUARTER,
        )
    assert set(exc.value.message_dict) == {"enterprise_deadline", "bloc_deadline"}


def test_the_database_refuses_a_midyear_review_in_q3(qw):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingPeriod.objects.filter(pk=qw.period("Q3").pk).update(review_kind=ReviewKind.MIDYEAR)


def test_closing_locks_accepted_reports_only(qw, world):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)

    services.close_period(period=qw.q1, closed_by=world.a.officer)

    assert qw.report(qw.member).status == ReportStatus.LOCKED
    assert qw.report(qw.other).status == ReportStatus.NOT_STARTED
    assert ReportTransition.objects.filter(report=qw.report(qw.member), to_status="LOCKED").count() == 1
    assert ReportingPeriod.objects.get(pk=qw.q1.pk).status == PeriodStatus.CLOSED


def test_closing_twice_is_refused(qw, world):
    services.close_period(period=qw.q1, closed_by=world.a.officer)

    with pytest.raises(ValidationError, match="open period"):
        services.close_period(period=qw.q1, closed_by=world.a.officer)


def test_closing_the_year_closes_its_open_periods(qw, world):
    count = services.close_periods_of_year(year=qw.year, closed_by=world.a.officer)

    assert count == 1
    assert ReportingPeriod.objects.get(year=qw.year, kind=PeriodKind.Q1).status == PeriodStatus.CLOSED


def test_closing_the_year_through_the_membership_closes_the_periods(qw, world):
    from blocs.membership.services.years import close_year

    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)

    close_year(year=qw.year, closed_by=world.a.officer)

    assert ReportingPeriod.objects.get(pk=qw.q1.pk).status == PeriodStatus.CLOSED
    assert qw.report(qw.member).status == ReportStatus.LOCKED
