"""Criteria sets (thang bảng điểm thi đua, domain.md §6.2): a set per year for a bloc, or the Board's default
that is copied to blocs; groups; criteria of four kinds with their scoring method.

A set moves DRAFT → ADOPTED (linked to the bloc's meeting, or the Board's decision) → LOCKED when the first
scorecard uses it. A locked set never changes: a later year gets a new version (``source`` names the set it
was copied from).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from scoring.criteria.enums import CountSource, CriteriaSetStatus, CriterionKind, Scale, ScoringMethod

POINTS = {"max_digits": 7, "decimal_places": 2}


class CriteriaSet(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="criteria_sets")
    bloc = models.ForeignKey(
        "blocs.Bloc",
        verbose_name=_("bloc"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria_sets",
        help_text=_("Empty: the Board's default set, copied to the blocs"),
    )
    name = models.CharField(_("name"), max_length=255)
    scale = models.PositiveSmallIntegerField(_("scale"), choices=Scale.choices, default=Scale.HUNDRED)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=8, choices=CriteriaSetStatus.choices, default=CriteriaSetStatus.DRAFT
    )
    source = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_meeting = models.ForeignKey(
        "blocs.Meeting",
        verbose_name=_("meeting that adopted it"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    adopted_note = models.CharField(_("adopted by"), max_length=500, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    adopted_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        ordering = ["-year__year", "bloc__code", "-version"]
        constraints = [
            # Two partial constraints rather than nulls_distinct=False, which SQLite (make run) ignores.
            models.UniqueConstraint(
                fields=["year", "bloc", "version"],
                condition=Q(bloc__isnull=False),
                name="one_criteria_set_version",
            ),
            models.UniqueConstraint(
                fields=["year", "version"],
                condition=Q(bloc__isnull=True),
                name="one_board_criteria_set_version",
            ),
            models.CheckConstraint(
                condition=Q(status=CriteriaSetStatus.DRAFT) | Q(adopted_on__isnull=False),
                name="adopted_set_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def is_draft(self) -> bool:
        return self.status == CriteriaSetStatus.DRAFT


class CriteriaGroup(models.Model):
    """A group (nhóm tiêu chí). ``cap`` bounds the group's sum (e.g. bonus points: at most +10)."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="groups")
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=255)
    cap = models.DecimalField(_("cap of the group"), null=True, blank=True, **POINTS)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criteria group")
        verbose_name_plural = _("criteria groups")
        ordering = ["order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="one_group_code_per_set")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Criterion(models.Model):
    """One criterion. ``max_points``: the standard score of a normal criterion, the cap of a bonus or of a
    deduction (0 for a veto). ``bands``: ``[[min_percent, points], ...]`` from the highest band down."""

    group = models.ForeignKey(CriteriaGroup, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=10)
    text = models.TextField(_("criterion"))
    kind = models.CharField(
        _("kind"), max_length=10, choices=CriterionKind.choices, default=CriterionKind.NORMAL
    )
    max_points = models.DecimalField(_("maximum points"), **POINTS)
    method = models.CharField(
        _("method"), max_length=10, choices=ScoringMethod.choices, default=ScoringMethod.MANUAL
    )
    indicator_code = models.CharField(_("indicator"), max_length=20, blank=True)
    bands = models.JSONField(_("bands"), default=list, blank=True)
    count_source = models.CharField(_("counted fact"), max_length=16, choices=CountSource.choices, blank=True)
    per_occurrence = models.DecimalField(_("points per occurrence"), null=True, blank=True, **POINTS)
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["group__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["group", "code"], name="one_criterion_code_per_group"),
            models.CheckConstraint(condition=Q(max_points__gte=0), name="criterion_max_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"

    @property
    def is_computed(self) -> bool:
        """Filled by the portal (from the quarterly reports, pledges, meetings), not typed by the enterprise."""
        return self.method in (ScoringMethod.COMPLETION, ScoringMethod.GROWTH, ScoringMethod.COUNT) or (
            self.method == ScoringMethod.YES_NO and bool(self.indicator_code)
        )


__all__ = ["CriteriaGroup", "CriteriaSet", "Criterion"]
