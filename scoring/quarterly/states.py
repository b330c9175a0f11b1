"""The two state machines of quarterly reporting in one table each (domain.md §12). Pure: no database.

An enterprise report moves NOT_STARTED → DRAFT (first save) → SUBMITTED → RETURNED (reason) ↺ → ACCEPTED
(by the bloc leader, or the deputy for the leader's own report) → LOCKED (period closed). The Board may reopen
an ACCEPTED or LOCKED report with a reason: it goes back to RETURNED.

A bloc review moves OPEN → CONSOLIDATING (the leader writes) → SUBMITTED (to the Board) → RETURNED ↺ |
ACCEPTED → PUBLISHED (issued as a document).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scoring.quarterly.enums import ReportStatus as R
from scoring.quarterly.enums import ReviewStatus as V

# action → (statuses it may start from, status it leads to); ``None`` keeps the status.
REPORT_TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "start": (frozenset({R.NOT_STARTED}), R.DRAFT),
    "submit": (frozenset({R.DRAFT, R.RETURNED}), R.SUBMITTED),
    "return": (frozenset({R.SUBMITTED}), R.RETURNED),
    "accept": (frozenset({R.SUBMITTED}), R.ACCEPTED),
    "lock": (frozenset({R.ACCEPTED}), R.LOCKED),
    "reopen": (frozenset({R.ACCEPTED, R.LOCKED}), R.RETURNED),
}

REVIEW_TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "start": (frozenset({V.OPEN}), V.CONSOLIDATING),
    "submit": (frozenset({V.CONSOLIDATING, V.RETURNED}), V.SUBMITTED),
    "return": (frozenset({V.SUBMITTED}), V.RETURNED),
    "accept": (frozenset({V.SUBMITTED}), V.ACCEPTED),
    "publish": (frozenset({V.ACCEPTED}), V.PUBLISHED),
}

# The verb of each action in the audit log (``enterprise_report.submitted``, ``bloc_review.issued``, ...).
PAST = {
    "start": "started",
    "submit": "submitted",
    "return": "returned",
    "accept": "accepted",
    "lock": "locked",
    "reopen": "reopened",
    "publish": "issued",
}

ACTION_LABELS = {
    "start": gettext_lazy("start"),
    "submit": gettext_lazy("submit"),
    "return": gettext_lazy("return"),
    "accept": gettext_lazy("accept"),
    "lock": gettext_lazy("lock"),
    "reopen": gettext_lazy("reopen"),
    "publish": gettext_lazy("issue"),
}


def _next(table, labels, current: str, action: str, what: str) -> str:
    sources, target = table[action]
    if current not in sources:
        raise ValidationError(
            _("The step “%(action)s” is not allowed for a %(what)s that is “%(status)s”.")
            % {"action": ACTION_LABELS[action], "what": what, "status": labels(current).label},
            code="illegal_transition",
        )
    return target


def next_report_status(current: str, action: str) -> str:
    """The status ``action`` leads to from ``current``, or a ValidationError naming both."""
    return _next(REPORT_TRANSITIONS, R, current, action, _("report"))


def next_review_status(current: str, action: str) -> str:
    return _next(REVIEW_TRANSITIONS, V, current, action, _("bloc report"))
