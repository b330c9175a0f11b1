"""A nomination (đề nghị khen thưởng), its transitions and the typed documents of its dossier.

Every nomination belongs to one Board and one emulation year; its subject is an enterprise (collective), a
sub-unit of an enterprise or a person working in one (``enterprise`` is always the enterprise concerned).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.enums import DocumentType, SubjectKind
from awards.nominations.enums import NominationStatus, ProposedBy
from thidua.documents.uploads import GeneratedPdfName

__all__ = ["DossierDocument", "Nomination", "NominationTransition"]

# Where the dossier can still change: before submission, or once returned.
EDITABLE_STATUSES = frozenset(
    {NominationStatus.PROPOSED, NominationStatus.DOSSIER_IN_PROGRESS, NominationStatus.RETURNED}
)
# A nomination that holds a place within a quota (submitted and not turned down).
QUOTA_STATUSES = frozenset(
    {
        NominationStatus.SUBMITTED,
        NominationStatus.UNDER_REVIEW,
        NominationStatus.COUNCIL_VOTING,
        NominationStatus.APPROVED,
        NominationStatus.DECIDED,
        NominationStatus.FORWARDED,
        NominationStatus.DECIDED_EXTERNAL,
    }
)
# Awarded: the history of an enterprise (before a revocation).
AWARDED_STATUSES = frozenset({NominationStatus.DECIDED, NominationStatus.DECIDED_EXTERNAL})
# Nothing changes any more, except a revocation by a later decision.
FINAL_STATUSES = frozenset(
    {
        NominationStatus.DECIDED,
        NominationStatus.DECIDED_EXTERNAL,
        NominationStatus.REJECTED,
        NominationStatus.REJECTED_EXTERNAL,
        NominationStatus.REVOKED,
    }
)


class Nomination(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="nominations")
    award_type = models.ForeignKey("awards.AwardType", on_delete=models.PROTECT, related_name="nominations")
    subject_kind = models.CharField(_("subject"), max_length=12, choices=SubjectKind.choices)
    enterprise = models.ForeignKey(
        "blocs.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="nominations"
    )
    subject_name = models.CharField(
        _("name"), max_length=255, blank=True, help_text=_("The sub-unit's or the person's name")
    )
    position = models.CharField(_("position"), max_length=150, blank=True, help_text=_("For a person"))
    direct_worker = models.BooleanField(
        _("direct worker"), default=False, help_text=_("A person working directly in production")
    )
    bloc = models.ForeignKey(
        "blocs.Bloc", on_delete=models.PROTECT, null=True, blank=True, related_name="nominations"
    )
    proposed_by = models.CharField(_("proposed by"), max_length=10, choices=ProposedBy.choices)
    achievement = models.TextField(
        _("achievement"),
        help_text=_("The achievement phrase printed in the decision's list and on the certificate"),
    )
    under_investigation = models.BooleanField(
        _("under discipline, investigation or unresolved complaint"),
        default=False,
        help_text=_("Decree 152/2025 Art. 4: no award or proposal meanwhile"),
    )
    investigation_note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NominationStatus.choices, default=NominationStatus.PROPOSED
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    revoked_by = models.CharField(
        _("revoking decision"),
        max_length=120,
        blank=True,
        help_text=_("Number, date and issuer of the decision"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    eligibility = models.JSONField(_("eligibility at the last check"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organization", "year", "status"], name="nomination_board_year_status")
        ]

    def __str__(self) -> str:
        return f"{self.award_type.short_name}: {self.subject_label}"

    @property
    def subject_label(self) -> str:
        if self.subject_kind == SubjectKind.ENTERPRISE:
            return self.enterprise.name
        return f"{self.subject_name} ({self.enterprise.name})"

    @property
    def is_collective(self) -> bool:
        return self.subject_kind != SubjectKind.INDIVIDUAL

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class NominationTransition(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    from_status = models.CharField(max_length=20, choices=NominationStatus.choices)
    to_status = models.CharField(max_length=20, choices=NominationStatus.choices)
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class DossierDocument(models.Model):
    """One typed PDF of a nomination's dossier (checked by the platform's PDF validator, stored under a
    generated name and served only after a permission check)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="documents")
    document_type = models.CharField(_("document"), max_length=24, choices=DocumentType.choices)
    title = models.CharField(_("title"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to=GeneratedPdfName("awards/dossiers"))
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dossier document")
        verbose_name_plural = _("dossier documents")
        ordering = ["document_type", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.get_document_type_display()
