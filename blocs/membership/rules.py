"""The rules of a bloc in a year: the year's editable settings (domain.md §11, stored as JSON on
EmulationYear), their defaults and validation, and ``merge_rules``, the one place where a bloc's regulation,
once confirmed, overrides the quorum, threshold, report days and leader rule of the year's settings; and the
rules that turn an election's result and the rotation into leader and deputy (``roles_after_election``,
``roles_for_next_term``).

A leader's term is one calendar year (domain.md §3.3): elections elect for one year, and a year setting for
the term's length was removed because nothing could honour another length.

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
from blocs.voting.enums import TieRule

DEFAULT_YEAR_SETTINGS = {
    "bloc_quorum_ratio": "0.6667",  # ≥ 2/3 of the members take part
    "bloc_vote_threshold_ratio": "0.5",  # strictly more than 50 % of those present
    "leader_consecutive_terms_allowed": False,
    # The deputy of year N leads in year N+1 when no election chose the leader, and heads the candidates.
    "deputy_is_default_leader_candidate": True,
    "enterprise_report_day": 10,
    "bloc_report_day": 20,
    "objection_window_working_days": 5,
    "dossier_deadline": "12-10",  # MM-DD, before 10 December
}

RATIO_KEYS = ("bloc_quorum_ratio", "bloc_vote_threshold_ratio")
DAY_KEYS = ("enterprise_report_day", "bloc_report_day", "objection_window_working_days")
BOOL_KEYS = ("leader_consecutive_terms_allowed", "deputy_is_default_leader_candidate")


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
    deputy_is_default_leader_candidate: bool
    tie_rule: str
    from_regulation: bool  # False: the year's settings (the bloc has no confirmed regulation)


def merge_rules(regulation, settings: dict) -> EffectiveRules:
    """The rules of a bloc: those of ``regulation`` (its confirmed BlocRegulation, or None) over the year's
    ``settings``. The deputy-as-default-candidate rule is the Board's (a year setting); the tie rule is the
    regulation's (a second round without one)."""
    values = {**DEFAULT_YEAR_SETTINGS, **settings}
    deputy_default = bool(values["deputy_is_default_leader_candidate"])
    if regulation is not None:
        return EffectiveRules(
            quorum_ratio=Decimal(regulation.quorum_ratio),
            vote_threshold_ratio=Decimal(regulation.vote_threshold_ratio),
            enterprise_report_day=regulation.enterprise_report_day,
            bloc_report_day=regulation.bloc_report_day,
            leader_consecutive_terms_allowed=regulation.leader_consecutive_terms_allowed,
            deputy_is_default_leader_candidate=deputy_default,
            tie_rule=regulation.tie_rule,
            from_regulation=True,
        )
    return EffectiveRules(
        quorum_ratio=ratio(values, "bloc_quorum_ratio"),
        vote_threshold_ratio=ratio(values, "bloc_vote_threshold_ratio"),
        enterprise_report_day=int(values["enterprise_report_day"]),
        bloc_report_day=int(values["bloc_report_day"]),
        leader_consecutive_terms_allowed=bool(values["leader_consecutive_terms_allowed"]),
        deputy_is_default_leader_candidate=deputy_default,
        tie_rule=TieRule.RUNOFF,
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


def roles_after_election(
    *,
    member_ids,
    current_roles: dict[int, str],
    elected: dict[str, int],
    previous_leader_id: int | None,
    may_serve_again: bool,
) -> dict[int, str]:
    """THE rule from an election's result to roles: LEADER / DEPUTY / MEMBER per member enterprise id.

    ``elected`` maps an office (LEADER, DEPUTY) to the enterprise its confirmed election chose; the offices
    not elected keep their holders of ``current_roles``. The enterprise elected takes the office and its
    previous holder becomes a plain member; one elected to both offices leads. An enterprise that is not a
    member, or a leader barred from a second consecutive term (``leader_barred``), takes nothing: the
    service applying a result refuses such a result with a message before calling this.
    """
    member_ids = list(member_ids)
    roles = {member: current_roles.get(member, MembershipRole.MEMBER) for member in member_ids}
    for office in (MembershipRole.DEPUTY, MembershipRole.LEADER):
        enterprise_id = elected.get(office)
        if enterprise_id not in roles:
            continue
        if office == MembershipRole.LEADER and leader_barred(
            enterprise_id=enterprise_id,
            previous_leader_id=previous_leader_id,
            may_serve_again=may_serve_again,
            member_ids=member_ids,
        ):
            continue
        for member, role in roles.items():
            if role == office:
                roles[member] = MembershipRole.MEMBER
        roles[enterprise_id] = office
    return roles


def roles_for_next_term(
    *,
    member_ids,
    current_roles: dict[int, str],
    elected: dict[str, int] | None,
    previous_leader_id: int | None,
    may_serve_again: bool,
    deputy_takes_over: bool,
) -> dict[int, str]:
    """LEADER / DEPUTY / MEMBER per member enterprise id for a bloc's new term (a new year opened from the
    previous one), then the confirmed elections for that year on top (``roles_after_election``).

    Without an election of the leader, the term rotates: the deputy leads when ``deputy_takes_over`` (the
    deputy is the default candidate) or when the leader may not serve a second consecutive term, and the
    leader becomes a plain member; otherwise the leader and the deputy carry over. A barred leader without a
    deputy leaves the seat empty for the Board to fill (or an election). With an election of the leader,
    the outgoing leader becomes a plain member and the deputy carries over unless elected otherwise.
    """
    member_ids = list(member_ids)
    elected = elected or {}
    leader = next((e for e in member_ids if current_roles.get(e) == MembershipRole.LEADER), None)
    deputy = next((e for e in member_ids if current_roles.get(e) == MembershipRole.DEPUTY), None)
    roles = dict.fromkeys(member_ids, MembershipRole.MEMBER)
    if MembershipRole.LEADER in elected:
        if deputy is not None:
            roles[deputy] = MembershipRole.DEPUTY
    else:
        barred = leader is not None and leader_barred(
            enterprise_id=leader,
            previous_leader_id=previous_leader_id,
            may_serve_again=may_serve_again,
            member_ids=member_ids,
        )
        if deputy is not None and (barred or deputy_takes_over):
            roles[deputy] = MembershipRole.LEADER
        else:
            if leader is not None and not barred:
                roles[leader] = MembershipRole.LEADER
            if deputy is not None:
                roles[deputy] = MembershipRole.DEPUTY
    return roles_after_election(
        member_ids=member_ids,
        current_roles=roles,
        elected=elected,
        previous_leader_id=previous_leader_id,
        may_serve_again=may_serve_again,
    )
