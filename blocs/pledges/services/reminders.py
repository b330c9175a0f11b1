"""Reminders and notices to the people a pledge waits for: the representatives before the signing deadline,
the reviewers of a pledge submitted days ago, the enterprise when its pledge is returned or accepted.
Each goes out through ``thidua.notifications.notify`` (in-app and e-mail with an absolute link)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import EnterpriseRole, YearStatus
from blocs.pledges import reviewers
from blocs.pledges.enums import PledgeStatus, TemplateStatus
from blocs.pledges.models import Pledge, PledgeReminder
from blocs.register.models import EnterpriseUser
from thidua.audit.services import record_event
from thidua.notifications.services import notify


def _representatives(enterprise_id: int) -> list:
    return [
        link.user
        for link in EnterpriseUser.objects.filter(
            enterprise_id=enterprise_id, role=EnterpriseRole.REPRESENTATIVE, user__is_active=True
        ).select_related("user")
    ]


def notify_representatives(pledge: Pledge, *, kind: str, message: str) -> int:
    """Tell the enterprise's representatives about their pledge (returned, accepted)."""
    return notify(
        _representatives(pledge.enterprise_id),
        kind=kind,
        message=message,
        url=reverse("pledges:pledge_detail", args=[pledge.pk]),
        context={"pledge": pledge},
    )


# Steps at which the enterprise must act (SUBMITTED waits for the leader).
REMINDER_STEPS = (
    PledgeStatus.DRAFT,
    PledgeStatus.AMENDMENT_DRAFT,
    PledgeStatus.RETURNED,
    PledgeStatus.ACCEPTED,
)


def send_due_reminders(*, today: datetime.date | None = None) -> int:
    """Remind representatives whose pledge waits for them, N days before the deadline; once per step."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.PLEDGE_REMINDER_DAYS)
    due = Pledge.objects.filter(
        template__status=TemplateStatus.APPROVED,
        template__signing_closed_at__isnull=True,
        template__signing_deadline__gte=today,
        template__signing_deadline__lte=horizon,
        template__year__status=YearStatus.OPEN,
        amendment__isnull=True,
        status__in=REMINDER_STEPS,
    ).select_related("template__year", "template__bloc", "enterprise")
    sent = 0
    for pledge in due:
        try:
            with transaction.atomic():
                PledgeReminder.objects.create(pledge=pledge, step=pledge.status)
                _remind(pledge)
        except IntegrityError:
            continue  # already reminded at this step
        sent += 1
    return sent


def _remind(pledge: Pledge) -> None:
    step = pledge.get_status_display()
    message = _("Reminder: your pledge for %(year)s (%(step)s) is due by %(deadline)s.") % {
        "year": pledge.template.year.year,
        "step": step,
        "deadline": pledge.template.signing_deadline.strftime("%d/%m/%Y"),
    }
    emailed = notify(
        _representatives(pledge.enterprise_id),
        kind="pledge_reminder",
        message=message,
        url=reverse("pledges:pledge_detail", args=[pledge.pk]),
        context={"pledge": pledge, "deadline": pledge.template.signing_deadline, "step": step},
    )
    record_event(
        action="pledge.reminded",
        organization=pledge.organization,
        obj=pledge,
        actor_label="beat",
        changes={"step": pledge.status, "recipients": emailed},
    )


def send_review_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind the reviewers of pledges SUBMITTED more than ``PLEDGE_REVIEW_REMINDER_DAYS`` days ago: the
    leader's representatives, or the deputy's for the leader's own pledge. Once per submission: the
    (pledge, SUBMITTED) row is created at the first reminder and moved forward only after a new submission."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PLEDGE_REVIEW_REMINDER_DAYS)
    waiting = Pledge.objects.filter(
        status=PledgeStatus.SUBMITTED,
        submitted_at__lte=cutoff,
        template__year__status=YearStatus.OPEN,
        amendment__isnull=True,
    ).select_related("template__year", "template__bloc", "enterprise")
    sent = 0
    for pledge in waiting:
        recipients = reviewers.reviewer_users(pledge)
        if not recipients:
            continue  # the leader's pledge in a bloc without a deputy: the Board's progress page shows it
        with transaction.atomic():
            moved = PledgeReminder.objects.filter(
                pledge=pledge, step=PledgeStatus.SUBMITTED, sent_at__lt=pledge.submitted_at
            ).update(sent_at=now)
            if not moved:
                try:
                    with transaction.atomic():
                        PledgeReminder.objects.create(pledge=pledge, step=PledgeStatus.SUBMITTED)
                except IntegrityError:
                    continue  # already reminded for this submission
            _remind_reviewers(pledge, recipients, now=now)
        sent += 1
    return sent


def _remind_reviewers(pledge: Pledge, recipients: list, *, now: datetime.datetime) -> None:
    days = (now - pledge.submitted_at).days
    message = _(
        "Reminder: the pledge of %(enterprise)s for %(year)s has been waiting for your review for %(days)s days."
    ) % {"enterprise": pledge.enterprise.name, "year": pledge.template.year.year, "days": days}
    notify(
        recipients,
        kind="pledge_review_reminder",
        message=message,
        url=reverse("pledges:pledge_detail", args=[pledge.pk]),
        context={"pledge": pledge, "days": days},
    )
    record_event(
        action="pledge.review_reminded",
        organization=pledge.organization,
        obj=pledge,
        actor_label="beat",
        changes={"step": PledgeStatus.SUBMITTED, "days": days, "recipients": len(recipients)},
    )
