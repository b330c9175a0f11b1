"""How each method turns facts into a criterion's points, and the rule a value must keep. Pure: no database.

Values are Decimal points. A deduction's value is the number of points taken off (positive, at most its cap);
a veto's value is 1 when the exclusion condition holds and 0 when it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from scoring.criteria.enums import CriterionKind, ScoringMethod

ZERO = Decimal(0)
ONE = Decimal(1)


@dataclass(frozen=True)
class Computed:
    """A computed value with the sentence that explains it to the member (``value`` None: not computable)."""

    value: Decimal | None
    explanation: str
    measure: Decimal | None = None  # the percentage or count the value came from


def band_points(percent: Decimal | None, bands: list) -> Decimal | None:
    """The points of the first band ``[min_percent, points]`` that ``percent`` reaches (bands from the highest
    down); 0 below every band; None when the percentage is unknown."""
    if percent is None:
        return None
    for minimum, points in sorted(bands, key=lambda band: Decimal(str(band[0])), reverse=True):
        if percent >= Decimal(str(minimum)):
            return Decimal(str(points))
    return ZERO


def bands_text(bands: list) -> str:
    ordered = sorted(bands, key=lambda band: Decimal(str(band[0])), reverse=True)
    return "; ".join(f"≥ {minimum}% → {points}" for minimum, points in ordered)


def count_points(count: int, *, per_occurrence: Decimal, cap: Decimal) -> Decimal:
    """A deduction of ``per_occurrence`` for each occurrence, never more than ``cap``."""
    return min(Decimal(count) * per_occurrence, cap)


def from_percent(criterion, percent: Decimal | None, *, what: str) -> Computed:
    points = band_points(percent, criterion.bands)
    if points is None:
        return Computed(None, _("%(what)s is not known yet: score it by hand.") % {"what": what})
    points = min(points, criterion.max_points)
    return Computed(
        points,
        _("%(what)s: %(percent)s%% (bands: %(bands)s) → %(points)s points.")
        % {"what": what, "percent": percent, "bands": bands_text(criterion.bands), "points": points},
        measure=percent,
    )


def from_count(criterion, count: int, *, what: str) -> Computed:
    if criterion.kind == CriterionKind.VETO:
        value = ONE if count else ZERO
        return Computed(
            value,
            _("%(what)s: %(count)s → %(result)s.")
            % {"what": what, "count": count, "result": _("excluded") if count else _("not excluded")},
            measure=Decimal(count),
        )
    per = criterion.per_occurrence or ZERO
    points = count_points(count, per_occurrence=per, cap=criterion.max_points)
    return Computed(
        points,
        _("%(what)s: %(count)s x %(per)s, at most %(cap)s → %(points)s points.")
        % {"what": what, "count": count, "per": per, "cap": criterion.max_points, "points": points},
        measure=Decimal(count),
    )


def from_yes_no(criterion, answer: bool | None, *, what: str) -> Computed:
    if answer is None:
        return Computed(None, _("%(what)s was not reported: score it by hand.") % {"what": what})
    points = criterion.max_points if answer else ZERO
    return Computed(
        points,
        _("%(what)s: %(answer)s → %(points)s points.")
        % {"what": what, "answer": _("yes") if answer else _("no"), "points": points},
        measure=ONE if answer else ZERO,
    )


def value_error(criterion, value: Decimal) -> str | None:
    """Why ``value`` is not a valid score of ``criterion``, or None."""
    if not value.is_finite():
        return _("Enter a number.")
    if criterion.kind == CriterionKind.VETO:
        return None if value in (ZERO, ONE) else _("Answer yes (1) or no (0).")
    if value < 0:
        return _("The points cannot be negative (a deduction is entered as the points taken off).")
    if value > criterion.max_points:
        return _("At most %(max)s points.") % {"max": criterion.max_points}
    if criterion.method == ScoringMethod.YES_NO and value not in (ZERO, criterion.max_points):
        return _("Either 0 or %(max)s points.") % {"max": criterion.max_points}
    if value != value.quantize(Decimal("0.01")):
        return _("At most two decimal places.")
    return None
