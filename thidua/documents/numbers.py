"""Numbers as official Vietnamese documents print them: 1.234,5 (dot for thousands, comma for decimals)."""

from decimal import Decimal

from django.utils import numberformat


def vietnamese_number(value: Decimal | int | str) -> str:
    """``Decimal("1234.5000")`` → ``"1.234,5"``: trailing zeros dropped, whatever the interface language."""
    number = Decimal(value).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    return numberformat.format(number, ",", grouping=3, thousand_sep=".", force_grouping=True, use_l10n=False)
