"""Dates of the reporting periods and their deadlines. Pure: no database.

Quarter k runs from the first day of month 3k-2 to the last day of month 3k. Its deadlines fall in the month
after it ends (January of the next year for Q4), on the day the year's settings give (enterprise report day
10, bloc report day 20 by default, domain.md §11), or the days of the bloc's regulation when it has one.
"""

import calendar
import datetime
from dataclasses import dataclass

from scoring.quarterly.enums import PeriodKind, ReviewKind

QUARTERS = (PeriodKind.Q1, PeriodKind.Q2, PeriodKind.Q3, PeriodKind.Q4)
DEFAULT_REVIEW_KINDS = {
    PeriodKind.Q1: ReviewKind.QUARTER,
    PeriodKind.Q2: ReviewKind.MIDYEAR,
    PeriodKind.Q3: ReviewKind.QUARTER,
    PeriodKind.Q4: ReviewKind.YEAR_END,
}
OPTIONAL_REVIEW_QUARTERS = (PeriodKind.Q1, PeriodKind.Q3)


@dataclass(frozen=True)
class Deadlines:
    enterprise: datetime.date
    bloc: datetime.date


def quarter_dates(year: int, kind: str) -> tuple[datetime.date, datetime.date]:
    number = QUARTERS.index(kind) + 1
    last_month = 3 * number
    start = datetime.date(year, last_month - 2, 1)
    end = datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return start, end


def day_after_period(ends_on: datetime.date, day: int) -> datetime.date:
    """Day ``day`` of the month after ``ends_on`` (the month's last day when it is shorter)."""
    year, month = (ends_on.year + 1, 1) if ends_on.month == 12 else (ends_on.year, ends_on.month + 1)
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def default_deadlines(ends_on: datetime.date, *, enterprise_day: int, bloc_day: int) -> Deadlines:
    enterprise = day_after_period(ends_on, enterprise_day)
    bloc = day_after_period(ends_on, bloc_day)
    return Deadlines(enterprise=enterprise, bloc=max(bloc, enterprise))


def effective_deadlines(period, regulation_days: tuple[int, int] | None) -> Deadlines:
    """The deadlines of one bloc for ``period``: its regulation's report days when it has a regulation
    (``(enterprise_day, bloc_day)``), otherwise the period's own (the year's settings, as the Board set them)."""
    if regulation_days is None:
        return Deadlines(enterprise=period.enterprise_deadline, bloc=period.bloc_deadline)
    enterprise_day, bloc_day = regulation_days
    return default_deadlines(period.ends_on, enterprise_day=enterprise_day, bloc_day=bloc_day)


def is_late(moment: datetime.date, deadline: datetime.date) -> bool:
    """Late means after the deadline day (the whole deadline day counts as on time)."""
    return moment > deadline
