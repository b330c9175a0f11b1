import datetime
from decimal import Decimal

import pytest

from awards.catalogue.rules import award_money, quota_cap, salary_on
from awards.enums import QuotaKind, Rounding

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("multiplier", "base", "expected"),
    [
        ("0.6", 2_340_000, 1_410_000),  # 1,404,000 rounded up
        ("0.3", 2_340_000, 710_000),  # 702,000 rounded up
        ("8.0", 2_340_000, 18_720_000),  # already a multiple of 10,000
        ("1.5", 2_340_000, 3_510_000),
        ("3.0", 2_530_000, 7_590_000),
        ("0.6", 2_530_000, 1_520_000),  # 1,518,000 rounded up
    ],
)
def test_award_money_is_rounded_up_to_ten_thousand(multiplier, base, expected):
    assert award_money(multiplier=Decimal(multiplier), base_salary=base) == expected


def test_award_money_is_zero_without_a_multiplier():
    assert award_money(multiplier=None, base_salary=2_340_000) == 0


def test_salary_on_takes_the_value_in_force_on_the_day():
    values = [(datetime.date(2024, 7, 1), 2_340_000), (datetime.date(2026, 7, 1), 2_530_000)]

    assert salary_on(values, datetime.date(2026, 6, 30)) == 2_340_000
    assert salary_on(values, datetime.date(2026, 7, 1)) == 2_530_000
    assert salary_on(values, datetime.date(2024, 1, 1)) is None


@pytest.mark.parametrize(
    ("kind", "value", "rounding", "minimum", "members", "expected"),
    [
        (QuotaKind.PERCENT, "20", Rounding.DOWN, 1, 26, 5),  # 5.2 → 5
        (QuotaKind.PERCENT, "20", Rounding.UP, 1, 26, 6),
        (QuotaKind.PERCENT, "30", Rounding.NEAREST, 0, 5, 2),  # 1.5 → 2
        (QuotaKind.PERCENT, "20", Rounding.DOWN, 1, 3, 1),  # 0.6 → 0, at least 1
        (QuotaKind.PERCENT, "20", Rounding.DOWN, 5, 3, 3),  # never above the members
        (QuotaKind.PERCENT, "20", Rounding.DOWN, 1, 0, 0),  # an empty bloc
        (QuotaKind.COUNT, "1", Rounding.DOWN, 0, 9, 1),
    ],
)
def test_quota_cap(kind, value, rounding, minimum, members, expected):
    cap = quota_cap(kind=kind, value=Decimal(value), rounding=rounding, minimum=minimum, members=members)

    assert cap == expected
