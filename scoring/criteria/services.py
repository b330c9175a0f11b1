"""Every write of the criteria sets: the default table, groups and criteria of a draft, adoption (linked to the
bloc's meeting or the Board's decision), copies to blocs and to later years, and the lock at the first score.
Each service runs in a transaction and writes an audit event."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import YearStatus
from scoring.criteria.defaults import DEFAULT_TABLE
from scoring.criteria.enums import CountSource, CriteriaSetStatus, CriterionKind, Scale, ScoringMethod
from scoring.criteria.models import CriteriaGroup, CriteriaSet, Criterion
from thidua.audit.services import record_event

CRITERION_FIELDS = (
    "code",
    "text",
    "kind",
    "max_points",
    "method",
    "indicator_code",
    "bands",
    "count_source",
    "per_occurrence",
    "evidence_required",
    "order",
)


def _audit(criteria_set: CriteriaSet, action: str, actor, **changes) -> None:
    record_event(
        action=f"criteria_set.{action}",
        actor=actor,
        organization=criteria_set.organization,
        obj=criteria_set,
        changes={key: str(value) for key, value in changes.items()},
    )


def _lock(criteria_set: CriteriaSet) -> CriteriaSet:
    return (
        CriteriaSet.objects.select_for_update(of=("self",))
        .select_related("year", "bloc", "organization")
        .get(pk=criteria_set.pk)
    )


def _ensure_draft(criteria_set: CriteriaSet) -> None:
    if criteria_set.status != CriteriaSetStatus.DRAFT:
        raise ValidationError(
            _("This criteria set is “%(status)s”: it can no longer change. Make a new version.")
            % {"status": criteria_set.get_status_display()},
            code="not_draft",
        )


def _ensure_year_open(year) -> None:
    if year.status != YearStatus.OPEN:
        raise ValidationError(_("The year %(year)s is closed.") % {"year": year.year}, code="year_closed")


def _next_version(year, bloc) -> int:
    latest = CriteriaSet.objects.filter(year=year, bloc=bloc).aggregate(v=Max("version"))["v"]
    return (latest or 0) + 1


# ---------------------------------------------------------------------------
# Creating sets
# ---------------------------------------------------------------------------
@transaction.atomic
def create_default_set(*, year, created_by, bloc=None, scale: int = Scale.HUNDRED) -> CriteriaSet:
    """A draft set holding the default table of domain.md §6.3 (points times 10 on the 1,000-point scale)."""
    _ensure_year_open(year)
    if scale not in Scale.values:
        raise ValidationError(_("Choose a scale of 100 or 1,000 points."), code="scale")
    factor = Decimal(scale) / 100
    criteria_set = CriteriaSet.objects.create(
        organization=year.organization,
        year=year,
        bloc=bloc,
        name=_("Emulation scoring table %(year)s") % {"year": year.year},
        scale=scale,
        version=_next_version(year, bloc),
        created_by=created_by,
    )
    for group_order, (code, name, cap, criteria) in enumerate(DEFAULT_TABLE, start=1):
        group = CriteriaGroup.objects.create(
            criteria_set=criteria_set,
            code=code,
            name=name,
            cap=Decimal(cap) * factor if cap else None,
            order=group_order,
        )
        Criterion.objects.bulk_create(
            Criterion(
                group=group,
                code=c_code,
                text=text,
                kind=kind,
                max_points=Decimal(maximum) * factor,
                method=method,
                indicator_code=extra.get("indicator_code", ""),
                bands=[[low, float(Decimal(points) * factor)] for low, points in extra.get("bands", [])],
                count_source=extra.get("count_source", ""),
                per_occurrence=Decimal(extra["per_occurrence"]) * factor
                if "per_occurrence" in extra
                else None,
                evidence_required=extra.get("evidence_required", False),
                order=n,
            )
            for n, (c_code, text, kind, maximum, method, extra) in enumerate(criteria, start=1)
        )
    _audit(criteria_set, "created", created_by, scale=scale, bloc=bloc or "")
    return criteria_set


def _copy_contents(source: CriteriaSet, target: CriteriaSet) -> None:
    for group in source.groups.prefetch_related("criteria"):
        copy = CriteriaGroup.objects.create(
            criteria_set=target, code=group.code, name=group.name, cap=group.cap, order=group.order
        )
        Criterion.objects.bulk_create(
            Criterion(group=copy, **{field: getattr(c, field) for field in CRITERION_FIELDS})
            for c in group.criteria.all()
        )


@transaction.atomic
def copy_set(*, source: CriteriaSet, created_by, bloc=None, year=None) -> CriteriaSet:
    """A draft copy of ``source``: the Board's default for a bloc, or a new version for a later year (a set
    under scores is never edited: its successor is)."""
    year = year or source.year
    _ensure_year_open(year)
    if year.organization_id != source.organization_id or (
        bloc is not None and bloc.organization_id != source.organization_id
    ):
        raise ValidationError(_("That year or bloc is not this Board's."), code="board")
    if year.year < source.year.year:
        raise ValidationError(_("A set is copied to the same year or a later one."), code="year")
    target = CriteriaSet.objects.create(
        organization=source.organization,
        year=year,
        bloc=bloc,
        name=source.name
        if year == source.year
        else source.name.replace(str(source.year.year), str(year.year)),
        scale=source.scale,
        version=_next_version(year, bloc),
        source=source,
        created_by=created_by,
    )
    _copy_contents(source, target)
    _audit(target, "copied", created_by, source=source.pk, bloc=bloc or "", year=year.year)
    return target


@transaction.atomic
def copy_to_blocs(*, source: CriteriaSet, blocs, created_by) -> list[CriteriaSet]:
    """The Board's default set copied to each bloc that has no set of its own this year yet."""
    if source.bloc_id is not None:
        raise ValidationError(_("Only the Board's default set is copied to blocs."), code="not_default")
    have = set(CriteriaSet.objects.filter(year=source.year, bloc__in=blocs).values_list("bloc_id", flat=True))
    return [
        copy_set(source=source, bloc=bloc, created_by=created_by) for bloc in blocs if bloc.pk not in have
    ]


