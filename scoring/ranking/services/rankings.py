"""Rankings: computed per bloc in SQL once every scorecard is final (``queries.ranked_rows``), tie votes,
publication with an objection window of working days (the year's settings), objections per criterion answered
by the Board (accepting one changes the verified score, with the answer as the reason, and recomputes), and the
lock. The published and the locked rankings keep a fingerprinted snapshot and never change; the locked
ranking is issued as the bloc's document, rendered by the worker."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import YearStatus
from scoring.criteria.methods import value_error
from scoring.ranking import documents
from scoring.ranking.enums import (
    Classification,
    CompletionLevel,
    ObjectionStatus,
    RankingStatus,
    ScoreRound,
    TieBreak,
)
from scoring.ranking.fingerprint import fingerprint, snapshot_of, verify
from scoring.ranking.models import (
    Objection,
    Ranking,
    RankingPolicy,
    RankingRow,
    Scorecard,
    ScoreChange,
    ScoreEntry,
)
from scoring.ranking.queries import PUBLIC_STATUSES, all_final, policy_for, ranked_rows, ranking_rows
from scoring.ranking.services.scorecards import settle_vetoes
from scoring.ranking.states import PAST, next_ranking_status
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload

DEFAULT_WINDOW = 5


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """``days`` working days (Monday to Friday) after ``start``."""
    current = start
    while days > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _audit(ranking: Ranking, action: str, actor, **changes) -> None:
    record_event(
        action=f"ranking.{action}",
        actor=actor,
        organization=ranking.organization,
        obj=ranking,
        changes={
            key: value if isinstance(value, list | dict) else str(value) for key, value in changes.items()
        },
    )


def _lock(ranking: Ranking) -> Ranking:
    return (
        Ranking.objects.select_for_update(of=("self",))
        .select_related("year", "bloc", "organization")
        .get(pk=ranking.pk)
    )


def _write_rows(ranking: Ranking) -> list[RankingRow]:
    """Replace the ranking's rows with those the SQL ranking gives now."""
    policy = policy_for(ranking.year)
    levels = dict(policy.levels)
    rows = [
        RankingRow(
            ranking=ranking,
            scorecard_id=row["scorecard_id"],
            enterprise_id=row["enterprise_id"],
            normal_points=row["normal"],
            bonus_points=row["bonus"],
            deduction_points=row["deduction"],
            total=row["total"],
            rank=row["rank"],
            gap_to_next=row["gap"],
            classification=row["classification"],
            completion_level=levels.get(row["classification"], "COMPLETED"),
            vetoed=row["vetoed"],
            veto_reasons=row["veto_reasons"],
        )
        for row in ranked_rows(
            year=ranking.year, period=ranking.period, policy=policy, bloc_id=ranking.bloc_id
        )
    ]
    ranking.rows.all().delete()
    RankingRow.objects.bulk_create(rows)
    ranking.computed_at = timezone.now()
    ranking.save(update_fields=["computed_at"])
    return rows


@transaction.atomic
def compute_ranking(*, bloc, year, period: str, computed_by) -> Ranking:
    """The bloc's draft ranking, (re)computed from its final scorecards; refused while one is not final."""
    if year.status != YearStatus.OPEN:
        raise ValidationError(_("The year %(year)s is closed.") % {"year": year.year}, code="year_closed")
    final, total = all_final(bloc, year, period)
    if total == 0 or final < total:
        raise ValidationError(
            _("%(final)s of %(total)s scorecards are final: the ranking waits for all of them.")
            % {"final": final, "total": total},
            code="not_final",
        )
    ranking, _created = Ranking.objects.get_or_create(
        year=year, period=period, bloc=bloc, defaults={"organization": year.organization}
    )
    ranking = _lock(ranking)
    if ranking.status != RankingStatus.DRAFT:
        raise ValidationError(_("A published ranking is not recomputed."), code="published")
    rows = _write_rows(ranking)
    _audit(ranking, "computed", computed_by, rows=len(rows))
    return ranking


@transaction.atomic
def record_tie_vote(*, ranking: Ranking, scorecard: Scorecard, votes: int, recorded_by) -> Ranking:
    """The members' vote that breaks a tie no rule broke (the last tie-break), then recompute."""
    ranking = _lock(ranking)
    if ranking.status != RankingStatus.DRAFT or scorecard.bloc_id != ranking.bloc_id:
        raise ValidationError(_("Votes are recorded on a draft ranking of this bloc."), code="not_draft")
    if votes < 0:
        raise ValidationError({"votes": _("The votes cannot be negative.")})
    Scorecard.objects.filter(pk=scorecard.pk).update(tie_vote=votes)
    _write_rows(ranking)
    _audit(ranking, "tie_vote_recorded", recorded_by, enterprise=scorecard.enterprise_id, votes=votes)
    return ranking


