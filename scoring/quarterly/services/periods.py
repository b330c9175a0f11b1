"""Reporting periods: set up a year's four quarters, change their deadlines and review kind, open them (the
members' reports and the blocs' reviews are created), close them (accepted reports are locked)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipStatus, YearStatus
from blocs.membership.rules import merge_rules
from blocs.models import BlocMembership, EmulationYear
from scoring.quarterly.enums import PeriodStatus, ReportStatus, ReviewKind
from scoring.quarterly.models import BlocReview, EnterpriseReport, ReportingPeriod, ReportTransition
from scoring.quarterly.periods import (
    DEFAULT_REVIEW_KINDS,
    OPTIONAL_REVIEW_QUARTERS,
    QUARTERS,
    default_deadlines,
    quarter_dates,
)
from scoring.quarterly.queries import enterprise_users
from scoring.quarterly.services.common import NOTICE_KIND, ensure_year_open
from thidua.audit.services import record_event
from thidua.notifications.services import notify


def _lock_period(period: ReportingPeriod) -> ReportingPeriod:
    return ReportingPeriod.objects.select_for_update(of=("self",)).select_related("year").get(pk=period.pk)


@transaction.atomic
def set_up_periods(*, year: EmulationYear, created_by) -> list[ReportingPeriod]:
    """Create the quarters the year does not have yet, with the deadlines of the year's settings."""
    year = EmulationYear.objects.select_for_update().get(pk=year.pk)
    ensure_year_open(year)
    have = set(ReportingPeriod.objects.filter(year=year).values_list("kind", flat=True))
    rules = merge_rules(None, year.settings)  # the year's settings; a bloc's regulation applies per bloc
    enterprise_day, bloc_day = rules.enterprise_report_day, rules.bloc_report_day
    created = []
    for kind in QUARTERS:
        if kind in have:
            continue
        starts_on, ends_on = quarter_dates(year.year, kind)
        deadlines = default_deadlines(ends_on, enterprise_day=enterprise_day, bloc_day=bloc_day)
        created.append(
            ReportingPeriod.objects.create(
                organization_id=year.organization_id,
                year=year,
                kind=kind,
                review_kind=DEFAULT_REVIEW_KINDS[kind],
                starts_on=starts_on,
                ends_on=ends_on,
                enterprise_deadline=deadlines.enterprise,
                bloc_deadline=deadlines.bloc,
            )
        )
    if not created:
        raise ValidationError(_("The year %(year)s already has its four periods.") % {"year": year.year})
    record_event(
        action="reporting_period.set_up",
        actor=created_by,
        organization=year.organization,
        obj=year,
        changes={"periods": [period.kind for period in created]},
    )
    return created


@transaction.atomic
def update_period(
    *,
    period: ReportingPeriod,
    updated_by,
    enterprise_deadline: datetime.date,
    bloc_deadline: datetime.date,
    review_kind: str,
) -> ReportingPeriod:
    """Change the deadlines, and whether Q1 or Q3 is also a review (Q2 and Q4 always are)."""
    period = _lock_period(period)
    ensure_year_open(period.year)
    if period.status == PeriodStatus.CLOSED:
        raise ValidationError(_("A closed period can no longer be changed."))
    if period.kind in OPTIONAL_REVIEW_QUARTERS:
        if review_kind not in (ReviewKind.QUARTER, ReviewKind.EXTRA_REVIEW):
            raise ValidationError(
                {"review_kind": _("This quarter has a quarterly report or an additional review.")}
            )
    elif review_kind != DEFAULT_REVIEW_KINDS[period.kind]:
        raise ValidationError(
            {
                "review_kind": _(
                    "The second quarter is the six-month review and the fourth the year-end summary."
                )
            }
        )
    errors = {}
    if enterprise_deadline <= period.ends_on:
        errors["enterprise_deadline"] = _("The deadline must fall after the end of the period.")
    if bloc_deadline < enterprise_deadline:
        errors["bloc_deadline"] = _("The bloc's deadline cannot come before the enterprises' deadline.")
    if errors:
        raise ValidationError(errors)
    before = {
        "enterprise_deadline": period.enterprise_deadline,
        "bloc_deadline": period.bloc_deadline,
        "review_kind": period.review_kind,
    }
    period.enterprise_deadline, period.bloc_deadline = enterprise_deadline, bloc_deadline
    period.review_kind = review_kind
    period.save(update_fields=["enterprise_deadline", "bloc_deadline", "review_kind"])
    after = {
        "enterprise_deadline": enterprise_deadline,
        "bloc_deadline": bloc_deadline,
        "review_kind": review_kind,
    }
    record_event(
        action="reporting_period.updated",
        actor=updated_by,
        organization=period.organization,
        obj=period,
        changes={key: [str(before[key]), str(value)] for key, value in after.items() if before[key] != value},
    )
    return period


