"""Scorecards: opened for every member of a bloc with the criteria in force (which locks them), computed
criteria filled and explained, self score with evidence, cross score by the leader or deputy, the Board's
verification and findings (ND 152/2025 Art. 4(4), confirmations), final. Every change of a value already
entered, and every cross or verified value that departs from the round before, needs a reason and is kept
(``ScoreChange``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipStatus, YearStatus
from blocs.models import BlocMembership
from scoring.criteria.enums import CountSource, CriterionKind, ScoringMethod
from scoring.criteria.methods import Computed, from_count, from_percent, from_yes_no, value_error
from scoring.criteria.queries import set_in_force
from scoring.criteria.services import lock_set
from scoring.ranking import arithmetic
from scoring.ranking.enums import Confirmation, ScorecardStatus, ScoreRound, ScoringPeriod
from scoring.ranking.facts import Facts, load_facts
from scoring.ranking.models import Scorecard, ScoreChange, ScoreEntry, ScoreEvidence
from scoring.ranking.queries import policy_for
from scoring.ranking.states import PAST, ROUND_STATUS, next_scorecard_status
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload

FIELD = {
    ScoreRound.SELF: "self_value",
    ScoreRound.CROSS: "cross_value",
    ScoreRound.VERIFIED: "verified_value",
}
MAX_EVIDENCE = 10


@dataclass(frozen=True)
class ScoreInput:
    criterion_id: int
    value: Decimal | None
    note: str = ""
    reason: str = ""


def _audit(scorecard: Scorecard, action: str, actor, **changes) -> None:
    record_event(
        action=f"scorecard.{action}",
        actor=actor,
        organization=scorecard.organization,
        obj=scorecard,
        changes={
            key: value if isinstance(value, list | dict) else str(value) for key, value in changes.items()
        },
    )


def _lock(scorecard: Scorecard) -> Scorecard:
    return (
        Scorecard.objects.select_for_update(of=("self",))
        .select_related("year", "bloc", "enterprise", "organization", "criteria_set")
        .get(pk=scorecard.pk)
    )


def _ensure_year_open(year) -> None:
    if year.status != YearStatus.OPEN:
        raise ValidationError(_("The year %(year)s is closed.") % {"year": year.year}, code="year_closed")


def _lock_with_entries(scorecard: Scorecard) -> tuple[Scorecard, list[ScoreEntry]]:
    """The scorecard and its entries, both locked, in one query."""
    entries = list(
        ScoreEntry.objects.select_for_update(of=("self", "scorecard"))
        .filter(scorecard_id=scorecard.pk)
        .select_related(
            "scorecard__year",
            "scorecard__bloc",
            "scorecard__enterprise",
            "scorecard__organization",
            "criterion__group",
        )
        .order_by("criterion__group__order", "criterion__group__code", "criterion__order", "criterion__code")
    )
    if not entries:
        return _lock(scorecard), []
    return entries[0].scorecard, entries


def _entries(scorecard: Scorecard) -> list[ScoreEntry]:
    return list(
        scorecard.entries.select_related("criterion__group").order_by(
            "criterion__group__order", "criterion__group__code", "criterion__order", "criterion__code"
        )
    )


# ---------------------------------------------------------------------------
# Computed criteria
# ---------------------------------------------------------------------------
def computed_value(criterion, facts: Facts) -> Computed | None:
    """The value of a computed criterion from the facts, with its explanation; None for a manual one."""
    code = criterion.indicator_code
    if criterion.method == ScoringMethod.COMPLETION:
        return from_percent(
            criterion, facts.of_plan(code), what=_("%(code)s, share of the pledge") % {"code": code}
        )
    if criterion.method == ScoringMethod.GROWTH:
        return from_percent(
            criterion,
            facts.of_same_period(code),
            what=_("%(code)s, share of the same period") % {"code": code},
        )
    if criterion.method == ScoringMethod.YES_NO and code:
        return from_yes_no(criterion, facts.answer(code), what=code)
    if criterion.method == ScoringMethod.COUNT:
        counts = {
            CountSource.LATE_REPORTS: facts.late_reports,
            CountSource.MISSED_MEETINGS: facts.missed_meetings,
            CountSource.UNSIGNED_PLEDGE: 0 if facts.pledge_signed else 1,
        }
        return from_count(
            criterion, counts[criterion.count_source], what=CountSource(criterion.count_source).label
        )
    return None


def refresh_computed(scorecard: Scorecard, entries: list[ScoreEntry] | None = None) -> list[ScoreEntry]:
    """Fill the computed criteria's self values (while self-scoring) and explanations, and the tie-break and
    veto facts of the scorecard. Call inside the caller's transaction."""
    entries = entries if entries is not None else _entries(scorecard)
    facts = load_facts(scorecard)
    completion = None
    for entry in entries:
        result = computed_value(entry.criterion, facts)
        if result is None:
            continue
        entry.explanation = str(result.explanation)[:500]
        entry.measure = result.measure
        if scorecard.status == ScorecardStatus.SELF_SCORING and result.value is not None:
            entry.self_value = result.value
        if entry.criterion.method == ScoringMethod.COMPLETION and completion is None:
            completion = result.measure
    ScoreEntry.objects.bulk_update(entries, ["self_value", "explanation", "measure"])
    scorecard.completion_pct = completion
    scorecard.women_share = facts.women_share()
    scorecard.registered_in_pledge = facts.registered
    scorecard.save(update_fields=["completion_pct", "women_share", "registered_in_pledge", "updated_at"])
    return entries


