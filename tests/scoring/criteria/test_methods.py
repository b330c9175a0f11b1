"""The arithmetic of the scoring methods, without a database."""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from scoring.criteria.enums import CriterionKind, ScoringMethod
from scoring.criteria.methods import band_points, count_points, from_count, from_percent, value_error

pytestmark = pytest.mark.unit

BANDS = [[100, 10], [90, 8], [80, 6], [0, 3]]


def criterion(**fields):
    defaults = {
        "kind": CriterionKind.NORMAL,
        "method": ScoringMethod.MANUAL,
        "max_points": D(10),
        "bands": BANDS,
        "per_occurrence": None,
    }
    return SimpleNamespace(**(defaults | fields))


@pytest.mark.parametrize(
    ("percent", "points"),
    [(D("120"), D(10)), (D("100"), D(10)), (D("99.9"), D(8)), (D("80"), D(6)), (D("10"), D(3)), (None, None)],
)
def test_band_points_takes_the_first_band_reached(percent, points):
    assert band_points(percent, BANDS) == points


def test_band_points_below_every_band_is_zero():
    assert band_points(D("40"), [[50, 5]]) == D(0)


def test_count_points_are_capped():
    assert count_points(2, per_occurrence=D(2), cap=D(6)) == D(4)
    assert count_points(5, per_occurrence=D(2), cap=D(6)) == D(6)


def test_from_percent_explains_the_band():
    result = from_percent(criterion(), D("93.5"), what="GTSX")

    assert (result.value, result.measure) == (D(8), D("93.5"))
    assert "93.5%" in result.explanation


def test_from_percent_unknown_asks_for_a_manual_score():
    assert from_percent(criterion(), None, what="GTSX").value is None


def test_a_counted_veto_holds_when_the_count_is_not_zero():
    veto = criterion(kind=CriterionKind.VETO, max_points=D(0), method=ScoringMethod.COUNT)

    assert (from_count(veto, 1, what="x").value, from_count(veto, 0, what="x").value) == (D(1), D(0))


def test_a_counted_deduction_is_per_occurrence_and_capped():
    deduction = criterion(kind=CriterionKind.DEDUCTION, max_points=D(4), per_occurrence=D(1))

    assert [from_count(deduction, n, what="x").value for n in (0, 3, 9)] == [D(0), D(3), D(4)]


@pytest.mark.parametrize(
    ("fields", "value", "wrong"),
    [
        ({}, D(11), True),
        ({}, D(-1), True),
        ({}, D("9.5"), False),
        ({}, D("9.555"), True),
        ({"method": ScoringMethod.YES_NO}, D(5), True),
        ({"method": ScoringMethod.YES_NO}, D(10), False),
        ({"kind": CriterionKind.VETO, "max_points": D(0)}, D(1), False),
        ({"kind": CriterionKind.VETO, "max_points": D(0)}, D(2), True),
    ],
)
def test_value_error(fields, value, wrong):
    assert (value_error(criterion(**fields), value) is not None) == wrong
