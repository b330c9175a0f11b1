"""The year-to-date value (lũy kế) of an indicator, per the indicator's rule. Pure: no database.

- a summed indicator (output, revenue, budget, accidents…): the sum of the year's periods so far; typed by
  the enterprise when an earlier period of the year has no value (e.g. a member that joined in Q3), or when
  it prefers to give its own figure;
- an end-of-period or yes/no indicator (workers, union members, labour agreement): the period's own value;
- a weighted-average indicator (average income): the average of the year's periods so far;
- profit after tax is reported as a year-to-date figure only (domain.md §5.2, "YTD"): always typed.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from blocs.pledges.enums import Aggregation
from scoring.quarterly.enums import YtdRule

ENTERED_YTD_CODES = frozenset({"LN"})
# Indicators whose value may be negative (a loss); every other number is zero or more.
SIGNED_CODES = frozenset({"LN"})
QUARTER_KINDS = ("Q1", "Q2", "Q3", "Q4")
RULE_OF_AGGREGATION = {
    Aggregation.SUM: YtdRule.SUM_OF_PERIODS,
    Aggregation.WEIGHTED_AVG: YtdRule.AVERAGE,
    Aggregation.END_OF_PERIOD: YtdRule.LATEST,
    Aggregation.COUNT: YtdRule.LATEST,
}
FOUR_PLACES = Decimal("0.0001")


def ytd_rule(indicator) -> str:
    if indicator.code in ENTERED_YTD_CODES:
        return YtdRule.ENTERED
    return RULE_OF_AGGREGATION[indicator.aggregation]


def may_enter_ytd(rule: str) -> bool:
    return rule in (YtdRule.SUM_OF_PERIODS, YtdRule.ENTERED)


@dataclass(frozen=True)
class Earlier:
    """The indicator's entry in one earlier period of the same year (``None`` value: nothing entered)."""

    value: Decimal | None
    not_applicable: bool = False

    @property
    def present(self) -> bool:
        return self.not_applicable or self.value is not None


def earlier_of(entries_by_kind: dict, kind: str, indicator_id: int) -> list[Earlier | None]:
    """The indicator's entries in the periods of the year before ``kind`` (None where there is none), from
    ``{kind: {indicator_id: value row}}`` as ``queries.year_entries`` gives it."""
    earlier = []
    for earlier_kind in sorted(k for k in QUARTER_KINDS if k < kind):
        row = entries_by_kind.get(earlier_kind, {}).get(indicator_id)
        earlier.append(None if row is None else Earlier(row.value, row.not_applicable))
    return earlier


@dataclass(frozen=True)
class Ytd:
    value: Decimal | None
    entered: bool
    missing_earlier: bool = False  # a computed sum lacks an earlier period: the enterprise must type it


def compute_ytd(
    rule: str,
    *,
    value: Decimal | None,
    entered: Decimal | None,
    earlier: Iterable[Earlier | None],
) -> Ytd:
    """The year-to-date of this period. ``earlier``: one entry per earlier period of the year (None when that
    period has no report or no entry for the indicator)."""
    earlier = list(earlier)
    if rule == YtdRule.LATEST:
        return Ytd(value, entered=False)
    if rule == YtdRule.ENTERED:
        return Ytd(entered, entered=entered is not None)
    if rule == YtdRule.SUM_OF_PERIODS:
        if entered is not None:
            return Ytd(entered, entered=True)
        if value is None:
            return Ytd(None, entered=False)
        if not all(e is not None and e.present for e in earlier):
            return Ytd(None, entered=False, missing_earlier=True)
        total = value + sum((e.value or Decimal(0) for e in earlier), Decimal(0))
        return Ytd(total.quantize(FOUR_PLACES), entered=False)
    if value is None:
        return Ytd(None, entered=False)
    numbers = [e.value for e in earlier if e is not None and e.value is not None] + [value]
    return Ytd((sum(numbers, Decimal(0)) / len(numbers)).quantize(FOUR_PLACES), entered=False)