# ---------------------------------------------------------------------------
# Opening
# ---------------------------------------------------------------------------
@transaction.atomic
def open_scoring(*, bloc, year, period: str, opened_by) -> list[Scorecard]:
    """A scorecard for every active member of ``bloc`` in ``year`` that has none for ``period`` yet, on the
    criteria set in force (the bloc's adopted set, else the Board's), which is locked from now on."""
    _ensure_year_open(year)
    if period not in ScoringPeriod.values:
        raise ValidationError(_("Choose mid-year or year end."), code="period")
    criteria_set = set_in_force(bloc, year)
    if criteria_set is None:
        raise ValidationError(
            _("No criteria set is adopted for this bloc in %(year)s.") % {"year": year.year}, code="no_set"
        )
    lock_set(criteria_set=criteria_set, actor=opened_by)
    criteria = [c for c in criteria_set.groups.values_list("criteria__id", flat=True) if c]
    have = set(Scorecard.objects.filter(year=year, period=period).values_list("enterprise_id", flat=True))
    members = BlocMembership.objects.filter(bloc=bloc, year=year, status=MembershipStatus.ACTIVE).exclude(
        enterprise_id__in=have
    )
    created = []
    for membership in members.select_related("enterprise"):
        scorecard = Scorecard.objects.create(
            organization=year.organization,
            year=year,
            period=period,
            bloc=bloc,
            enterprise=membership.enterprise,
            criteria_set=criteria_set,
        )
        ScoreEntry.objects.bulk_create(ScoreEntry(scorecard=scorecard, criterion_id=c) for c in criteria)
        refresh_computed(scorecard)
        _audit(scorecard, "opened", opened_by, criteria_set=criteria_set.pk)
        created.append(scorecard)
    return created


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
def _baseline(entry: ScoreEntry, round_: str) -> Decimal | None:
    """The value a round starts from: its own, or the round before's (cross starts from self, verified from
    cross, else self)."""
    own = getattr(entry, FIELD[round_])
    if own is not None or round_ == ScoreRound.SELF:
        return own
    if round_ == ScoreRound.CROSS:
        return entry.self_value
    return entry.cross_value if entry.cross_value is not None else entry.self_value


def apply_value(
    entry: ScoreEntry, round_: str, value: Decimal | None, reason: str, actor
) -> ScoreChange | None:
    """Set one value; return the change to keep (unsaved), or None when nothing needs keeping. Raises a
    ValidationError naming the field ``value_<criterion id>`` or ``reason_<criterion id>``."""
    field = FIELD[round_]
    old = getattr(entry, field)
    if value is not None:
        problem = value_error(entry.criterion, value)
        if problem:
            raise ValidationError({f"value_{entry.criterion_id}": problem})
    if value == old:
        return None
    baseline = _baseline(entry, round_)
    needs_reason = old is not None or (round_ != ScoreRound.SELF and value != baseline)
    setattr(entry, field, value)
    if not needs_reason:
        return None
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(
            {
                f"reason_{entry.criterion_id}": _("Give the reason for changing %(code)s.")
                % {"code": entry.criterion.code}
            }
        )
    return ScoreChange(
        entry=entry,
        round=round_,
        old_value=old if old is not None else baseline,
        new_value=value,
        reason=reason,
        actor=actor,
    )


def _is_fixed(entry: ScoreEntry) -> bool:
    """A computed criterion the portal could compute: the enterprise does not type it."""
    return entry.criterion.is_computed and entry.measure is not None


