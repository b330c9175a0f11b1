"""Reviewers are reminded of pledges submitted days ago: once per submission, by e-mail and in the app."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from blocs.enums import MembershipRole
from blocs.models import BlocMembership
from blocs.pledges import services, tasks
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.models import PledgeReminder
from tests.blocs.pledges.conftest import fill
from thidua.notifications.models import Notification

pytestmark = pytest.mark.unit


def submitted(pw, enterprise, rep):
    pledge = fill(pw.pledge_of(enterprise), rep, pw.indicators)
    return services.submit_pledge(pledge=pledge, submitted_by=rep)


def days_later(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days, minutes=1)


def remind(capture, *, days: int) -> int:
    with capture(execute=True):
        return services.send_review_reminders(now=days_later(days))


def test_not_before_the_delay(pw, settings, django_capture_on_commit_callbacks):
    settings.PLEDGE_REVIEW_REMINDER_DAYS = 3
    submitted(pw, pw.member, pw.member_rep)

    assert remind(django_capture_on_commit_callbacks, days=2) == 0
    assert mail.outbox == []


def test_leader_is_reminded_once_not_again_the_next_day(pw, settings, django_capture_on_commit_callbacks):
    settings.PLEDGE_REVIEW_REMINDER_DAYS = 3
    pledge = submitted(pw, pw.member, pw.member_rep)

    first = remind(django_capture_on_commit_callbacks, days=3)
    next_day = remind(django_capture_on_commit_callbacks, days=4)

    assert (first, next_day) == (1, 0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [pw.leader_rep.email]
    assert pw.member.name in mail.outbox[0].subject
    notification = Notification.objects.get(user=pw.leader_rep, kind="pledge_review_reminder")
    assert "waiting for your review for 3 days" in notification.message
    assert notification.url.endswith(f"/{pledge.pk}/")
    assert PledgeReminder.objects.filter(pledge=pledge, step=PledgeStatus.SUBMITTED).count() == 1


def test_after_return_and_resubmission_a_new_reminder_is_allowed(
    pw, settings, django_capture_on_commit_callbacks
):
    settings.PLEDGE_REVIEW_REMINDER_DAYS = 3
    pledge = submitted(pw, pw.member, pw.member_rep)
    remind(django_capture_on_commit_callbacks, days=3)
    services.return_pledge(pledge=pledge, returned_by=pw.leader_rep, reason="Thiếu chỉ tiêu")
    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)

    again = remind(django_capture_on_commit_callbacks, days=3)
    once_more = remind(django_capture_on_commit_callbacks, days=5)

    assert (again, once_more) == (1, 0)
    assert len(mail.outbox) == 2
    assert PledgeReminder.objects.filter(pledge=pledge, step=PledgeStatus.SUBMITTED).count() == 1


def test_the_leaders_own_pledge_reminds_the_deputy(pw, settings, django_capture_on_commit_callbacks):
    settings.PLEDGE_REVIEW_REMINDER_DAYS = 3
    BlocMembership.objects.filter(bloc=pw.bloc, enterprise=pw.other).update(role=MembershipRole.DEPUTY)
    submitted(pw, pw.leader, pw.leader_rep)

    assert remind(django_capture_on_commit_callbacks, days=3) == 1
    assert mail.outbox[0].to == [pw.other_rep.email]
    assert not Notification.objects.filter(user=pw.leader_rep).exists()


def test_the_leaders_own_pledge_without_deputy_reminds_no_enterprise(
    pw, settings, django_capture_on_commit_callbacks
):
    settings.PLEDGE_REVIEW_REMINDER_DAYS = 3
    submitted(pw, pw.leader, pw.leader_rep)

    assert remind(django_capture_on_commit_callbacks, days=3) == 0
    assert mail.outbox == []


def test_daily_task_sends_both_kinds(pw, settings, django_capture_on_commit_callbacks):
    settings.PLEDGE_REVIEW_REMINDER_DAYS = 0
    submitted(pw, pw.member, pw.member_rep)

    with django_capture_on_commit_callbacks(execute=True):
        sent = tasks.task_send_pledge_reminders.delay().get()

    assert sent >= 1
    assert pw.leader_rep.email in [address for message in mail.outbox for address in message.to]
