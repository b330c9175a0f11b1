"""Scorecards, score changes, rankings and objections (domain.md §6.2, §7.1, §12).

A scorecard holds, per criterion, up to three values: self, cross (the leader or deputy), verified (the
Board); the final value is the verified one if present, else the cross one, else the self one. Every change of
a value after it was first entered is a ``ScoreChange`` (old, new, who, when, reason), append-only.

A ranking is computed per bloc, year and period from the final scorecards (``queries.ranked_rows``, in SQL).
Published and locked rankings keep a snapshot of their rows with its SHA-256 fingerprint: they never change.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from scoring.ranking.enums import (
    Classification,
    CompletionLevel,
    ObjectionStatus,
    RankingStatus,
    ScorecardStatus,
    ScoreRound,
    ScoringPeriod,
    VetoReason,
)
from thidua.documents.uploads import GeneratedPdfName

POINTS = {"max_digits": 7, "decimal_places": 2}
PERCENT = {"max_digits": 7, "decimal_places": 1}


def veto_labels(reasons: list[dict]) -> list[str]:
    """The reasons of an exclusion as sentences in the user's language."""
    labels = []
    for reason in reasons:
        code = reason.get("code", "")
        label = str(VetoReason(code).label) if code in VetoReason.values else code
        labels.append(f"{label}: {reason['detail']}" if reason.get("detail") else label)
    return labels


def default_bands() -> list:
    return [
        [Classification.EXCELLENT, 90],
        [Classification.GOOD, 80],
        [Classification.FAIR, 70],
        [Classification.AVERAGE, 50],
        [Classification.WEAK, 0],
    ]


def default_levels() -> dict:
    return {
        Classification.EXCELLENT: CompletionLevel.EXCELLENT,
        Classification.GOOD: CompletionLevel.GOOD,
        Classification.FAIR: CompletionLevel.COMPLETED,
        Classification.AVERAGE: CompletionLevel.COMPLETED,
        Classification.WEAK: CompletionLevel.NOT_COMPLETED,
    }


def default_tie_breaks() -> list:
    return ["FEWER_DEDUCTIONS", "HIGHER_COMPLETION", "WOMEN_SHARE", "VOTE"]


def default_confirmations() -> list:
    return ["TAX", "SOCIAL_INSURANCE", "ENVIRONMENT"]


class RankingPolicy(models.Model):
    """The Board's rules for a year (domain.md §17.6: policy, not law): classification bands as % of the
    scale, the task-completion level of each class, the tie-breaks in order, the confirmations a year-end
    scorecard needs, and the gap between scorers that is flagged."""

    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.OneToOneField(
        "blocs.EmulationYear", on_delete=models.PROTECT, related_name="ranking_policy"
    )
    bands = models.JSONField(_("classification bands"), default=default_bands)
    levels = models.JSONField(_("task-completion levels"), default=default_levels)
    tie_breaks = models.JSONField(_("tie-breaks"), default=default_tie_breaks)
    confirmations = models.JSONField(_("confirmations required at year end"), default=default_confirmations)
    disagreement_points = models.DecimalField(_("scorers' gap flagged (points)"), default=3, **POINTS)

    class Meta:
        verbose_name = _("ranking policy")
        verbose_name_plural = _("ranking policies")

    def __str__(self) -> str:
        return f"{self.year}"


