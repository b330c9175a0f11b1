"""The kinds of notification, each with a label the preferences page shows.

The platform imports no domain app: every app answers the ``notification_kinds`` signal (connected in its
``AppConfig.ready()``) with a list of ``NotificationKind``. ``kind`` is what ``notify(kind=...)`` is called
with; the e-mail is ``emails/<kind>_subject.txt`` and ``_body.txt`` when the app wrote them, else the
generic ``emails/notification_subject.txt`` and ``_body.txt`` (the message and its absolute link).
"""

from dataclasses import dataclass

from django.dispatch import Signal
from django.utils.functional import Promise

from thidua.signals import collected_answers

notification_kinds = Signal()


@dataclass(frozen=True)
class NotificationKind:
    order: int
    kind: str
    label: str | Promise
    group: str | Promise = ""


def all_kinds() -> list[NotificationKind]:
    """Every kind the apps declared, in their ``order``; one per ``kind`` (the first declaration wins)."""
    seen: dict[str, NotificationKind] = {}
    for item in sorted(collected_answers(notification_kinds), key=lambda k: (k.order, k.kind)):
        seen.setdefault(item.kind, item)
    return list(seen.values())
