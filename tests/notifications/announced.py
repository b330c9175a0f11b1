"""What the tests of each announcement read back: who got a notification of a kind, with which link, and
the e-mails that went out (recipient and absolute link)."""

from django.conf import settings
from django.core import mail

from thidua.notifications.models import Notification


def notified(kind: str) -> dict[int, str]:
    """``{user id: url}`` of the in-app notifications of ``kind``."""
    return dict(Notification.objects.filter(kind=kind).values_list("user_id", "url"))


def mailed(path: str) -> list[str]:
    """The addresses of the e-mails whose body carries the absolute link to ``path``, sorted."""
    link = f"{settings.SITE_URL}{path}"
    return sorted(address for message in mail.outbox if link in message.body for address in message.to)
