"""Reminders before each deadline (beat, daily), once per step: the ``ReportReminder`` key names the step and
its unique constraint makes a second sending of the same step impossible.

- members whose report is not submitted (not started, draft, returned), ``QUARTERLY_REMINDER_DAYS`` days
  before their bloc's enterprise deadline, once per status;
- reviewers of a report submitted ``QUARTERLY_REVIEW_REMINDER_DAYS`` days ago, once per submission;
- the leader of a bloc whose report is not submitted, before the bloc's deadline, once per status.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import YearStatus
from scoring.quarterly.enums import PeriodStatus, ReportStatus, ReviewStatus
from scoring.quarterly.models import BlocReview, EnterpriseReport, ReportReminder
from scoring.quarterly.queries import (
    WAITING_STATUSES,
    deadlines_by_bloc,
    enterprise_users,
    leader_users,
    reviewer_users,
)
from scoring.quarterly.services.common import NOTICE_KIND
from thidua.audit.services import record_event
from thidua.notifications.services import notify

OPEN = {"period__status": PeriodStatus.OPEN, "period__year__status": YearStatus.OPEN}


def _once(period_id: int, key: str) -> bool:
    """Claim the reminder ``key`` of the period; False when it was sent before."""
    try:
        with transaction.atomic():
            ReportReminder.objects.create(period_id=period_id, key=key)
    except IntegrityError:
        return False
    return True


def _audit(obj, organization_id: int, action: str, changes: dict) -> None:
    record_event(action=action, organization=obj.organization, obj=obj, actor_label="beat", changes=changes)


def _deadlines(rows) -> dict[int, dict]:
    """``{period id: {bloc id: Deadlines}}`` for rows that have a period and a bloc (one query a period)."""
    periods, blocs = {}, defaultdict(set)
    for row in rows:
        periods[row.period_id] = row.period
        blocs[row.period_id].add(row.bloc_id)
    return {pk: deadlines_by_bloc(period, blocs[pk]) for pk, period in periods.items()}


def send_report_reminders(*, today: datetime.date | None = None, now: datetime.datetime | None = None) -> int:
    """Send every reminder due today; returns how many were sent."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    horizon = today + datetime.timedelta(days=settings.QUARTERLY_REMINDER_DAYS)
    sent = 0

    waiting = list(
        EnterpriseReport.objects.filter(status__in=WAITING_STATUSES, waived=False, **OPEN).select_related(
            "period__year", "enterprise", "organization"
        )
    )
    deadlines = _deadlines(waiting)
    for report in waiting:
        deadline = deadlines[report.period_id][report.bloc_id].enterprise
        if not today <= deadline <= horizon:
            continue
        with transaction.atomic():
            if not _once(report.period_id, f"report:{report.pk}:{report.status}"):
                continue
            message = _("Reminder: your report for %(period)s is due by %(deadline)s (now: %(status)s).") % {
                "period": report.period,
                "deadline": deadline.strftime("%d/%m/%Y"),
                "status": report.get_status_display(),
            }
            emailed = notify(
                enterprise_users([report.enterprise_id]),
                kind=NOTICE_KIND,
                message=message,
                url=reverse("scoring:report_detail", args=[report.pk]),
            )
            _audit(
                report,
                report.organization_id,
                "enterprise_report.reminded",
                {"step": report.status, "recipients": emailed},
            )
        sent += 1

    cutoff = now - datetime.timedelta(days=settings.QUARTERLY_REVIEW_REMINDER_DAYS)
    submitted = EnterpriseReport.objects.filter(
        status=ReportStatus.SUBMITTED, submitted_at__lte=cutoff, **OPEN
    ).select_related("period__year", "enterprise", "organization")
    for report in submitted.iterator(chunk_size=500):
        recipients = reviewer_users(report)
        if not recipients:
            continue  # the leader's report in a bloc without a deputy: the Board's status page shows it
        with transaction.atomic():
            if not _once(report.period_id, f"waiting:{report.pk}:{int(report.submitted_at.timestamp())}"):
                continue
            days = (now - report.submitted_at).days
            notify(
                recipients,
                kind=NOTICE_KIND,
                message=_(
                    "Reminder: the report of %(enterprise)s for %(period)s has waited %(days)d days for your review."
                )
                % {"enterprise": report.enterprise.name, "period": report.period, "days": days},
                url=reverse("scoring:report_detail", args=[report.pk]),
            )
            _audit(report, report.organization_id, "enterprise_report.review_reminded", {"days": days})
        sent += 1

    reviews = list(
        BlocReview.objects.filter(
            status__in=[ReviewStatus.OPEN, ReviewStatus.CONSOLIDATING, ReviewStatus.RETURNED], **OPEN
        ).select_related("period__year", "bloc", "organization")
    )
    deadlines = _deadlines(reviews)
    for review in reviews:
        deadline = deadlines[review.period_id][review.bloc_id].bloc
        if not today <= deadline <= horizon:
            continue
        with transaction.atomic():
            if not _once(review.period_id, f"bloc:{review.pk}:{review.status}"):
                continue
            notify(
                leader_users(review.bloc_id, review.period.year_id),
                kind=NOTICE_KIND,
                message=_(
                    "Reminder: the report of %(bloc)s for %(period)s is due to the Board by %(deadline)s."
                )
                % {
                    "bloc": review.bloc.name,
                    "period": review.period,
                    "deadline": deadline.strftime("%d/%m/%Y"),
                },
                url=reverse("scoring:review_detail", args=[review.pk]),
            )
            _audit(review, review.organization_id, "bloc_review.reminded", {"step": review.status})
        sent += 1
    return sent
