"""Completion against the pledge and against the same period last year, and the early warning. Pure.

The pledge's target is for the whole year. A summed indicator is on pace when its year-to-date has reached
the share of the year gone by (months / 12); an end-of-period or average indicator is compared as it is. A
member is flagged as far behind when it has done less than ``PACE_WARNING_RATIO`` of its pace [proposal].
"""

from dataclasses import dataclass
from decimal import Decimal

from scoring.quarterly.enums import YtdRule

PACE_WARNING_RATIO = Decimal("0.8")
HUNDRED = Decimal(100)
ONE_PLACE = Decimal("0.1")


def percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """``part`` as a percentage of ``whole`` to one decimal place; None when either is unknown or whole is 0."""
    if part is None or whole is None or whole == 0:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(ONE_PLACE)


def compared_with_target(rule: str, *, value: Decimal | None, ytd: Decimal | None) -> Decimal | None:
    """What is set against the annual target: the year-to-date, or the period's own value for a stock."""
    return value if rule == YtdRule.LATEST else ytd


def expected_percent(rule: str, months: int) -> Decimal:
    """The share of the annual target a member on pace has reached after ``months`` months."""
    if rule in (YtdRule.SUM_OF_PERIODS, YtdRule.ENTERED):
        return (HUNDRED * months / 12).quantize(ONE_PLACE)
    return HUNDRED


def behind_pace(of_plan: Decimal | None, *, rule: str, months: int) -> bool:
    if of_plan is None:
        return False
    return of_plan < expected_percent(rule, months) * PACE_WARNING_RATIO


@dataclass(frozen=True)
class Completion:
    target: Decimal | None
    of_plan: Decimal | None  # % of the annual target
    of_same_period: Decimal | None  # % of the same period last year (the period's value)
    ytd_of_same_period: Decimal | None  # % of last year's year-to-date at the same point
    behind: bool


def completion(
    rule: str,
    *,
    months: int,
    value: Decimal | None,
    ytd: Decimal | None,
    target: Decimal | None,
    last_value: Decimal | None,
    last_ytd: Decimal | None,
) -> Completion:
    of_plan = percent(compared_with_target(rule, value=value, ytd=ytd), target)
    return Completion(
        target=target,
        of_plan=of_plan,
        of_same_period=percent(value, last_value),
        ytd_of_same_period=percent(ytd, last_ytd),
        behind=behind_pace(of_plan, rule=rule, months=months),
    )
