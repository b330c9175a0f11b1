from decimal import Decimal

import pytest

from thidua.documents.numbers import vietnamese_number

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (Decimal("1234.5000"), "1.234,5"),
        (Decimal("1200.0000"), "1.200"),
        (Decimal("7.2000"), "7,2"),
        (Decimal("0.5"), "0,5"),
        (3, "3"),
        ("1234567.891", "1.234.567,891"),
    ],
)
def test_vietnamese_number(value, printed):
    assert vietnamese_number(value) == printed