@transaction.atomic
def record_scores(*, scorecard: Scorecard, round_: str, values: list[ScoreInput], actor) -> Scorecard:
    """Store one round's values. Nothing is saved when any value or reason is wrong (errors per field)."""
    scorecard, locked = _lock_with_entries(scorecard)
    _ensure_year_open(scorecard.year)
    if scorecard.status != ROUND_STATUS[round_]:
        raise ValidationError(
            _("This scorecard is “%(status)s”: the %(round)s cannot be entered now.")
            % {"status": scorecard.get_status_display(), "round": str(ScoreRound(round_).label).lower()},
            code="wrong_round",
        )
    entries = {e.criterion_id: e for e in locked}
    errors: dict[str, list[str]] = {}
    changes: list[ScoreChange] = []
    for item in values:
        entry = entries.get(item.criterion_id)
        if entry is None:
            errors.setdefault("__all__", []).append(_("That criterion is not on this scorecard."))
            continue
        if round_ == ScoreRound.SELF and _is_fixed(entry):
            if item.value not in (None, entry.self_value):
                errors[f"value_{entry.criterion_id}"] = [_("This criterion is computed by the portal.")]
            continue
        try:
            change = apply_value(entry, round_, item.value, item.reason, actor)
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                errors.setdefault(key, []).extend(messages)
            continue
        if round_ == ScoreRound.SELF:
            entry.self_note = " ".join(item.note.split())[:1000]
        if change is not None:
            changes.append(change)
    if errors:
        raise ValidationError(errors)
    ScoreEntry.objects.bulk_update(
        list(entries.values()), ["self_value", "cross_value", "verified_value", "self_note"]
    )
    ScoreChange.objects.bulk_create(changes)
    if round_ == ScoreRound.CROSS:
        scorecard.cross_scorer = actor
        scorecard.save(update_fields=["cross_scorer", "updated_at"])
    _audit(scorecard, f"{round_.lower()}_scored", actor, changed=len(changes))
    return scorecard


# ---------------------------------------------------------------------------
# Evidence
# ---------------------------------------------------------------------------
@transaction.atomic
def attach_evidence(*, entry: ScoreEntry, upload, label: str, uploaded_by) -> ScoreEvidence:
    scorecard = _lock(entry.scorecard)
    if scorecard.status != ScorecardStatus.SELF_SCORING:
        raise ValidationError(_("Evidence is attached while self-scoring."), code="not_editable")
    if entry.evidence.count() >= MAX_EVIDENCE:
        raise ValidationError(_("At most %(n)s files per criterion.") % {"n": MAX_EVIDENCE}, code="too_many")
    check_pdf_upload(upload)
    upload.seek(0)
    digest = hashlib.sha256(upload.read()).hexdigest()
    upload.seek(0)
    evidence = ScoreEvidence.objects.create(
        entry=entry,
        file=upload,
        label=" ".join(label.split())[:200] or upload.name[:200],
        size=upload.size,
        sha256=digest,
        uploaded_by=uploaded_by,
    )
    _audit(scorecard, "evidence_attached", uploaded_by, criterion=entry.criterion.code, sha256=digest)
    return evidence


@transaction.atomic
def remove_evidence(*, evidence: ScoreEvidence, removed_by) -> None:
    scorecard = _lock(evidence.entry.scorecard)
    if scorecard.status != ScorecardStatus.SELF_SCORING:
        raise ValidationError(_("Evidence is removed while self-scoring."), code="not_editable")
    _audit(scorecard, "evidence_removed", removed_by, sha256=evidence.sha256)
    evidence.delete()


# ---------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------
def _move(scorecard: Scorecard, action: str, actor, *, stamp: str | None = None, **changes) -> Scorecard:
    before = scorecard.status
    scorecard.status = next_scorecard_status(before, action)
    fields = ["status", "updated_at", *changes]
    for name, value in changes.items():
        setattr(scorecard, name, value)
    if stamp:
        setattr(scorecard, stamp, timezone.now())
        fields.append(stamp)
    scorecard.save(update_fields=fields)
    _audit(scorecard, PAST[action], actor, status=[before, scorecard.status], **changes)
    return scorecard


def incomplete(entries: list[ScoreEntry], field: str) -> list[str]:
    """Codes of the criteria without a value in ``field``."""
    return [e.criterion.code for e in entries if getattr(e, field) is None]


