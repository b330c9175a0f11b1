"""Vietnamese tax code (mã số thuế, MST) validation.

A code is 10 digits, the 10th being a check digit over the first nine with the weights
31, 29, 23, 19, 17, 13, 7, 5, 3: check = 10 - (sum mod 11), where a remainder of 10 gives 0 and a
remainder of 0 (check 10) can never be issued. A branch adds "-NNN" (001 to 999). Same rule as
python-stdnum's ``stdnum.vn.mst``; checked against Vinamilk 0300588569, FPT 0101248141, Viettel
0100109106 and Petrolimex 0100107370 (remainder 10 → check digit 0).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TAX_CODE_RE = re.compile(r"^(\d{10})(?:-(\d{3}))?$")
WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_code_check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no valid code can start with them."""
    remainder = sum(weight * int(digit) for weight, digit in zip(WEIGHTS, first_nine, strict=True)) % 11
    check = 10 - remainder
    return None if check == 10 else check


def normalize_tax_code(value: str) -> str:
    """Strip spaces and dots people type ("0100 109 106", "01.00.109.106") but keep the branch dash."""
    return re.sub(r"[\s.]", "", value or "")


def validate_tax_code(value: str) -> None:
    match = TAX_CODE_RE.match(value or "")
    if not match:
        raise ValidationError(
            _("A tax code has 10 digits, optionally followed by a branch suffix such as -001."),
            code="tax_code_format",
        )
    main, branch = match.groups()
    if main[2:9] == "0000000" or branch == "000":
        raise ValidationError(_("This tax code is not a valid number."), code="tax_code_format")
    if tax_code_check_digit(main[:9]) != int(main[9]):
        raise ValidationError(
            _("The check digit of this tax code is wrong; please check the number."),
            code="tax_code_checksum",
        )


def with_check_digit(first_nine: str) -> str | None:
    """A full 10-digit tax code for nine digits (demo data, factories), or None if impossible."""
    check = tax_code_check_digit(first_nine)
    return None if check is None else f"{first_nine}{check}"


def validate_ratio(value) -> None:
    """Quorum and vote thresholds: a share of the voters, more than 0 and at most 1 (e.g. 0.6667 for 2/3)."""
    if value is None or not 0 < value <= 1:
        raise ValidationError(
            _("Enter a ratio above 0 and at most 1, e.g. 0.6667 for two thirds."), code="ratio"
        )


def validate_day_of_month(value) -> None:
    if value is None or not 1 <= value <= 31:
        raise ValidationError(_("Enter a day of the month between 1 and 31."), code="day_of_month")
