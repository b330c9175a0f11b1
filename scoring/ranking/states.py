"""The state machines of scorecards and rankings, one table each. Pure: no database."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scoring.ranking.enums import RankingStatus as K
from scoring.ranking.enums import ScorecardStatus as S
from scoring.ranking.enums import ScoreRound

SCORECARD_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit_self": (frozenset({S.SELF_SCORING}), S.SELF_SUBMITTED),
    "return_to_self": (frozenset({S.SELF_SUBMITTED}), S.SELF_SCORING),
    "submit_cross": (frozenset({S.SELF_SUBMITTED}), S.CROSS_SUBMITTED),
    "return_to_cross": (frozenset({S.CROSS_SUBMITTED}), S.SELF_SUBMITTED),
    "finalize": (frozenset({S.CROSS_SUBMITTED}), S.FINAL),
}

RANKING_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "publish": (frozenset({K.DRAFT}), K.PUBLISHED),
    "lock": (frozenset({K.PUBLISHED}), K.LOCKED),
}

# The status in which each round's values may be entered.
ROUND_STATUS = {
    ScoreRound.SELF: S.SELF_SCORING,
    ScoreRound.CROSS: S.SELF_SUBMITTED,
    ScoreRound.VERIFIED: S.CROSS_SUBMITTED,
}

PAST = {
    "submit_self": "self_submitted",
    "return_to_self": "returned",
    "submit_cross": "cross_submitted",
    "return_to_cross": "returned_to_cross",
    "finalize": "finalized",
    "publish": "published",
    "lock": "locked",
}

ACTION_LABELS = {
    "submit_self": gettext_lazy("submit the self score"),
    "return_to_self": gettext_lazy("return"),
    "submit_cross": gettext_lazy("submit the cross score"),
    "return_to_cross": gettext_lazy("return"),
    "finalize": gettext_lazy("finalise"),
    "publish": gettext_lazy("publish"),
    "lock": gettext_lazy("lock"),
}


def _next(table, labels, current: str, action: str) -> str:
    sources, target = table[action]
    if current not in sources:
        raise ValidationError(
            _("The step “%(action)s” is not allowed while it is “%(status)s”.")
            % {"action": ACTION_LABELS[action], "status": labels(current).label},
            code="illegal_transition",
        )
    return target


def next_scorecard_status(current: str, action: str) -> str:
    return _next(SCORECARD_TRANSITIONS, S, current, action)


def next_ranking_status(current: str, action: str) -> str:
    return _next(RANKING_TRANSITIONS, K, current, action)