class Scorecard(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="scorecards")
    period = models.CharField(_("period"), max_length=8, choices=ScoringPeriod.choices)
    bloc = models.ForeignKey("blocs.Bloc", on_delete=models.PROTECT, related_name="scorecards")
    enterprise = models.ForeignKey("blocs.Enterprise", on_delete=models.PROTECT, related_name="scorecards")
    criteria_set = models.ForeignKey(
        "scoring.CriteriaSet", on_delete=models.PROTECT, related_name="scorecards"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ScorecardStatus.choices, default=ScorecardStatus.SELF_SCORING
    )
    # Facts the portal computed (refreshed with the computed criteria) and the Board's findings.
    completion_pct = models.DecimalField(_("completion of the pledge (%)"), null=True, blank=True, **PERCENT)
    women_share = models.DecimalField(_("share of women (%)"), null=True, blank=True, **PERCENT)
    registered_in_pledge = models.BooleanField(
        _("title registered in the signed pledge"),
        null=True,
        default=False,
        help_text="None: the bloc's pledges of that year are not in the portal (nothing to check)",
    )
    discipline_flag = models.BooleanField(
        _("under discipline, investigation, inspection or unresolved complaints"), default=False
    )
    discipline_note = models.TextField(_("note on the discipline finding"), blank=True)
    confirmations = models.JSONField(_("confirmations received"), default=list, blank=True)
    vetoed = models.BooleanField(_("excluded from proposals"), default=False)
    veto_reasons = models.JSONField(_("reasons for the exclusion"), default=list, blank=True)
    tie_vote = models.PositiveIntegerField(_("votes in a tie"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    self_submitted_at = models.DateTimeField(null=True, blank=True)
    cross_submitted_at = models.DateTimeField(null=True, blank=True)
    cross_scorer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    finalized_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        ordering = ["bloc__code", "enterprise__name"]
        constraints = [
            models.UniqueConstraint(fields=["year", "period", "enterprise"], name="one_scorecard_per_period"),
            models.CheckConstraint(
                condition=Q(discipline_flag=False) | ~Q(discipline_note=""), name="discipline_flag_has_note"
            ),
        ]
        indexes = [models.Index(fields=["year", "period", "bloc", "status"], name="scorecard_bloc_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.get_period_display()} {self.year}"

    @property
    def veto_labels(self) -> list[str]:
        return veto_labels(self.veto_reasons)


class ScoreEntry(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="entries")
    criterion = models.ForeignKey("scoring.Criterion", on_delete=models.PROTECT, related_name="+")
    self_value = models.DecimalField(_("self score"), null=True, blank=True, **POINTS)
    cross_value = models.DecimalField(_("cross score"), null=True, blank=True, **POINTS)
    verified_value = models.DecimalField(_("verified score"), null=True, blank=True, **POINTS)
    self_note = models.CharField(_("comment"), max_length=1000, blank=True)
    explanation = models.CharField(_("how it was computed"), max_length=500, blank=True)
    measure = models.DecimalField(null=True, blank=True, max_digits=18, decimal_places=4)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "criterion"], name="one_entry_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.final_value}"

    @property
    def final_value(self):
        """Verified if present, else cross, else self (domain.md §6.2)."""
        for value in (self.verified_value, self.cross_value, self.self_value):
            if value is not None:
                return value
        return None


class ScoreChange(models.Model):
    """One change of one value: append-only (the service never updates or deletes a row)."""

    entry = models.ForeignKey(ScoreEntry, on_delete=models.CASCADE, related_name="changes")
    round = models.CharField(_("round"), max_length=8, choices=ScoreRound.choices)
    old_value = models.DecimalField(_("old value"), null=True, blank=True, **POINTS)
    new_value = models.DecimalField(_("new value"), null=True, blank=True, **POINTS)
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")
        ordering = ["at", "id"]
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="score_change_has_reason")]

    def __str__(self) -> str:
        return f"{self.round}: {self.old_value} → {self.new_value}"


class ScoreEvidence(models.Model):
    """A PDF supporting one criterion's self score (the shared upload rule)."""

    entry = models.ForeignKey(ScoreEntry, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=GeneratedPdfName("scoring/scores"))
    label = models.CharField(_("description"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.label


class Ranking(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="rankings")
    period = models.CharField(_("period"), max_length=8, choices=ScoringPeriod.choices)
    bloc = models.ForeignKey("blocs.Bloc", on_delete=models.PROTECT, related_name="rankings")
    status = models.CharField(
        _("status"), max_length=10, choices=RankingStatus.choices, default=RankingStatus.DRAFT
    )
    computed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    objection_deadline = models.DateField(_("objections until"), null=True, blank=True)
    published_snapshot = models.JSONField(null=True, blank=True, editable=False)
    published_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_snapshot = models.JSONField(null=True, blank=True, editable=False)
    locked_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    document = models.ForeignKey(
        "documents.GeneratedDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")
        ordering = ["-year__year", "period", "bloc__code"]
        constraints = [
            models.UniqueConstraint(fields=["year", "period", "bloc"], name="one_ranking_per_bloc")
        ]

    def __str__(self) -> str:
        return f"{self.bloc} — {self.get_period_display()} {self.year}"


class RankingRow(models.Model):
    ranking = models.ForeignKey(Ranking, on_delete=models.CASCADE, related_name="rows")
    scorecard = models.ForeignKey(Scorecard, on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey("blocs.Enterprise", on_delete=models.PROTECT, related_name="ranking_rows")
    normal_points = models.DecimalField(_("standard points"), **POINTS)
    bonus_points = models.DecimalField(_("bonus points"), **POINTS)
    deduction_points = models.DecimalField(_("deductions"), **POINTS)
    total = models.DecimalField(_("total"), **POINTS)
    rank = models.PositiveIntegerField(_("rank"))
    gap_to_next = models.DecimalField(_("gap to the rank above"), null=True, blank=True, **POINTS)
    classification = models.CharField(_("classification"), max_length=10, choices=Classification.choices)
    completion_level = models.CharField(_("task completion"), max_length=14, choices=CompletionLevel.choices)
    vetoed = models.BooleanField(_("excluded from proposals"), default=False)
    veto_reasons = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("ranking row")
        verbose_name_plural = _("ranking rows")
        ordering = ["rank", "enterprise__name"]
        constraints = [models.UniqueConstraint(fields=["ranking", "enterprise"], name="one_row_per_member")]

    def __str__(self) -> str:
        return f"{self.rank}. {self.enterprise_id} ({self.total})"

    @property
    def veto_labels(self) -> list[str]:
        return veto_labels(self.veto_reasons)


class Objection(models.Model):
    """A member contests one criterion of its published score, with evidence; the Board answers."""

    ranking = models.ForeignKey(Ranking, on_delete=models.PROTECT, related_name="objections")
    entry = models.ForeignKey(ScoreEntry, on_delete=models.PROTECT, related_name="objections")
    text = models.TextField(_("objection"))
    file = models.FileField(_("evidence (PDF)"), upload_to=GeneratedPdfName("scoring/objections"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN
    )
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    new_value = models.DecimalField(_("new score"), null=True, blank=True, **POINTS)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["raised_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ObjectionStatus.OPEN) | ~Q(answer=""), name="answered_objection_has_reason"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.get_status_display()}"


__all__ = [
    "Objection",
    "Ranking",
    "RankingPolicy",
    "RankingRow",
    "ScoreChange",
    "ScoreEntry",
    "ScoreEvidence",
    "Scorecard",
]
