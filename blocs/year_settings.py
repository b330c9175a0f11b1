"""Defaults of an emulation year's editable settings (domain.md §11). Stored as JSON on EmulationYear.

A bloc's regulation, once adopted, overrides the quorum, threshold, report days and leader rule for that bloc.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from blocs.validators import validate_day_of_month, validate_ratio

DEFAULT_YEAR_SETTINGS = {
    "bloc_quorum_ratio": "0.6667",  # ≥ 2/3 of the members take part
    "bloc_vote_threshold_ratio": "0.5",  # strictly more than 50 % of those present
    "leader_term_years": 1,
    "leader_consecutive_terms_allowed": False,
    "deputy_is_default_leader_candidate": True,
    "enterprise_report_day": 10,
    "bloc_report_day": 20,
    "objection_window_working_days": 5,
    "dossier_deadline": "12-10",  # MM-DD, before 10 December
}

RATIO_KEYS = ("bloc_quorum_ratio", "bloc_vote_threshold_ratio")
DAY_KEYS = ("enterprise_report_day", "bloc_report_day", "objection_window_working_days")
BOOL_KEYS = ("leader_consecutive_terms_allowed", "deputy_is_default_leader_candidate")
MAX_LEADER_TERM_YEARS = 5


def default_year_settings() -> dict:
    return dict(DEFAULT_YEAR_SETTINGS)


def ratio(settings: dict, key: str) -> Decimal:
    return Decimal(str(settings.get(key, DEFAULT_YEAR_SETTINGS[key])))


def _ratio(value) -> str:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError(_("Enter a number such as 0.6667."), code="ratio") from None
    if not number.is_finite():
        raise ValidationError(_("Enter a number such as 0.6667."), code="ratio")
    validate_ratio(number)
    return str(number)


def _whole(value, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("Enter a whole number."), code="whole")
    if not low <= value <= high:
        raise ValidationError(
            _("Enter a number between %(low)d and %(high)d.") % {"low": low, "high": high}, code="range"
        )
    return value


def month_day(value) -> str:
    try:
        month, day = (int(part) for part in str(value).split("-"))
        datetime.date(2024, month, day)  # a leap year, so 02-29 is a valid deadline
    except (TypeError, ValueError):
        raise ValidationError(_("Enter a date as MM-DD, e.g. 12-10."), code="month_day") from None
    return f"{month:02d}-{day:02d}"


def clean_year_settings(values: dict) -> dict:
    """Check and normalise edited settings (any subset of the keys); raise ValidationError per key."""
    cleaned, errors = {}, {}
    for key, value in values.items():
        try:
            if key in RATIO_KEYS:
                cleaned[key] = _ratio(value)
            elif key in DAY_KEYS:
                if isinstance(value, bool) or not isinstance(value, int):
                    raise ValidationError(_("Enter a whole number."), code="whole")
                validate_day_of_month(value)
                cleaned[key] = value
            elif key in BOOL_KEYS:
                if not isinstance(value, bool):
                    raise ValidationError(_("Enter yes or no."), code="boolean")
                cleaned[key] = value
            elif key == "leader_term_years":
                cleaned[key] = _whole(value, low=1, high=MAX_LEADER_TERM_YEARS)
            elif key == "dossier_deadline":
                cleaned[key] = month_day(value)
            else:
                raise ValidationError(_("Unknown setting."), code="unknown")
        except ValidationError as exc:
            errors[key] = exc.messages
    if errors:
        raise ValidationError(errors)
    return cleaned
