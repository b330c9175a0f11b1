"""The one place quarterly reporting tells people something: an in-app notification for each user and, once
the transaction commits, one e-mail (``emails/quarterly_notice_*.txt``).

Kept in one function so that it can switch to the platform's ``notify`` in one place.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from blocs.models import Notification


def notify(users, *, message: str, path: str) -> int:
    """Tell ``users`` ``message`` with a link to ``path``; returns how many e-mail addresses it goes to."""
    users = [user for user in users if user.is_active]
    if not users:
        return 0
    Notification.objects.bulk_create(
        Notification(user=user, message=message[:500], url=path) for user in users
    )
    context = {"message": message, "url": f"{settings.SITE_URL}{path}"}
    subject = render_to_string("emails/quarterly_notice_subject.txt", context).strip()
    body = render_to_string("emails/quarterly_notice_body.txt", context)
    emails = sorted({user.email for user in users if user.email})
    if emails:
        transaction.on_commit(lambda: send_mail(subject, body, None, emails))
    return len(emails)