@transaction.atomic
def rename_set(*, criteria_set: CriteriaSet, name: str, scale: int, changed_by) -> CriteriaSet:
    criteria_set = _lock(criteria_set)
    _ensure_draft(criteria_set)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the set a name.")})
    if scale not in Scale.values:
        raise ValidationError({"scale": _("Choose a scale of 100 or 1,000 points.")})
    before = (criteria_set.name, criteria_set.scale)
    criteria_set.name, criteria_set.scale = name, scale
    criteria_set.save(update_fields=["name", "scale"])
    _audit(criteria_set, "renamed", changed_by, before=before, after=(name, scale))
    return criteria_set


@transaction.atomic
def delete_set(*, criteria_set: CriteriaSet, deleted_by) -> None:
    criteria_set = _lock(criteria_set)
    _ensure_draft(criteria_set)
    if criteria_set.copies.exists():
        raise ValidationError(_("Blocs' sets were copied from this one: it stays."), code="has_copies")
    _audit(criteria_set, "deleted", deleted_by, name=criteria_set.name)
    criteria_set.delete()


# ---------------------------------------------------------------------------
# Groups and criteria of a draft
# ---------------------------------------------------------------------------
@transaction.atomic
def save_group(
    *, criteria_set: CriteriaSet, code: str, name: str, cap: Decimal | None, order: int, saved_by, group=None
) -> CriteriaGroup:
    criteria_set = _lock(criteria_set)
    _ensure_draft(criteria_set)
    code = code.strip().upper()
    if criteria_set.groups.filter(code=code).exclude(pk=getattr(group, "pk", None)).exists():
        raise ValidationError(
            {"code": _("Another group of this set has the code %(code)s.") % {"code": code}}
        )
    if cap is not None and cap < 0:
        raise ValidationError({"cap": _("The cap cannot be negative.")})
    group = group or CriteriaGroup(criteria_set=criteria_set)
    group.code, group.name, group.cap, group.order = code, name.strip(), cap, order
    group.save()
    _audit(criteria_set, "group_saved", saved_by, group=code, cap=cap or "")
    return group


def _clean_bands(raw) -> list[list[float]]:
    try:
        bands = [[float(Decimal(str(low))), float(Decimal(str(points)))] for low, points in raw]
    except (TypeError, ValueError, InvalidOperation) as exc:
        raise ValidationError({"bands": _("Write the bands as “percent: points” pairs.")}) from exc
    return sorted(bands, reverse=True)


def criterion_errors(data: dict) -> dict[str, str]:
    """What is wrong with a criterion's fields (pure; the form and the service share it)."""
    errors: dict[str, str] = {}
    kind, method = data.get("kind"), data.get("method")
    maximum = data.get("max_points")
    if kind == CriterionKind.VETO:
        if maximum:
            errors["max_points"] = _("An exclusion condition carries no points: enter 0.")
        if method not in (ScoringMethod.MANUAL, ScoringMethod.COUNT, ScoringMethod.YES_NO):
            errors["method"] = _("An exclusion condition is answered by hand or counted.")
    elif maximum is None or maximum <= 0:
        errors["max_points"] = _("Enter the maximum points (more than 0).")
    if method in (ScoringMethod.COMPLETION, ScoringMethod.GROWTH):
        if not data.get("indicator_code"):
            errors["indicator_code"] = _("Choose the indicator the percentage is computed from.")
        if not data.get("bands"):
            errors["bands"] = _("Give at least one band.")
        elif maximum is not None and any(Decimal(str(points)) > maximum for _low, points in data["bands"]):
            errors["bands"] = _("A band gives more than the criterion's maximum.")
    if method == ScoringMethod.COUNT:
        if data.get("count_source") not in CountSource.values:
            errors["count_source"] = _("Choose the fact that is counted.")
        if kind == CriterionKind.DEDUCTION and not data.get("per_occurrence"):
            errors["per_occurrence"] = _("Enter the points taken off per occurrence.")
        if kind in (CriterionKind.NORMAL, CriterionKind.BONUS):
            errors["method"] = _("Counted facts feed deductions and exclusion conditions.")
    if kind == CriterionKind.DEDUCTION and method in (ScoringMethod.COMPLETION, ScoringMethod.GROWTH):
        errors["method"] = _("A deduction is entered by hand or counted.")
    return errors


