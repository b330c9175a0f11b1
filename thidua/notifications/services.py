"""The one way to tell people something: an in-app notification and an e-mail with an absolute link."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from thidua.notifications.models import Notification

MESSAGE_MAX = 500


def absolute_url(path: str) -> str:
    """``SITE_URL`` + ``path``: e-mails are read outside the portal, so their links must be absolute."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def notify(users: Iterable, *, kind: str, message: str, url: str = "", context: dict | None = None) -> int:
    """Notify ``users`` in the app and by e-mail; returns how many e-mail addresses the mail goes to.

    ``kind`` names the e-mail templates ``emails/<kind>_subject.txt`` and ``emails/<kind>_body.txt``;
    ``message`` is the in-app text; ``url`` the portal path the notification links to. The templates get
    ``context`` plus ``message`` and ``url`` (absolute). Call it inside the caller's transaction: the rows
    commit with it, and the e-mail leaves only once it has committed (never for a rolled-back change).
    """
    users = [user for user in users if user is not None]
    Notification.objects.bulk_create(
        Notification(user=user, kind=kind, message=message[:MESSAGE_MAX], url=url) for user in users
    )
    emails = [user.email for user in users if user.email]
    if not emails:
        return 0
    mail_context = {**(context or {}), "message": message, "url": absolute_url(url)}
    subject = " ".join(render_to_string(f"emails/{kind}_subject.txt", mail_context).split())
    body = render_to_string(f"emails/{kind}_body.txt", mail_context)
    transaction.on_commit(lambda: send_mail(subject, body, None, emails))
    return len(emails)


@transaction.atomic
def mark_notifications_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