@transaction.atomic
def submit_self(*, scorecard: Scorecard, submitted_by) -> Scorecard:
    """Refused while a criterion has no value, or a criterion that needs evidence has points and no file."""
    scorecard = _lock(scorecard)
    _ensure_year_open(scorecard.year)
    if scorecard.status != ScorecardStatus.SELF_SCORING:
        next_scorecard_status(scorecard.status, "submit_self")
    entries = refresh_computed(scorecard)
    missing = incomplete(entries, "self_value")
    if missing:
        raise ValidationError(
            _("Score every criterion before submitting: %(codes)s.") % {"codes": ", ".join(missing)},
            code="incomplete",
        )
    with_files = set(
        ScoreEvidence.objects.filter(entry__scorecard=scorecard).values_list("entry__criterion_id", flat=True)
    )
    no_evidence = [
        e.criterion.code
        for e in entries
        if e.criterion.evidence_required and e.self_value and e.criterion_id not in with_files
    ]
    if no_evidence:
        raise ValidationError(
            _("Attach the evidence of %(codes)s before submitting.") % {"codes": ", ".join(no_evidence)},
            code="evidence",
        )
    return _move(scorecard, "submit_self", submitted_by, stamp="self_submitted_at")


@transaction.atomic
def submit_cross(*, scorecard: Scorecard, submitted_by) -> Scorecard:
    scorecard = _lock(scorecard)
    _ensure_year_open(scorecard.year)
    missing = incomplete(_entries(scorecard), "cross_value")
    if missing and scorecard.status == ScorecardStatus.SELF_SUBMITTED:
        raise ValidationError(
            _("Cross-score every criterion before submitting: %(codes)s.") % {"codes": ", ".join(missing)},
            code="incomplete",
        )
    return _move(scorecard, "submit_cross", submitted_by, stamp="cross_submitted_at")


@transaction.atomic
def return_scorecard(*, scorecard: Scorecard, reason: str, returned_by) -> Scorecard:
    """The cross scorer returns a self score; the Board returns a cross score. A reason is required."""
    scorecard = _lock(scorecard)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": _("Give the reason for returning it.")})
    action = "return_to_self" if scorecard.status == ScorecardStatus.SELF_SUBMITTED else "return_to_cross"
    return _move(scorecard, action, returned_by, return_reason=reason)


@transaction.atomic
def record_findings(
    *,
    scorecard: Scorecard,
    discipline_flag: bool,
    discipline_note: str,
    confirmations: list[str],
    recorded_by,
) -> Scorecard:
    """The Board's findings while verifying: ND 152/2025 Art. 4(4) (with a note) and the confirmations
    received (tax, social insurance, ...)."""
    scorecard = _lock(scorecard)
    if scorecard.status not in (ScorecardStatus.CROSS_SUBMITTED, ScorecardStatus.FINAL):
        raise ValidationError(
            _("The Board records its findings once the cross score is in."), code="too_early"
        )
    note = " ".join(discipline_note.split())
    if discipline_flag and not note:
        raise ValidationError({"discipline_note": _("Say what the finding is (decision, case, complaint).")})
    if set(confirmations) - set(Confirmation.values):
        raise ValidationError({"confirmations": _("Unknown confirmation.")})
    scorecard.discipline_flag, scorecard.discipline_note = discipline_flag, note
    scorecard.confirmations = sorted(confirmations)
    scorecard.save(update_fields=["discipline_flag", "discipline_note", "confirmations", "updated_at"])
    if scorecard.status == ScorecardStatus.FINAL:
        settle_vetoes(scorecard)
    _audit(
        scorecard,
        "findings_recorded",
        recorded_by,
        discipline=discipline_flag,
        confirmations=scorecard.confirmations,
    )
    return scorecard


def settle_vetoes(scorecard: Scorecard, entries: list[ScoreEntry] | None = None) -> Scorecard:
    """Store why the member cannot be proposed (inside the caller's transaction)."""
    entries = entries if entries is not None else _entries(scorecard)
    policy = policy_for(scorecard.year)
    reasons = arithmetic.veto_reasons(
        criteria_vetoes=[
            e.criterion.code
            for e in entries
            if e.criterion.kind == CriterionKind.VETO and (e.final_value or 0) > 0
        ],
        discipline_flag=scorecard.discipline_flag,
        discipline_note=scorecard.discipline_note,
        period=scorecard.period,
        confirmations=scorecard.confirmations,
        required_confirmations=policy.confirmations,
        registered_in_pledge=scorecard.registered_in_pledge,
    )
    scorecard.veto_reasons = [{**r, "code": str(r["code"])} for r in reasons]
    scorecard.vetoed = bool(reasons)
    scorecard.save(update_fields=["veto_reasons", "vetoed", "updated_at"])
    return scorecard


@transaction.atomic
def finalize_scorecard(*, scorecard: Scorecard, finalized_by) -> Scorecard:
    """CROSS_SUBMITTED → FINAL: the verified values stand where the Board entered them; vetoes settled."""
    scorecard = _lock(scorecard)
    _ensure_year_open(scorecard.year)
    scorecard = _move(scorecard, "finalize", finalized_by, stamp="finalized_at")
    settle_vetoes(scorecard)
    return scorecard
