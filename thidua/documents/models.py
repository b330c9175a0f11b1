"""Official documents rendered to PDF, and the yearly numbering of each Board (Decree 30/2020, Art. 15)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Organization
from thidua.documents.enums import DocumentStatus, SignerPrefix, doc_type_label


class NumberSequence(models.Model):
    """The last number a Board gave to one document type in one year. Locked row = gap-free numbering."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    doc_type = models.CharField(_("document type"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "doc_type", "year"], name="unique_number_sequence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.doc_type} {self.year}: {self.last_number}"


class GeneratedDocument(models.Model):
    """One issued, numbered document and its PDF. The context snapshot makes every render reproducible."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("Board"), on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=40, help_text=_("e.g. notice, award_decision"))
    doc_type = models.CharField(_("document type"), max_length=10, help_text=_("e.g. QĐ, TB, BC"))
    title = models.CharField(_("title"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("symbol"), max_length=40, help_text=_("e.g. TB-BQL"))
    issued_on = models.DateField(_("date"))
    template_name = models.CharField(max_length=200)
    context = models.JSONField(_("context snapshot"), default=dict, blank=True)
    letterhead = models.JSONField(_("letterhead snapshot"), default=dict, blank=True)

    signer_prefix = models.CharField(
        _("authority prefix"), max_length=5, choices=SignerPrefix.choices, blank=True, default=""
    )
    signer_authority = models.CharField(
        _("signing for"),
        max_length=150,
        blank=True,
        help_text=_("Printed after the prefix, e.g. TRƯỞNG BAN in “KT. TRƯỞNG BAN”"),
    )
    signer_title = models.CharField(_("signer title"), max_length=150, blank=True)
    signer_name = models.CharField(_("signer name"), max_length=150, blank=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(_("file"), upload_to="documents/", max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    verification_token = models.CharField(max_length=64, unique=True)

    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    owner = GenericForeignKey("content_type", "object_id")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "doc_type", "year", "number"], name="unique_document_number"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="document_owner_idx"),
            models.Index(fields=["status", "queued_at"], name="document_status_idx"),
            # The per-user rate limit (ratelimit.recent_requests) counts a user's recent documents.
            models.Index(fields=["requested_by", "created_at"], name="document_requester_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number_and_symbol} {self.title}"

    @property
    def number_and_symbol(self) -> str:
        """ "05/TB-BQL": numbers below 10 get a leading zero (Decree 30, Appendix I)."""
        return f"{self.number:02d}/{self.symbol}"

    @property
    def doc_type_label(self) -> str:
        """ "Notice" (vi: Thông báo) for ``TB``: what the verification page and lists show."""
        return doc_type_label(self.doc_type)

    @property
    def is_done(self) -> bool:
        return self.status == DocumentStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == DocumentStatus.FAILED

    @property
    def is_in_progress(self) -> bool:
        return self.status in (DocumentStatus.PENDING, DocumentStatus.RENDERING)


class Notice(models.Model):
    """A notice (Thông báo) of the Board to enterprises and blocs; issued as a numbered TB document."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("Board"), on_delete=models.PROTECT, related_name="notices"
    )
    title = models.CharField(
        _("abstract"), max_length=300, help_text=_("Printed under THÔNG BÁO, e.g. Về việc tổ chức Hội nghị …")
    )
    body = models.TextField(_("body"), help_text=_("One paragraph per line."))
    audience = models.CharField(
        _("audience"),
        max_length=300,
        blank=True,
        help_text=_("Who the notice is for, printed as “Kính gửi: …” (may be left empty)."),
    )
    recipients = models.TextField(
        _("recipients (Nơi nhận)"), help_text=_("One per line; the last line is usually “Lưu: VT, …”.")
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signer"), on_delete=models.PROTECT, related_name="+"
    )
    signer_prefix = models.CharField(
        _("authority prefix"), max_length=5, choices=SignerPrefix.choices, blank=True, default=""
    )
    signer_authority = models.CharField(
        _("signing for"),
        max_length=150,
        blank=True,
        help_text=_("With a prefix: whom the signer signs for, e.g. Trưởng ban in “KT. TRƯỞNG BAN”"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    document = models.OneToOneField(
        GeneratedDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="notice"
    )

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_issued(self) -> bool:
        return self.document_id is not None
