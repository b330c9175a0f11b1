import datetime
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from thidua.formtools import DateInput

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("vi", "1.234,5", Decimal("1234.5")),
        ("vi", "12,75", Decimal("12.75")),
        ("en", "1,234.5", Decimal("1234.5")),
    ],
)
def test_localized_numbers_are_read_as_people_of_that_language_type_them(language, typed, expected):
    field = forms.DecimalField(localize=True, max_digits=18, decimal_places=4)

    with translation.override(language):
        value = field.clean(typed)

    assert value == expected


def test_date_picker_gets_an_iso_value_in_vietnamese():
    widget = DateInput()

    with translation.override("vi"):
        html = widget.render("date", datetime.date(2026, 1, 5))

    assert 'type="date"' in html
    assert 'value="2026-01-05"' in html
