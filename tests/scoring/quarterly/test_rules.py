"""The pure rules: quarter dates and deadlines, the year-to-date per indicator rule, completion and pace, the
two state machines, numbers typed in Excel."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from scoring.quarterly.completion import behind_pace, completion, percent
from scoring.quarterly.enums import ReportStatus, ReviewStatus, YtdRule
from scoring.quarterly.excel import parse_decimal
from scoring.quarterly.periods import (
    day_after_period,
    default_deadlines,
    effective_deadlines,
    is_late,
    quarter_dates,
)
from scoring.quarterly.states import (
    REPORT_TRANSITIONS,
    REVIEW_TRANSITIONS,
    next_report_status,
    next_review_status,
)
from scoring.quarterly.ytd import Earlier, compute_ytd, ytd_rule

pytestmark = pytest.mark.unit
D = Decimal


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        ("Q1", datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        ("Q2", datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        ("Q3", datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)),
        ("Q4", datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),
    ],
)
def test_quarter_dates(kind, start, end):
    assert quarter_dates(2026, kind) == (start, end)


def test_deadlines_fall_in_the_month_after_the_quarter_and_q4_in_january():
    assert default_deadlines(
        datetime.date(2026, 3, 31), enterprise_day=10, bloc_day=20
    ).enterprise == datetime.date(2026, 4, 10)
    assert default_deadlines(
        datetime.date(2026, 12, 31), enterprise_day=10, bloc_day=20
    ).bloc == datetime.date(2027, 1, 20)


def test_a_deadline_day_beyond_the_month_is_its_last_day():
    assert day_after_period(datetime.date(2026, 1, 31), 31) == datetime.date(2026, 2, 28)


def test_the_bloc_deadline_is_never_before_the_enterprise_deadline():
    deadlines = default_deadlines(datetime.date(2026, 3, 31), enterprise_day=25, bloc_day=5)

    assert deadlines.bloc == deadlines.enterprise == datetime.date(2026, 4, 25)


def test_the_regulation_days_override_the_period_deadlines():
    period = SimpleNamespace(
        ends_on=datetime.date(2026, 6, 30),
        enterprise_deadline=datetime.date(2026, 7, 10),
        bloc_deadline=datetime.date(2026, 7, 20),
    )

    assert effective_deadlines(period, None).enterprise == datetime.date(2026, 7, 10)
    assert effective_deadlines(period, (5, 15)).enterprise == datetime.date(2026, 7, 5)
    assert effective_deadlines(period, (5, 15)).bloc == datetime.date(2026, 7, 15)


def test_the_deadline_day_itself_is_on_time():
    assert not is_late(datetime.date(2026, 4, 10), datetime.date(2026, 4, 10))
    assert is_late(datetime.date(2026, 4, 11), datetime.date(2026, 4, 10))


def _indicator(code, aggregation):
    return SimpleNamespace(code=code, aggregation=aggregation)


@pytest.mark.parametrize(
    ("code", "aggregation", "rule"),
    [
        ("GTSX", "SUM", YtdRule.SUM_OF_PERIODS),
        ("LD", "END_OF_PERIOD", YtdRule.LATEST),
        ("TUTT", "COUNT", YtdRule.LATEST),
        ("TNBQ", "WEIGHTED_AVG", YtdRule.AVERAGE),
        ("LN", "SUM", YtdRule.ENTERED),
    ],
)
def test_the_ytd_rule_of_each_kind_of_indicator(code, aggregation, rule):
    assert ytd_rule(_indicator(code, aggregation)) == rule


def test_a_summed_ytd_adds_the_earlier_periods_not_applicable_counting_as_nothing():
    ytd = compute_ytd(
        YtdRule.SUM_OF_PERIODS, value=D(30), entered=None, earlier=[Earlier(D(100)), Earlier(None, True)]
    )

    assert ytd.value == D("130.0000")
    assert not ytd.entered


def test_a_summed_ytd_without_an_earlier_period_must_be_typed():
    ytd = compute_ytd(YtdRule.SUM_OF_PERIODS, value=D(30), entered=None, earlier=[None])

    assert ytd.missing_earlier
    assert ytd.value is None


def test_a_typed_summed_ytd_wins():
    ytd = compute_ytd(YtdRule.SUM_OF_PERIODS, value=D(30), entered=D(95), earlier=[None])

    assert (ytd.value, ytd.entered) == (D(95), True)


def test_an_end_of_period_ytd_is_the_period_value():
    assert compute_ytd(YtdRule.LATEST, value=D(260), entered=None, earlier=[Earlier(D(250))]).value == D(260)


def test_an_average_ytd_averages_the_periods_with_a_figure():
    ytd = compute_ytd(YtdRule.AVERAGE, value=D(9), entered=None, earlier=[Earlier(D(8)), None])

    assert ytd.value == D("8.5000")


def test_an_entered_ytd_is_only_what_was_typed():
    assert compute_ytd(YtdRule.ENTERED, value=D(3), entered=None, earlier=[]).value is None
    assert compute_ytd(YtdRule.ENTERED, value=None, entered=D(12), earlier=[]).value == D(12)


def test_percent_is_none_without_a_base():
    assert percent(D(50), D(0)) is None
    assert percent(None, D(10)) is None
    assert percent(D(1), D(3)) == D("33.3")


def test_completion_against_the_pledge_and_last_year():
    result = completion(
        YtdRule.SUM_OF_PERIODS,
        months=3,
        value=D(100),
        ytd=D(100),
        target=D(400),
        last_value=D(80),
        last_ytd=D(80),
    )

    assert (result.of_plan, result.of_same_period, result.ytd_of_same_period) == (
        D("25.0"),
        D("125.0"),
        D("125.0"),
    )
    assert not result.behind


def test_a_summed_indicator_far_behind_its_pace_is_flagged():
    # after six months the pace is 50 %; 80 % of it is 40 %
    assert behind_pace(D("39.9"), rule=YtdRule.SUM_OF_PERIODS, months=6)
    assert not behind_pace(D("40.0"), rule=YtdRule.SUM_OF_PERIODS, months=6)


def test_a_stock_indicator_is_compared_with_its_whole_target():
    result = completion(
        YtdRule.LATEST, months=3, value=D(200), ytd=D(200), target=D(300), last_value=None, last_ytd=None
    )

    assert result.of_plan == D("66.7")
    assert result.behind


@pytest.mark.parametrize(
    ("current", "action", "expected"),
    [
        (ReportStatus.NOT_STARTED, "start", ReportStatus.DRAFT),
        (ReportStatus.DRAFT, "submit", ReportStatus.SUBMITTED),
        (ReportStatus.SUBMITTED, "return", ReportStatus.RETURNED),
        (ReportStatus.RETURNED, "submit", ReportStatus.SUBMITTED),
        (ReportStatus.SUBMITTED, "accept", ReportStatus.ACCEPTED),
        (ReportStatus.ACCEPTED, "lock", ReportStatus.LOCKED),
        (ReportStatus.LOCKED, "reopen", ReportStatus.RETURNED),
        (ReportStatus.ACCEPTED, "reopen", ReportStatus.RETURNED),
    ],
)
def test_report_transitions(current, action, expected):
    assert next_report_status(current, action) == expected


def test_every_other_report_move_is_refused():
    refused = [
        (status, action)
        for status in ReportStatus.values
        for action, (sources, _target) in REPORT_TRANSITIONS.items()
        if status not in sources
    ]

    for status, action in refused:
        with pytest.raises(ValidationError):
            next_report_status(status, action)
    assert ("NOT_STARTED", "submit") in refused
    assert ("DRAFT", "accept") in refused


@pytest.mark.parametrize(
    ("current", "action", "expected"),
    [
        (ReviewStatus.OPEN, "start", ReviewStatus.CONSOLIDATING),
        (ReviewStatus.CONSOLIDATING, "submit", ReviewStatus.SUBMITTED),
        (ReviewStatus.SUBMITTED, "return", ReviewStatus.RETURNED),
        (ReviewStatus.RETURNED, "submit", ReviewStatus.SUBMITTED),
        (ReviewStatus.SUBMITTED, "accept", ReviewStatus.ACCEPTED),
        (ReviewStatus.ACCEPTED, "publish", ReviewStatus.PUBLISHED),
    ],
)
def test_review_transitions(current, action, expected):
    assert next_review_status(current, action) == expected


def test_a_review_cannot_be_published_before_acceptance():
    sources, _target = REVIEW_TRANSITIONS["publish"]

    assert sources == {ReviewStatus.ACCEPTED}
    with pytest.raises(ValidationError):
        next_review_status(ReviewStatus.SUBMITTED, "publish")


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        (1234.5, D("1234.5000")),
        (12, D("12.0000")),
        ("1.234,5", D("1234.5000")),
        ("1,234.5", D("1234.5000")),
        ("8,5", D("8.5000")),
        ("1,234", D("1234.0000")),
        ("-3", D("-3.0000")),
    ],
)
def test_numbers_typed_in_excel(typed, number):
    assert parse_decimal(typed) == number


@pytest.mark.parametrize("typed", ["abc", "1e999999", True])
def test_text_that_is_not_a_number_is_refused(typed):
    with pytest.raises(ValueError):
        parse_decimal(typed)
