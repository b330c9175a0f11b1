"""Pledge models: the indicator catalogue, templates, versioned pledges and their signatures.

``Indicator`` is the catalogue of domain.md §5.2. It lives here because pledges need it first and an app
may only import from apps to its left: ``scoring`` (quarterly reports, completion percentages) imports it
from ``blocs.pledges.models``. A row with no Board is global (seeded by migration); a Board may add its own.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from blocs.pledges.enums import (
    Aggregation,
    AuthMethod,
    AwardCode,
    IndicatorKind,
    PledgeStatus,
    SubjectKind,
    TargetBasis,
    TemplateStatus,
)
from thidua.documents.uploads import GeneratedPdfName

# Statuses of a pledge version that is still being worked on (at most one per enterprise and template).
OPEN_STATUSES = (
    PledgeStatus.DRAFT,
    PledgeStatus.AMENDMENT_DRAFT,
    PledgeStatus.SUBMITTED,
    PledgeStatus.RETURNED,
    PledgeStatus.ACCEPTED,
)
# Statuses whose content may be edited by the enterprise.
EDITABLE_STATUSES = (PledgeStatus.DRAFT, PledgeStatus.AMENDMENT_DRAFT, PledgeStatus.RETURNED)
# Statuses a reviewer (the bloc leader, or the deputy for the leader's pledge) may see: review begins when
# the enterprise submits; a draft, or an amendment still being drafted, is the enterprise's own business.
REVIEWABLE_STATUSES = (
    PledgeStatus.SUBMITTED,
    PledgeStatus.RETURNED,
    PledgeStatus.ACCEPTED,
    PledgeStatus.SIGNED,
    PledgeStatus.SUPERSEDED,
    PledgeStatus.LOCKED,
)


class Indicator(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        help_text=_("Empty: part of the national catalogue shared by every Board"),
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    unit = models.CharField(_("unit"), max_length=60)
    kind = models.CharField(
        _("kind"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.NUMERIC
    )
    aggregation = models.CharField(
        _("bloc aggregate"), max_length=16, choices=Aggregation.choices, default=Aggregation.SUM
    )
    optional = models.BooleanField(_("optional"), default=False)
    active = models.BooleanField(_("active"), default=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["ordering", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                condition=Q(organization__isnull=False),
                name="indicator_code_unique_per_board",
            ),
            models.UniqueConstraint(
                fields=["code"], condition=Q(organization__isnull=True), name="indicator_code_unique_global"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name} ({self.unit})"


class PledgeTemplate(models.Model):
    """The bloc's pledge for a year: theme, joint text, the bloc's commitments (every signatory accepts them
    all), the target indicators."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="pledge_templates"
    )
    bloc = models.ForeignKey("blocs.Bloc", on_delete=models.PROTECT, related_name="pledge_templates")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="pledge_templates")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    theme = models.CharField(_("theme"), max_length=500)
    joint_text = models.TextField(_("joint commitments"))
    commitments = models.JSONField(_("commitments of the bloc"), default=list, blank=True)
    indicators = models.ManyToManyField(Indicator, verbose_name=_("target indicators"), related_name="+")
    signing_deadline = models.DateField(_("signing deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=TemplateStatus.choices, default=TemplateStatus.DRAFT
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    signing_closed_at = models.DateTimeField(_("signing closed at"), null=True, blank=True)
    joint_document = models.ForeignKey(
        "documents.GeneratedDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pledge template")
        verbose_name_plural = _("pledge templates")
        ordering = ["-year__year", "bloc__code"]
        constraints = [
            models.UniqueConstraint(fields=["bloc", "year"], name="one_pledge_template_per_bloc_year")
        ]

    def __str__(self) -> str:
        return f"{self.bloc} — {self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in (TemplateStatus.DRAFT, TemplateStatus.RETURNED)


class Pledge(models.Model):
    """One version of one member's pledge. An amendment is a new row; older versions stay read-only."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="pledges"
    )
    template = models.ForeignKey(PledgeTemplate, on_delete=models.PROTECT, related_name="pledges")
    enterprise = models.ForeignKey("blocs.Enterprise", on_delete=models.PROTECT, related_name="pledges")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="amendment"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PledgeStatus.choices, default=PledgeStatus.DRAFT
    )
    # The template's commitments this version accepts: all of them (a covenant), kept in the signed content.
    ticked_commitments = models.JSONField(_("commitments"), default=list, blank=True)
    amendment_reason = models.TextField(_("reason for the amendment"), blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["template", "enterprise__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "enterprise", "version"], name="pledge_version_unique"
            ),
            models.UniqueConstraint(
                fields=["template", "enterprise"],
                condition=Q(status__in=[s.value for s in OPEN_STATUSES]),
                name="one_open_pledge_version",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"], name="pledge_board_status_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.template.year} v{self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def review_begun(self) -> bool:
        """Submitted at least once: from now on its reviewers may open it."""
        return self.status in REVIEWABLE_STATUSES


class PledgeTarget(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="pledge_targets")
    value = models.DecimalField(_("target"), max_digits=18, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=60)
    basis = models.CharField(_("basis"), max_length=12, choices=TargetBasis.choices, default=TargetBasis.PLAN)

    class Meta:
        verbose_name = _("pledge target")
        verbose_name_plural = _("pledge targets")
        ordering = ["indicator__ordering", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "indicator"], name="one_target_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.value} {self.unit}"


class TitleRegistration(models.Model):
    """A title the enterprise's collective, or one of its people, strives for (đăng ký danh hiệu)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="registrations")
    subject_kind = models.CharField(_("subject"), max_length=12, choices=SubjectKind.choices)
    name = models.CharField(_("name"), max_length=255)
    award_code = models.CharField(
        pgettext_lazy("emulation title", "title"), max_length=16, choices=AwardCode.choices
    )

    class Meta:
        verbose_name = _("title registration")
        verbose_name_plural = _("title registrations")
        ordering = ["subject_kind", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.get_award_code_display()}"


class PledgeTransition(models.Model):
    """The log of every status change: who, when, from, to, comment."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=16, choices=PledgeStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=PledgeStatus.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class PledgeSignatureQuerySet(models.QuerySet):
    """Bulk ``update()``/``delete()`` would bypass the model's append-only guard: refuse them too."""

    def update(self, **kwargs):
        raise ValueError("Pledge signatures are append-only.")

    def delete(self):
        raise ValueError("Pledge signatures are append-only.")


class PledgeSignature(models.Model):
    """The record of a signature: the exact canonical content signed, its SHA-256, and a hash chain.

    ``record_hash`` = SHA-256 of the record's own canonical fields including ``prev_hash``; ``prev_hash`` is
    the previous record's hash in the same Board and year (a genesis value for the first one); the unique
    constraint on ``prev_hash`` forbids forks (operations.md §4.6).
    """

    pledge = models.OneToOneField(Pledge, on_delete=models.PROTECT, related_name="signature")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="+")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("signer"), max_length=150)
    signer_title = models.CharField(pgettext_lazy("position held", "title"), max_length=150)
    signed_at = models.DateTimeField(_("signed at"))
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    auth_method = models.CharField(max_length=16, choices=AuthMethod.choices)
    canonical_json = models.TextField()
    sha256 = models.CharField(max_length=64)
    prev_hash = models.CharField(max_length=64, unique=True)
    record_hash = models.CharField(max_length=64, unique=True)

    objects = PledgeSignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge signature")
        verbose_name_plural = _("pledge signatures")
        ordering = ["signed_at", "id"]

    def __str__(self) -> str:
        return f"{self.pledge} — {self.sha256[:12]}"

    def save(self, *args, **kwargs) -> None:
        """Append-only (operations.md B2/S6); on PostgreSQL a trigger refuses UPDATE/DELETE as well."""
        if not self._state.adding:
            raise ValueError("Pledge signatures are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Pledge signatures are append-only.")

    @property
    def short_fingerprint(self) -> str:
        return self.sha256[:12]