def _freeze(ranking: Ranking, stage: str) -> None:
    rows = ranking_rows(ranking)
    snapshot = snapshot_of(ranking, rows)
    setattr(ranking, f"{stage}_snapshot", snapshot)
    setattr(ranking, f"{stage}_fingerprint", fingerprint(snapshot))


def _move(ranking: Ranking, action: str, actor, **changes) -> Ranking:
    before = ranking.status
    ranking.status = next_ranking_status(before, action)
    for name, value in changes.items():
        setattr(ranking, name, value)
    return ranking


@transaction.atomic
def publish_ranking(*, ranking: Ranking, published_by, today: datetime.date | None = None) -> Ranking:
    """DRAFT → PUBLISHED: the members see it and may object until the deadline (working days of the year's
    settings, 5 by default)."""
    ranking = _lock(ranking)
    if not ranking.rows.exists():
        raise ValidationError(_("Compute the ranking first."), code="empty")
    today = today or timezone.localdate()
    window = int(ranking.year.settings.get("objection_window_working_days", DEFAULT_WINDOW))
    _move(ranking, "publish", published_by)
    ranking.published_at = timezone.now()
    ranking.objection_deadline = add_working_days(today, window)
    _freeze(ranking, "published")
    ranking.save(
        update_fields=[
            "status",
            "published_at",
            "objection_deadline",
            "published_snapshot",
            "published_fingerprint",
        ]
    )
    _audit(
        ranking,
        PAST["publish"],
        published_by,
        deadline=ranking.objection_deadline,
        fingerprint=ranking.published_fingerprint,
    )
    return ranking


@transaction.atomic
def raise_objection(
    *, ranking: Ranking, entry: ScoreEntry, text: str, raised_by, upload=None, today=None
) -> Objection:
    """A member contests one criterion of its own published score, with its reasons and evidence."""
    ranking = _lock(ranking)
    today = today or timezone.localdate()
    if ranking.status != RankingStatus.PUBLISHED:
        raise ValidationError(
            _("Objections are raised while the ranking is published."), code="not_published"
        )
    if today > ranking.objection_deadline:
        raise ValidationError(
            _("The objection window closed on %(date)s.")
            % {"date": ranking.objection_deadline.strftime("%d/%m/%Y")},
            code="window_closed",
        )
    if entry.scorecard.bloc_id != ranking.bloc_id or entry.scorecard.period != ranking.period:
        raise ValidationError(_("That score is not in this ranking."), code="other_ranking")
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Say what is wrong with the score and why.")})
    if upload is not None:
        check_pdf_upload(upload)
    objection = Objection.objects.create(
        ranking=ranking, entry=entry, text=text, raised_by=raised_by, file=upload or ""
    )
    _audit(
        ranking,
        "objection_raised",
        raised_by,
        criterion=entry.criterion.code,
        enterprise=entry.scorecard.enterprise_id,
    )
    return objection


@transaction.atomic
def answer_objection(
    *, objection: Objection, accept: bool, answer: str, answered_by, new_value: Decimal | None = None
) -> Objection:
    """Accept with a new verified score (the answer is the change's reason), or reject with a reason. An
    accepted objection recomputes the ranking's rows; the published snapshot stays as it was published."""
    ranking = _lock(objection.ranking)
    objection = (
        Objection.objects.select_for_update(of=("self",))
        .select_related("entry__criterion")
        .get(pk=objection.pk)
    )
    if ranking.status != RankingStatus.PUBLISHED or objection.status != ObjectionStatus.OPEN:
        raise ValidationError(_("This objection is already answered."), code="answered")
    answer = " ".join(answer.split())
    if not answer:
        raise ValidationError({"answer": _("Give the reason for the answer.")})
    if accept:
        if new_value is None:
            raise ValidationError({"new_value": _("Enter the new score.")})
        entry = ScoreEntry.objects.select_related("criterion", "scorecard").get(pk=objection.entry_id)
        problem = value_error(entry.criterion, new_value)
        if problem:
            raise ValidationError({"new_value": problem})
        old = entry.final_value
        entry.verified_value = new_value
        entry.save(update_fields=["verified_value"])
        ScoreChange.objects.create(
            entry=entry,
            round=ScoreRound.VERIFIED,
            old_value=old,
            new_value=new_value,
            reason=answer,
            actor=answered_by,
        )
        settle_vetoes(entry.scorecard)
        _write_rows(ranking)
    objection.status = ObjectionStatus.ACCEPTED if accept else ObjectionStatus.REJECTED
    objection.answer = answer
    objection.new_value = new_value if accept else None
    objection.answered_by = answered_by
    objection.answered_at = timezone.now()
    objection.save(update_fields=["status", "answer", "new_value", "answered_by", "answered_at"])
    _audit(
        ranking,
        "objection_answered",
        answered_by,
        objection=objection.pk,
        status=objection.status,
        new_value=new_value or "",
    )
    return objection