def ensure_period_rows(period: ReportingPeriod) -> tuple[int, int]:
    """A NOT_STARTED report for every active member of an active bloc in the period's year that has none
    (members who joined since the period opened too), and a review for every such bloc. Returns the counts."""
    members = list(
        BlocMembership.objects.filter(
            year_id=period.year_id, status=MembershipStatus.ACTIVE, bloc__active=True
        ).values_list("enterprise_id", "bloc_id")
    )
    have_reports = set(EnterpriseReport.objects.filter(period=period).values_list("enterprise_id", flat=True))
    new_reports = [
        EnterpriseReport(organization_id=period.organization_id, period=period, enterprise_id=e, bloc_id=b)
        for e, b in members
        if e not in have_reports
    ]
    EnterpriseReport.objects.bulk_create(new_reports, batch_size=2000)
    have_reviews = set(BlocReview.objects.filter(period=period).values_list("bloc_id", flat=True))
    new_reviews = [
        BlocReview(organization_id=period.organization_id, period=period, bloc_id=bloc_id)
        for bloc_id in sorted({b for _e, b in members} - have_reviews)
    ]
    BlocReview.objects.bulk_create(new_reviews)
    return len(new_reports), len(new_reviews)


@transaction.atomic
def open_period(*, period: ReportingPeriod, opened_by=None) -> ReportingPeriod:
    """Open reporting for the period: every member gets its (not started) report, every bloc its review."""
    period = _lock_period(period)
    ensure_year_open(period.year)
    if period.status != PeriodStatus.PLANNED:
        raise ValidationError(_("Only a planned period can be opened."))
    period.status = PeriodStatus.OPEN
    period.opened_at = timezone.now()
    period.save(update_fields=["status", "opened_at"])
    reports, reviews = ensure_period_rows(period)
    record_event(
        action="reporting_period.opened",
        actor=opened_by,
        actor_label="" if opened_by is not None else "beat",
        organization=period.organization,
        obj=period,
        changes={"reports": reports, "reviews": reviews},
    )
    enterprise_ids = EnterpriseReport.objects.filter(period=period).values_list("enterprise_id", flat=True)
    notify(
        enterprise_users(enterprise_ids),
        kind=NOTICE_KIND,
        message=_("Reporting for %(period)s is open: enter your results by %(deadline)s.")
        % {"period": period, "deadline": period.enterprise_deadline.strftime("%d/%m/%Y")},
        url=reverse("scoring:my_reports"),
    )
    return period


def open_due_periods(*, today: datetime.date | None = None) -> int:
    """Beat: open the planned periods of open years whose quarter has ended (nobody has to remember)."""
    today = today or timezone.localdate()
    due = ReportingPeriod.objects.filter(
        status=PeriodStatus.PLANNED, ends_on__lt=today, year__status=YearStatus.OPEN
    )
    opened = 0
    for period in due:
        open_period(period=period)
        opened += 1
    for period in ReportingPeriod.objects.filter(status=PeriodStatus.OPEN, year__status=YearStatus.OPEN):
        with transaction.atomic():
            ensure_period_rows(period)
    return opened


@transaction.atomic
def close_period(*, period: ReportingPeriod, closed_by) -> ReportingPeriod:
    """Close the period: accepted reports become LOCKED; nothing can change afterwards but through a reopen by
    the Board."""
    period = _lock_period(period)
    ensure_year_open(period.year)
    if period.status != PeriodStatus.OPEN:
        raise ValidationError(_("Only an open period can be closed."))
    return _close(period, closed_by)


def _close(period: ReportingPeriod, closed_by) -> ReportingPeriod:
    now = timezone.now()
    period.status = PeriodStatus.CLOSED
    period.closed_at = now
    period.save(update_fields=["status", "closed_at"])
    accepted = list(
        EnterpriseReport.objects.select_for_update()
        .filter(period=period, status=ReportStatus.ACCEPTED)
        .values_list("pk", flat=True)
    )
    EnterpriseReport.objects.filter(pk__in=accepted).update(
        status=ReportStatus.LOCKED, locked_at=now, updated_at=now
    )
    ReportTransition.objects.bulk_create(
        ReportTransition(
            report_id=pk, actor=closed_by, from_status=ReportStatus.ACCEPTED, to_status=ReportStatus.LOCKED
        )
        for pk in accepted
    )
    record_event(
        action="reporting_period.closed",
        actor=closed_by,
        actor_label="" if closed_by is not None else "system",
        organization=period.organization,
        obj=period,
        changes={"locked_reports": len(accepted)},
    )
    return period


def close_periods_of_year(*, year: EmulationYear, closed_by) -> int:
    """When the year closes: every open period is closed (call inside the year's closing transaction)."""
    count = 0
    for period in ReportingPeriod.objects.select_for_update(of=("self",)).filter(
        year=year, status=PeriodStatus.OPEN
    ):
        _close(period, closed_by)
        count += 1
    return count
