"""Reminders: members before their deadline, reviewers of waiting reports, the leader before the bloc's
deadline; each once per step."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from scoring.quarterly.models import ReportingPeriod, ReportReminder
from scoring.quarterly.services import reports as report_services
from scoring.quarterly.services.reminders import send_report_reminders
from scoring.quarterly.tasks import task_send_quarterly_reminders
from tests.scoring.quarterly.conftest import entries, submitted
from thidua.notifications.models import Notification

pytestmark = pytest.mark.unit
APRIL_8 = datetime.date(
    2026, 4, 8
)  # two days before the enterprise deadline (10/04), twelve before the bloc's


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)


def test_members_who_have_not_submitted_are_reminded_once_per_step(qw, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = send_report_reminders(today=APRIL_8, now=_at(APRIL_8))
        again = send_report_reminders(today=APRIL_8, now=_at(APRIL_8))

    assert (first, again) == (5, 0)  # five members of the two blocs, no review reminder yet
    assert Notification.objects.filter(user=qw.reporter, message__contains="10/04/2026").count() == 1
    assert any(qw.member_rep.email in message.to for message in mail.outbox)


def test_a_new_step_is_reminded_again(qw):
    send_report_reminders(today=APRIL_8, now=_at(APRIL_8))
    report_services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, GTSX="1")
    )

    assert send_report_reminders(today=APRIL_8, now=_at(APRIL_8)) == 1
    assert ReportReminder.objects.filter(key=f"report:{qw.report(qw.member).pk}:DRAFT").exists()


def test_no_reminder_outside_the_window_or_after_a_waiver(qw):
    report_services.waive_report(
        report=qw.report(qw.other), waived_by=qw.leader_rep, reason="Ngừng hoạt động"
    )

    assert send_report_reminders(today=datetime.date(2026, 3, 1), now=_at(datetime.date(2026, 3, 1))) == 0
    assert send_report_reminders(today=APRIL_8, now=_at(APRIL_8)) == 4


def test_reviewers_are_reminded_of_a_report_waiting_days(qw):
    report = submitted(qw, qw.member, qw.member_rep)
    later = report.submitted_at + datetime.timedelta(days=4)

    sent = send_report_reminders(today=timezone.localdate(later), now=later)

    assert sent >= 1
    assert Notification.objects.filter(user=qw.leader_rep, message__contains="waited 4 days").exists()
    assert send_report_reminders(today=timezone.localdate(later), now=later) == 0


def test_the_leader_is_reminded_before_the_blocs_deadline(qw):
    day = datetime.date(2026, 4, 18)

    send_report_reminders(today=day, now=_at(day))

    assert Notification.objects.filter(user=qw.leader_rep, message__contains="20/04/2026").exists()
    assert not Notification.objects.filter(user=qw.member_rep, message__contains="20/04/2026").exists()


def test_the_beat_task_runs_the_reminders(qw):
    today = timezone.localdate()
    ReportingPeriod.objects.filter(pk=qw.q1.pk).update(
        enterprise_deadline=today + datetime.timedelta(days=1),
        bloc_deadline=today + datetime.timedelta(days=30),
    )

    assert task_send_quarterly_reminders() == 5