@transaction.atomic
def lock_ranking(*, ranking: Ranking, locked_by, today: datetime.date | None = None) -> Ranking:
    """PUBLISHED → LOCKED once the window has closed and every objection is answered; the locked ranking is
    issued as the bloc's document (rendered by the worker)."""
    ranking = _lock(ranking)
    today = today or timezone.localdate()
    if ranking.status == RankingStatus.PUBLISHED and today <= ranking.objection_deadline:
        raise ValidationError(
            _("Members may object until %(date)s: lock it after that day.")
            % {"date": ranking.objection_deadline.strftime("%d/%m/%Y")},
            code="window_open",
        )
    if ranking.objections.filter(status=ObjectionStatus.OPEN).exists():
        raise ValidationError(_("Answer every objection first."), code="open_objections")
    _move(ranking, "lock", locked_by)
    ranking.locked_at = timezone.now()
    _freeze(ranking, "locked")
    ranking.document = documents.issue_ranking(ranking=ranking, requested_by=locked_by)
    ranking.save(update_fields=["status", "locked_at", "locked_snapshot", "locked_fingerprint", "document"])
    _audit(ranking, PAST["lock"], locked_by, fingerprint=ranking.locked_fingerprint)
    return ranking


def is_public(ranking: Ranking) -> bool:
    return ranking.status in PUBLIC_STATUSES


__all__ = [
    "add_working_days",
    "answer_objection",
    "compute_ranking",
    "lock_ranking",
    "publish_ranking",
    "raise_objection",
    "record_tie_vote",
]


def fingerprint_holds(ranking: Ranking) -> bool | None:
    """Whether the stored snapshots still hash to their fingerprints (None for a draft)."""
    if ranking.status == RankingStatus.DRAFT:
        return None
    ok = verify(ranking.published_snapshot, ranking.published_fingerprint)
    if ranking.status == RankingStatus.LOCKED:
        ok = ok and verify(ranking.locked_snapshot, ranking.locked_fingerprint)
    return ok


# ---------------------------------------------------------------------------
# The Board's policy of a year
# ---------------------------------------------------------------------------
@transaction.atomic
def save_policy(
    *,
    year,
    bands: dict[str, Decimal],
    levels: dict[str, str],
    tie_breaks: list[str],
    confirmations: list[str],
    disagreement_points: Decimal,
    saved_by,
) -> RankingPolicy:
    """Classification bands (minimum % of the scale per class, strictly decreasing), the task-completion
    level of each class, the tie-breaks in order, the year-end confirmations and the scorers' gap flagged.
    Refused once a ranking of the year is published: a published table never changes its rules."""
    if Ranking.objects.filter(year=year, status__in=PUBLIC_STATUSES).exists():
        raise ValidationError(
            _("A ranking of this year is published: its rules no longer change."), code="published"
        )
    order = [c for c in Classification.values if c != Classification.WEAK]
    minimums = [bands[c] for c in order]
    errors: dict[str, str] = {}
    if (
        any(m is None or m <= 0 or m > 100 for m in minimums)
        or minimums != sorted(minimums, reverse=True)
        or len(set(minimums)) != len(minimums)
    ):
        errors["bands"] = _("Each class needs a higher minimum than the next one, between 0 and 100%.")
    if len(set(tie_breaks)) != len(tie_breaks) or set(tie_breaks) - set(TieBreak.values):
        errors["tie_breaks"] = _("Each tie-break once.")
    if set(levels) != set(Classification.values) or set(levels.values()) - set(CompletionLevel.values):
        errors["levels"] = _("Give every class its task-completion level.")
    if disagreement_points < 0:
        errors["disagreement_points"] = _("The gap cannot be negative.")
    if errors:
        raise ValidationError(errors)
    policy, _created = RankingPolicy.objects.get_or_create(
        year=year, defaults={"organization": year.organization}
    )
    policy.bands = [[c, float(bands[c])] for c in order] + [[Classification.WEAK, 0]]
    policy.levels = dict(levels)
    policy.tie_breaks = list(tie_breaks)
    policy.confirmations = sorted(confirmations)
    policy.disagreement_points = disagreement_points
    policy.save()
    record_event(
        action="ranking_policy.saved",
        actor=saved_by,
        organization=year.organization,
        obj=policy,
        changes={"bands": policy.bands, "tie_breaks": policy.tie_breaks, "levels": policy.levels},
    )
    return policy
