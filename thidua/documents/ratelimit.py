"""How many documents one user may ask for in a while (operations.md P4, ASVS 5.0 §2.4.1).

Rendering is the expensive part of the portal, so every request for a document is counted per user. The
count is read from the database, so the limit holds across gunicorn workers and hosts without a shared
cache: the user's documents created in the window (index ``document_requester_idx``) plus the renders they
asked again for (audit events ``document.retried``, rare, found through the index on ``action``).
``settings.DOCUMENTS_ISSUE_RATE = (count, seconds)``. Two requests racing at the very limit may both pass;
the limit is a brake on floods, not an exact quota.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import ngettext

from thidua.audit.models import AuditEvent
from thidua.documents.models import GeneratedDocument

RETRIED_ACTION = "document.retried"


def issue_rate() -> tuple[int, int]:
    count, seconds = settings.DOCUMENTS_ISSUE_RATE
    return int(count), int(seconds)


def recent_requests(user) -> int:
    """The documents the user asked for, and the renders they retried, within the window."""
    _count, seconds = issue_rate()
    since = timezone.now() - timedelta(seconds=seconds)
    issued = GeneratedDocument.objects.filter(requested_by=user, created_at__gte=since).count()
    retried = AuditEvent.objects.filter(action=RETRIED_ACTION, actor=user, created_at__gte=since).count()
    return issued + retried


def check_issue_rate(user) -> None:
    """Raise a ValidationError when the user has asked for too many documents lately."""
    limit, seconds = issue_rate()
    if recent_requests(user) < limit:
        return
    minutes = max(1, round(seconds / 60))
    raise ValidationError(
        ngettext(
            "You have asked for too many documents: at most %(count)d every %(minutes)d minute. "
            "Please try again in a few minutes.",
            "You have asked for too many documents: at most %(count)d every %(minutes)d minutes. "
            "Please try again in a few minutes.",
            minutes,
        )
        % {"count": limit, "minutes": minutes},
        code="rate_limited",
    )
