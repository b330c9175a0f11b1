"""The rules of a bloc in a year: the year's editable settings (domain.md §11, stored as JSON on
EmulationYear), their defaults and validation, and ``merge_rules``, the one place where a bloc's regulation,
once adopted, overrides the quorum, threshold, report days and leader rule of the year's settings.

Pure: no database access. ``blocs.membership.queries.effective_rules(bloc, year)`` loads the regulation in
force and calls ``merge_rules``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from blocs.enums import MembershipRole
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


@dataclass(frozen=True)
class EffectiveRules:
    quorum_ratio: Decimal
    vote_threshold_ratio: Decimal
    enterprise_report_day: int
    bloc_report_day: int
    leader_consecutive_terms_allowed: bool
    from_regulation: bool  # False: the year's settings (the bloc has adopted no regulation)


def merge_rules(regulation, settings: dict) -> EffectiveRules:
    """The rules of a bloc: those of ``regulation`` (a BlocRegulation or None) over the year's ``settings``."""
    if regulation is not None:
        return EffectiveRules(
            quorum_ratio=Decimal(regulation.quorum_ratio),
            vote_threshold_ratio=Decimal(regulation.vote_threshold_ratio),
            enterprise_report_day=regulation.enterprise_report_day,
            bloc_report_day=regulation.bloc_report_day,
            leader_consecutive_terms_allowed=regulation.leader_consecutive_terms_allowed,
            from_regulation=True,
        )
    values = {**DEFAULT_YEAR_SETTINGS, **settings}
    return EffectiveRules(
        quorum_ratio=ratio(values, "bloc_quorum_ratio"),
        vote_threshold_ratio=ratio(values, "bloc_vote_threshold_ratio"),
        enterprise_report_day=int(values["enterprise_report_day"]),
        bloc_report_day=int(values["bloc_report_day"]),
        leader_consecutive_terms_allowed=bool(values["leader_consecutive_terms_allowed"]),
        from_regulation=False,
    )


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


# ---------------------------------------------------------------------------
# Leader and deputy (domain.md §3.3): the one rule for every path that sets roles
# ---------------------------------------------------------------------------
def leader_barred(
    *, enterprise_id: int, previous_leader_id: int | None, may_serve_again: bool, member_ids
) -> bool:
    """No second consecutive term as leader, unless the bloc's rules allow it or no other member could lead.

    ``previous_leader_id``: the enterprise that led the bloc the year before; ``member_ids``: the bloc's
    active member enterprises in the year the role is for.
    """
    return (
        enterprise_id == previous_leader_id
        and not may_serve_again
        and any(member != enterprise_id for member in member_ids)
    )


def roles_for_next_term(
    *,
    member_ids,
    current_roles: dict[int, str],
    elected: list[int] | None,
    previous_leader_id: int | None,
    may_serve_again: bool,
) -> dict[int, str]:
    """LEADER / DEPUTY / MEMBER per member enterprise id for a bloc's new term.

    With a confirmed election (``elected``: the elected enterprises, best first) the election decides: the
    first elected leads and the second is deputy, except that an elected enterprise barred from leading
    (``leader_barred``) takes the deputy seat and the next elected leads. Without one, ``current_roles``
    carry over, except that a barred leader becomes a plain member and hands over to the deputy (without a
    deputy the seat stays empty for the Board to fill, or an election). Every other member is a plain member.
    """
    member_ids = list(member_ids)
    members = set(member_ids)

    def barred(enterprise_id: int) -> bool:
        return leader_barred(
            enterprise_id=enterprise_id,
            previous_leader_id=previous_leader_id,
            may_serve_again=may_serve_again,
            member_ids=member_ids,
        )

    roles = dict.fromkeys(member_ids, MembershipRole.MEMBER)
    if elected is not None:
        seats = [MembershipRole.LEADER, MembershipRole.DEPUTY]
        for enterprise_id in elected:
            if not seats or enterprise_id not in members:
                continue
            role = seats[0]
            if role == MembershipRole.LEADER and barred(enterprise_id):
                role = MembershipRole.DEPUTY
            if role in seats:
                seats.remove(role)
                roles[enterprise_id] = role
        return roles
    leader = next((e for e in member_ids if current_roles.get(e) == MembershipRole.LEADER), None)
    deputy = next((e for e in member_ids if current_roles.get(e) == MembershipRole.DEPUTY), None)
    if leader is not None and barred(leader):
        if deputy is not None:
            roles[deputy] = MembershipRole.LEADER
        return roles
    if leader is not None:
        roles[leader] = MembershipRole.LEADER
    if deputy is not None:
        roles[deputy] = MembershipRole.DEPUTY
    return roles
