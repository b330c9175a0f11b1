"""The pledge state machine in one table (domain.md §12), and the template's. Pure: no database.

A pledge version moves DRAFT → SUBMITTED → RETURNED ↺ → ACCEPTED → SIGNED → LOCKED (year closed). An
amendment is a new version that starts in AMENDMENT_DRAFT and takes the same steps; when it is signed the
version it replaces becomes SUPERSEDED. Every other move is refused with a translated ValidationError.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from blocs.pledges.enums import PledgeStatus as S
from blocs.pledges.enums import TemplateStatus as T

# action → (statuses it may start from, status it leads to)
PLEDGE_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({S.DRAFT, S.AMENDMENT_DRAFT, S.RETURNED}), S.SUBMITTED),
    "return": (frozenset({S.SUBMITTED}), S.RETURNED),
    "accept": (frozenset({S.SUBMITTED}), S.ACCEPTED),
    "sign": (frozenset({S.ACCEPTED}), S.SIGNED),
    "amend": (frozenset({S.SIGNED}), S.SIGNED),  # the signed version stays; a new AMENDMENT_DRAFT row starts
    "supersede": (frozenset({S.SIGNED}), S.SUPERSEDED),
    "lock": (frozenset({S.SIGNED}), S.LOCKED),
}

PLEDGE_ACTION_LABELS = {
    "submit": gettext_lazy("submit"),
    "return": gettext_lazy("return"),
    "accept": gettext_lazy("accept"),
    "sign": gettext_lazy("sign"),
    "amend": gettext_lazy("amend"),
    "supersede": gettext_lazy("supersede"),
    "lock": gettext_lazy("lock"),
}

# The audit event of each step: ``<object>.<verb in the past>`` (pledge.signed, pledge_template.approved).
AUDIT_VERBS = {
    "submit": "submitted",
    "return": "returned",
    "accept": "accepted",
    "sign": "signed",
    "amend": "amended",
    "supersede": "superseded",
    "lock": "locked",
    "approve": "approved",
}

TEMPLATE_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({T.DRAFT, T.RETURNED}), T.SUBMITTED),
    "return": (frozenset({T.SUBMITTED}), T.RETURNED),
    "approve": (frozenset({T.SUBMITTED}), T.APPROVED),
}


def next_pledge_status(current: str, action: str) -> str:
    """The status ``action`` leads to from ``current``, or a ValidationError naming both."""
    sources, target = PLEDGE_TRANSITIONS[action]
    if current not in sources:
        raise ValidationError(
            _(
                "The step “%(action)s” is not allowed for a pledge that is “%(status)s” (allowed from: %(allowed)s)."
            )
            % {
                "status": S(current).label,
                "action": PLEDGE_ACTION_LABELS[action],
                "allowed": ", ".join(str(S(s).label) for s in sorted(sources)),
            },
            code="illegal_transition",
        )
    return target


def next_template_status(current: str, action: str) -> str:
    sources, target = TEMPLATE_TRANSITIONS[action]
    if current not in sources:
        raise ValidationError(
            _("A pledge template that is “%(status)s” cannot take this step.") % {"status": T(current).label},
            code="illegal_transition",
        )
    return target