class PledgeSignatureScan(models.Model):
    """A scanned copy of the signed paper pledge, attached by the representative after signing (§16.7).

    It lives beside the signature, never in it: the signed content and its fingerprint are unchanged, and the
    signature row stays append-only. ``sha256`` is the scan's own checksum (shown, and kept in the audit log
    when a scan is replaced).
    """

    signature = models.OneToOneField(PledgeSignature, on_delete=models.PROTECT, related_name="scan")
    file = models.FileField(_("scanned signed copy"), upload_to=GeneratedPdfName("pledges/signed"))
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("attached at"))

    class Meta:
        verbose_name = _("scanned signed copy")
        verbose_name_plural = _("scanned signed copies")

    def __str__(self) -> str:
        return f"{self.signature} — scan {self.sha256[:12]}"


class PledgeReminder(models.Model):
    """A reminder sent for one pledge at one step: the unique constraint makes it once per step.

    The reviewers' reminder of a SUBMITTED pledge is once per submission: a pledge returned and submitted
    again is reminded again by moving ``sent_at`` forward on the same row (every reminder is in the audit log).
    """

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="reminders")
    step = models.CharField(max_length=16, choices=PledgeStatus.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pledge", "step"], name="one_reminder_per_step")]

    def __str__(self) -> str:
        return f"{self.pledge_id}: {self.step}"


__all__ = [
    "Indicator",
    "Pledge",
    "PledgeReminder",
    "PledgeSignature",
    "PledgeSignatureScan",
    "PledgeTarget",
    "PledgeTemplate",
    "PledgeTransition",
    "TitleRegistration",
]
