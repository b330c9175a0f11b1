"""Quota rules of an emulation year.

The flag's rule is law (Law 2022 Art. 26(1): the leading unit of a bloc organised by the province, so at most
one flag per eligible bloc and year): ``add_default_quotas`` creates it and nobody edits or deletes it. Every
other rule is the Board's policy (domain.md §17.6): the defaults are a proposal (Bằng khen ≤ 20 % and Giấy
khen ≤ 30 % of a bloc's members, rounded down, at least 1), and the Board's officers add, change and remove
them while the year is open.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.catalogue.models import AwardType, QuotaRule
from awards.enums import QuotaKind, QuotaScope, Rounding, RuleSource
from blocs.enums import YearStatus
from thidua.audit.services import record_event

FIELDS = (
    "award_type",
    "scope",
    "bloc",
    "kind",
    "value",
    "rounding",
    "minimum",
    "eligible_blocs_only",
    "note",
)

DEFAULT_POLICY = (
    ("BK_CT_TINH", Decimal("20")),
    ("GK_BQL", Decimal("30")),
)


def _ensure_open(year) -> None:
    if year.status != YearStatus.OPEN:
        raise ValidationError(
            _("The year %(year)s is closed and can no longer be changed.") % {"year": year.year},
            code="year_closed",
        )


def _check(rule: QuotaRule) -> None:
    if rule.scope != QuotaScope.ONE_BLOC:
        rule.bloc = None
    elif rule.bloc is None:
        raise ValidationError({"bloc": _("Choose the bloc the rule applies to.")}, code="bloc_required")
    elif rule.bloc.organization_id != rule.year.organization_id:
        raise ValidationError({"bloc": _("Choose one of the Board's blocs.")}, code="bloc_other_board")
    if rule.kind == QuotaKind.COUNT and rule.value != rule.value.to_integral_value():
        raise ValidationError({"value": _("A number of awards is a whole number.")}, code="count_whole")
    if rule.kind == QuotaKind.PERCENT and not Decimal("0") < rule.value <= Decimal("100"):
        raise ValidationError({"value": _("Enter a share between 0 and 100 %.")}, code="percent_range")
    rule.full_clean(exclude=["created_by"])


def _audit(action: str, rule: QuotaRule, actor, changes: dict) -> None:
    record_event(action=action, actor=actor, organization=rule.year.organization, obj=rule, changes=changes)


def _snapshot(rule: QuotaRule) -> dict:
    return {
        "award_type": rule.award_type.code,
        "scope": rule.scope,
        "bloc": rule.bloc_id,
        "kind": rule.kind,
        "value": str(rule.value),
        "rounding": rule.rounding,
        "minimum": rule.minimum,
        "eligible_blocs_only": rule.eligible_blocs_only,
    }


@transaction.atomic
def create_quota_rule(*, year, created_by, **values) -> QuotaRule:
    """A Board policy cap for ``year`` (any of ``FIELDS``)."""
    _ensure_open(year)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields: {sorted(unknown)}")
    rule = QuotaRule(year=year, created_by=created_by, source=RuleSource.POLICY, **values)
    _check(rule)
    rule.save()
    _audit("quota_rule.created", rule, created_by, _snapshot(rule))
    return rule


def _locked(rule: QuotaRule) -> QuotaRule:
    locked = (
        QuotaRule.objects.select_for_update(of=("self",)).select_related("year__organization").get(pk=rule.pk)
    )
    _ensure_open(locked.year)
    if locked.source == RuleSource.LAW:
        raise ValidationError(
            _("This rule is the law (one flag per eligible bloc): it cannot be changed."), code="law_rule"
        )
    return locked


@transaction.atomic
def update_quota_rule(*, rule: QuotaRule, updated_by, **values) -> QuotaRule:
    rule = _locked(rule)
    before = _snapshot(rule)
    for name, value in values.items():
        if name not in FIELDS:
            raise ValueError(name)
        setattr(rule, name, value)
    _check(rule)
    rule.save()
    after = _snapshot(rule)
    _audit(
        "quota_rule.changed",
        rule,
        updated_by,
        {key: [before[key], after[key]] for key in after if before[key] != after[key]},
    )
    return rule


@transaction.atomic
def delete_quota_rule(*, rule: QuotaRule, deleted_by) -> None:
    rule = _locked(rule)
    _audit("quota_rule.deleted", rule, deleted_by, _snapshot(rule))
    rule.delete()


@transaction.atomic
def add_default_quotas(*, year, added_by) -> list[QuotaRule]:
    """The flag's rule of law and the proposed policy caps, each unless the year has a rule for that award
    already; returns the rules created."""
    _ensure_open(year)
    have = set(QuotaRule.objects.filter(year=year).values_list("award_type__code", flat=True))
    types = {
        t.code: t for t in AwardType.objects.filter(code__in=["CO_TINH", *(c for c, _v in DEFAULT_POLICY)])
    }
    rows = []
    if "CO_TINH" in types and "CO_TINH" not in have:
        rows.append(
            QuotaRule(
                year=year,
                award_type=types["CO_TINH"],
                scope=QuotaScope.EACH_BLOC,
                kind=QuotaKind.COUNT,
                value=Decimal(1),
                eligible_blocs_only=True,
                source=RuleSource.LAW,
                note="Luật Thi đua, khen thưởng 2022, Điều 26 khoản 1",
                created_by=added_by,
            )
        )
    for code, percent in DEFAULT_POLICY:
        if code in types and code not in have:
            rows.append(
                QuotaRule(
                    year=year,
                    award_type=types[code],
                    scope=QuotaScope.EACH_BLOC,
                    kind=QuotaKind.PERCENT,
                    value=percent,
                    rounding=Rounding.DOWN,
                    minimum=1,
                    source=RuleSource.POLICY,
                    created_by=added_by,
                )
            )
    created = QuotaRule.objects.bulk_create(rows)
    if created:
        record_event(
            action="quota_rule.defaults_added",
            actor=added_by,
            organization=year.organization,
            obj=year,
            changes={"rules": [_snapshot(rule) for rule in created]},
        )
    return created