@transaction.atomic
def save_criterion(
    *, group: CriteriaGroup, data: dict, saved_by, criterion: Criterion | None = None
) -> Criterion:
    criteria_set = _lock(group.criteria_set)
    _ensure_draft(criteria_set)
    data = {
        **data,
        "code": str(data.get("code", "")).strip().upper(),
        "bands": _clean_bands(data.get("bands") or []),
    }
    errors = criterion_errors(data)
    siblings = Criterion.objects.filter(group__criteria_set=criteria_set, code=data["code"])
    if siblings.exclude(pk=getattr(criterion, "pk", None)).exists():
        errors["code"] = _("Another criterion of this set has the code %(code)s.") % {"code": data["code"]}
    if errors:
        raise ValidationError(errors)
    criterion = criterion or Criterion(group=group)
    before = {field: str(getattr(criterion, field, "")) for field in CRITERION_FIELDS} if criterion.pk else {}
    for field in CRITERION_FIELDS:
        if field in data:
            setattr(criterion, field, data[field])
    criterion.group = group
    if criterion.method != ScoringMethod.COUNT:
        criterion.count_source = ""
    criterion.save()
    _audit(criteria_set, "criterion_saved", saved_by, criterion=criterion.code, before=before)
    return criterion


@transaction.atomic
def remove_criterion(*, criterion: Criterion, removed_by) -> None:
    criteria_set = _lock(criterion.group.criteria_set)
    _ensure_draft(criteria_set)
    _audit(criteria_set, "criterion_removed", removed_by, criterion=criterion.code)
    criterion.delete()


# ---------------------------------------------------------------------------
# Adoption and lock
# ---------------------------------------------------------------------------
def normal_total(criteria_set: CriteriaSet) -> Decimal:
    total = Criterion.objects.filter(group__criteria_set=criteria_set, kind=CriterionKind.NORMAL).aggregate(
        t=Sum("max_points")
    )["t"]
    return total or Decimal(0)


@transaction.atomic
def adopt_set(
    *, criteria_set: CriteriaSet, adopted_on, adopted_by, meeting=None, note: str = ""
) -> CriteriaSet:
    """DRAFT → ADOPTED. A bloc's set is adopted by its members at a meeting of the bloc in that year (or by a
    vote whose reference is in ``note``); the Board's default by the Board's decision (``note``). The
    standard criteria must add up to the scale."""
    criteria_set = _lock(criteria_set)
    _ensure_draft(criteria_set)
    _ensure_year_open(criteria_set.year)
    note = " ".join(note.split())
    errors: dict[str, str] = {}
    total = normal_total(criteria_set)
    if total != criteria_set.scale:
        errors["__all__"] = _(
            "The standard criteria add up to %(total)s points, not the scale of %(scale)s: correct them first."
        ) % {"total": total.normalize(), "scale": criteria_set.scale}
    if meeting is not None and (
        meeting.bloc_id != criteria_set.bloc_id or meeting.year_id != criteria_set.year_id
    ):
        errors["meeting"] = _("Choose a meeting of this bloc in this year.")
    if meeting is None and not note:
        errors["note"] = _("Say where it was adopted: the bloc's meeting, or the vote or decision.")
    if adopted_on is None:
        errors["adopted_on"] = _("Enter the date it was adopted.")
    if errors:
        raise ValidationError(errors)
    criteria_set.status = CriteriaSetStatus.ADOPTED
    criteria_set.adopted_on = adopted_on
    criteria_set.adopted_meeting = meeting
    criteria_set.adopted_note = note
    criteria_set.adopted_by = adopted_by
    criteria_set.adopted_at = timezone.now()
    criteria_set.save(
        update_fields=["status", "adopted_on", "adopted_meeting", "adopted_note", "adopted_by", "adopted_at"]
    )
    _audit(criteria_set, "adopted", adopted_by, adopted_on=adopted_on, meeting=meeting or "", note=note)
    return criteria_set


def lock_set(*, criteria_set: CriteriaSet, actor) -> CriteriaSet:
    """ADOPTED → LOCKED when the first scorecard uses it (call inside the scoring service's transaction)."""
    criteria_set = _lock(criteria_set)
    if criteria_set.status == CriteriaSetStatus.LOCKED:
        return criteria_set
    if criteria_set.status != CriteriaSetStatus.ADOPTED:
        raise ValidationError(_("Scoring needs an adopted criteria set."), code="not_adopted")
    criteria_set.status = CriteriaSetStatus.LOCKED
    criteria_set.locked_at = timezone.now()
    criteria_set.save(update_fields=["status", "locked_at"])
    _audit(criteria_set, "locked", actor)
    return criteria_set
