"""The nomination's state machine in one table (domain.md §12, issue 14). Pure: no database.

PROPOSED → DOSSIER_IN_PROGRESS → SUBMITTED (to the Board) → UNDER_REVIEW (thẩm định) → RETURNED ↺ |
COUNCIL_VOTING → APPROVED | REJECTED; APPROVED → DECIDED (the Board's own award) or FORWARDED (to the
province) → DECIDED_EXTERNAL | REJECTED_EXTERNAL; DECIDED and DECIDED_EXTERNAL → REVOKED (by a later decision).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.nominations.enums import NominationStatus as S

TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "start_dossier": (frozenset({S.PROPOSED}), S.DOSSIER_IN_PROGRESS),
    "submit": (frozenset({S.PROPOSED, S.DOSSIER_IN_PROGRESS, S.RETURNED}), S.SUBMITTED),
    "start_review": (frozenset({S.SUBMITTED}), S.UNDER_REVIEW),
    "return": (frozenset({S.SUBMITTED, S.UNDER_REVIEW}), S.RETURNED),
    "to_council": (frozenset({S.UNDER_REVIEW}), S.COUNCIL_VOTING),
    "approve": (frozenset({S.COUNCIL_VOTING}), S.APPROVED),
    "reject": (frozenset({S.COUNCIL_VOTING}), S.REJECTED),
    "decide": (frozenset({S.APPROVED}), S.DECIDED),
    "forward": (frozenset({S.APPROVED}), S.FORWARDED),
    "decide_external": (frozenset({S.FORWARDED}), S.DECIDED_EXTERNAL),
    "reject_external": (frozenset({S.FORWARDED}), S.REJECTED_EXTERNAL),
    "revoke": (frozenset({S.DECIDED, S.DECIDED_EXTERNAL}), S.REVOKED),
}

# The verb of each step in the audit log (``nomination.submitted``, ...).
PAST = {
    "start_dossier": "dossier_started",
    "submit": "submitted",
    "start_review": "review_started",
    "return": "returned",
    "to_council": "sent_to_council",
    "approve": "approved",
    "reject": "rejected",
    "decide": "decided",
    "forward": "forwarded",
    "decide_external": "decided_externally",
    "reject_external": "rejected_externally",
    "revoke": "revoked",
}

LABELS = {
    "start_dossier": gettext_lazy("start the dossier"),
    "submit": gettext_lazy("submit"),
    "start_review": gettext_lazy("start the review"),
    "return": gettext_lazy("return"),
    "to_council": gettext_lazy("send to the council"),
    "approve": gettext_lazy("approve"),
    "reject": gettext_lazy("reject"),
    "decide": gettext_lazy("decide"),
    "forward": gettext_lazy("forward to the province"),
    "decide_external": gettext_lazy("record the province's decision"),
    "reject_external": gettext_lazy("record the province's refusal"),
    "revoke": gettext_lazy("revoke"),
}


def next_status(current: str, action: str) -> str:
    """The status ``action`` leads to from ``current``, or a ValidationError naming both."""
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise ValidationError(
            _("The step “%(action)s” is not allowed for a nomination that is “%(status)s”.")
            % {"action": LABELS[action], "status": S(current).label},
            code="illegal_transition",
        )
    return target


def allowed_actions(current: str) -> set[str]:
    return {action for action, (sources, _target) in TRANSITIONS.items() if current in sources}
