"""Quarterly reporting: periods, enterprise reports and their indicator values, evidence, bloc reviews.

Every row belongs to one Board, directly (``organization``) or through its report or review. Statuses move
only through ``scoring.quarterly.states`` (one table per machine) and every move is logged in a transition
table (who, when, from, to, comment) besides the audit log (domain.md §12).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from scoring.quarterly.enums import PeriodKind, PeriodStatus, ReportStatus, ReviewKind, ReviewStatus
from thidua.documents.enums import DocumentState
from thidua.documents.uploads import GeneratedPdfName

# Statuses in which the enterprise (or the leader on its behalf) may change the values.
EDITABLE_REPORT_STATUSES = (ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED)
# Statuses whose values count in the bloc's consolidated table.
COUNTED_REPORT_STATUSES = (ReportStatus.ACCEPTED, ReportStatus.LOCKED)
# Statuses in which the deputy, reviewer of the leader's own report, may see it: review begins at submission.
REVIEWABLE_REPORT_STATUSES = (
    ReportStatus.SUBMITTED,
    ReportStatus.RETURNED,
    ReportStatus.ACCEPTED,
    ReportStatus.LOCKED,
)
EDITABLE_REVIEW_STATUSES = (ReviewStatus.OPEN, ReviewStatus.CONSOLIDATING, ReviewStatus.RETURNED)

PERIOD_MONTHS = {PeriodKind.Q1: 3, PeriodKind.Q2: 6, PeriodKind.Q3: 9, PeriodKind.Q4: 12}


class ReportingPeriod(models.Model):
    """One quarter of an emulation year, with the default deadlines of the enterprises and of the blocs.

    The deadlines are the year's settings (day N of the month after the quarter); a bloc whose regulation sets
    its own report days uses those instead (``scoring.quarterly.periods.effective_deadlines``).
    """

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="reporting_periods"
    )
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="periods")
    kind = models.CharField(_("quarter"), max_length=2, choices=PeriodKind.choices)
    review_kind = models.CharField(
        _("bloc report"), max_length=12, choices=ReviewKind.choices, default=ReviewKind.QUARTER
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    enterprise_deadline = models.DateField(_("enterprise report deadline"))
    bloc_deadline = models.DateField(_("bloc report deadline"))
    status = models.CharField(
        _("status"), max_length=8, choices=PeriodStatus.choices, default=PeriodStatus.PLANNED
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year__year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind"], name="one_period_per_quarter"),
            models.CheckConstraint(
                condition=Q(starts_on__lt=models.F("ends_on")), name="period_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(enterprise_deadline__gt=models.F("ends_on"))
                & Q(bloc_deadline__gte=models.F("enterprise_deadline")),
                name="period_deadlines_after_end",
            ),
            models.CheckConstraint(
                condition=(Q(kind=PeriodKind.Q2) & Q(review_kind=ReviewKind.MIDYEAR))
                | (Q(kind=PeriodKind.Q4) & Q(review_kind=ReviewKind.YEAR_END))
                | (
                    Q(kind__in=[PeriodKind.Q1, PeriodKind.Q3])
                    & Q(review_kind__in=[ReviewKind.QUARTER, ReviewKind.EXTRA_REVIEW])
                ),
                name="period_review_kind_fits_quarter",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"], name="period_board_status_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def months(self) -> int:
        """How many months of the year the period's year-to-date covers (3, 6, 9, 12)."""
        return PERIOD_MONTHS[self.kind]

    @property
    def number(self) -> int:
        return self.months // 3

    @property
    def is_review(self) -> bool:
        return self.review_kind != ReviewKind.QUARTER

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN


class EnterpriseReport(models.Model):
    """One enterprise's results for one period (created when the period opens, for the bloc it was in)."""

    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reports")
    enterprise = models.ForeignKey(
        "blocs.Enterprise", on_delete=models.PROTECT, related_name="quarterly_reports"
    )
    bloc = models.ForeignKey("blocs.Bloc", on_delete=models.PROTECT, related_name="quarterly_reports")
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.NOT_STARTED
    )
    note = models.TextField(_("remarks"), blank=True)
    late = models.BooleanField(
        _("submitted late"), default=False, help_text=_("First submitted after the deadline")
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    waived = models.BooleanField(_("waived"), default=False)
    waiver_reason = models.TextField(_("reason for the waiver"), blank=True)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the Board reopens the report; after the period closed, "
        "only a report reopened since then may be corrected and resubmitted",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")
        ordering = ["period", "enterprise__name"]
        constraints = [
            models.UniqueConstraint(fields=["period", "enterprise"], name="one_report_per_enterprise_period"),
            models.CheckConstraint(
                condition=Q(waived=False) | ~Q(waiver_reason=""), name="report_waiver_has_reason"
            ),
        ]
        indexes = [
            models.Index(fields=["period", "bloc", "status"], name="report_period_bloc_idx"),
            models.Index(fields=["enterprise", "period"], name="report_enterprise_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_REPORT_STATUSES


class IndicatorValue(models.Model):
    """One indicator of one report. Numbers are Decimal with the unit in the indicator (domain.md §5.2);
    "không phát sinh" (``not_applicable``) is distinct from 0 and carries no number."""

    report = models.ForeignKey(EnterpriseReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey("blocs.Indicator", on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    ytd_value = models.DecimalField(_("year to date"), max_digits=18, decimal_places=4, null=True, blank=True)
    ytd_entered = models.BooleanField(default=False, help_text="True when the year-to-date was typed")
    not_applicable = models.BooleanField(_("not applicable"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator"),
            models.CheckConstraint(
                condition=Q(not_applicable=False) | (Q(value__isnull=True) & Q(ytd_value__isnull=True)),
                name="not_applicable_has_no_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {'KPS' if self.not_applicable else self.value}"


class ReportTransition(models.Model):
    report = models.ForeignKey(EnterpriseReport, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=12, choices=ReportStatus.choices)
    to_status = models.CharField(max_length=12, choices=ReportStatus.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class EvidenceFile(models.Model):
    """A PDF supporting a report (the shared upload rule: PDF, size cap, generated name, served by a view)."""

    report = models.ForeignKey(EnterpriseReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=GeneratedPdfName("scoring/evidence"))
    label = models.CharField(_("description"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.label


class BlocReview(models.Model):
    """The bloc's report for a period (báo cáo quý, sơ kết, tổng kết): parts I to IV over the consolidated table.

    Part I is the indicator table (computed) with the leader's text on each of its sections (domain.md §9.4).
    """

    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reviews")
    bloc = models.ForeignKey("blocs.Bloc", on_delete=models.PROTECT, related_name="reviews")
    status = models.CharField(
        _("status"), max_length=14, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    economic_text = models.TextField(_("I.1 Production and business"), blank=True)
    compliance_text = models.TextField(_("I.2 Compliance with the law"), blank=True)
    workers_text = models.TextField(_("I.3 Care for workers, labour relations"), blank=True)
    union_text = models.TextField(_("I.4 Union, cultural and social activities"), blank=True)
    movement_text = models.TextField(_("I.5 Emulation movements and exemplars"), blank=True)
    shortcomings = models.TextField(_("II. Shortcomings and their causes"), blank=True)
    directions = models.TextField(_("III. Directions and tasks"), blank=True)
    proposals = models.TextField(_("IV. Proposals to the Board"), blank=True)
    late = models.BooleanField(_("submitted late"), default=False)
    return_reason = models.TextField(_("reason for return"), blank=True)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    document = models.ForeignKey(
        "documents.GeneratedDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bloc review")
        verbose_name_plural = _("bloc reviews")
        ordering = ["period", "bloc__code"]
        constraints = [models.UniqueConstraint(fields=["period", "bloc"], name="one_review_per_bloc_period")]

    def __str__(self) -> str:
        return f"{self.bloc} — {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_REVIEW_STATUSES


class ReviewTransition(models.Model):
    review = models.ForeignKey(BlocReview, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=14, choices=ReviewStatus.choices)
    to_status = models.CharField(max_length=14, choices=ReviewStatus.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class BoardReview(models.Model):
    """The Board's report of a period across all its blocs (báo cáo tổng hợp, sơ kết, tổng kết).

    Part I's tables are computed (the submission status per park and bloc, the Board-wide indicator table);
    the Board's officers write the assessment and parts II to IV. A Board document: signed by the signer
    chosen here before it is numbered in the Board's register (``thidua.documents`` signing workflow).
    """

    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    period = models.OneToOneField(ReportingPeriod, on_delete=models.PROTECT, related_name="board_review")
    results_text = models.TextField(_("I. Results: overall assessment"), blank=True)
    shortcomings = models.TextField(_("II. Shortcomings and their causes"), blank=True)
    directions = models.TextField(_("III. Directions and tasks"), blank=True)
    proposals = models.TextField(_("IV. Proposals"), blank=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signer"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    document = models.OneToOneField(
        "documents.GeneratedDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Board report")
        verbose_name_plural = _("Board reports")
        ordering = ["period"]

    def __str__(self) -> str:
        return str(self.period)

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentState.DRAFT

    @property
    def is_issued(self) -> bool:
        return self.status == DocumentState.ISSUED


class ReportReminder(models.Model):
    """A reminder sent once: ``key`` names the step (e.g. ``report:42:DRAFT``); the constraint makes it once."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    key = models.CharField(max_length=80)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period", "key"], name="one_reminder_per_key")]

    def __str__(self) -> str:
        return f"{self.period_id}: {self.key}"


__all__ = [
    "BlocReview",
    "BoardReview",
    "EnterpriseReport",
    "EvidenceFile",
    "IndicatorValue",
    "ReportReminder",
    "ReportTransition",
    "ReportingPeriod",
    "ReviewTransition",
]
