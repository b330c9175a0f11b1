"""The arithmetic of the catalogue, pure (no database): award money (ND 152/2025 Art. 49) and quota caps."""

import datetime
import math
from decimal import ROUND_HALF_UP, Decimal

from awards.enums import QuotaKind, Rounding

MONEY_STEP = 10_000  # ND 152/2025 Art. 49(2): rounded up to the nearest ten thousand dong


def award_money(*, multiplier: Decimal | None, base_salary: int) -> int:
    """``multiplier`` times ``base_salary``, rounded **up** to 10,000 VND; 0 when the award carries no money."""
    if not multiplier or base_salary <= 0:
        return 0
    exact = Decimal(multiplier) * Decimal(base_salary)
    return math.ceil(exact / MONEY_STEP) * MONEY_STEP


def salary_on(values: list[tuple[datetime.date, int]], day: datetime.date) -> int | None:
    """The base salary in force on ``day`` among ``(effective_from, amount)`` values, or None before the
    first one."""
    in_force = [(start, amount) for start, amount in values if start <= day]
    return max(in_force)[1] if in_force else None


def quota_cap(*, kind: str, value: Decimal, rounding: str, minimum: int, members: int) -> int:
    """How many awards a cap allows: a count as it is; a share of ``members`` rounded as the rule says, never
    below ``minimum`` nor above the number of members."""
    if kind == QuotaKind.COUNT:
        return int(value)
    if members <= 0:
        return 0
    exact = Decimal(members) * Decimal(value) / Decimal(100)
    if rounding == Rounding.UP:
        count = math.ceil(exact)
    elif rounding == Rounding.NEAREST:
        count = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    else:
        count = math.floor(exact)
    return min(max(count, minimum), members)
