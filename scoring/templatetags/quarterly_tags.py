"""Template filters of quarterly reporting: figures and percentages in the reader's language."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value) -> str:
    """``Decimal("1234.5000")`` → ``1.234,5`` (vi) / ``1,234.5`` (en); empty for None."""
    if value is None or value == "":
        return ""
    number = Decimal(value).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    return number_format(number, use_l10n=True, force_grouping=True)


@register.filter
def pct(value) -> str:
    """A percentage with one decimal place, or an empty string."""
    if value is None:
        return ""
    return f"{number_format(value, decimal_pos=1, use_l10n=True)} %"


@register.filter
def plain_number(value) -> str:
    """A number for a ``data-`` attribute read by a script: never localized, no grouping."""
    if value is None:
        return ""
    return format(Decimal(value).normalize(), "f")
