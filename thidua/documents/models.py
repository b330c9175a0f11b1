"""Official documents rendered to PDF, the registers that number them (Decree 30/2020, Art. 15), their
signature before numbering, and the legal bases they cite."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.accounts.models import Organization
from thidua.documents.enums import (
    DocumentState,
    DocumentStatus,
    LegalInstrument,
    SignatureRequestStatus,
    SignerPrefix,
    doc_type_label,
)

REGISTER_HELP = _("The issuing body's register: empty for the Board's own, e.g. bloc:12 for a bloc's.")


class NumberSequence(models.Model):
    """The last number one register gave to one document type in one year. Locked row = gap-free numbering.

    A register belongs to an issuing body: the Board's own (``register == ""``) or a unit it hosts, such as a
    bloc (a key the caller chooses, e.g. ``"bloc:12"``); each starts again at 01 every year."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    register = models.CharField(_("register"), max_length=40, blank=True, default="", help_text=REGISTER_HELP)
    doc_type = models.CharField(_("document type"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "register", "doc_type", "year"], name="unique_register_sequence"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.organization_id} {self.register or '-'} {self.doc_type} {self.year}: {self.last_number}"
        )


class GeneratedDocument(models.Model):
    """One issued, numbered document and its PDF, or the unnumbered preview ("DỰ THẢO") shown to its signer
    (``is_draft``). The context snapshot makes every render reproducible."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("Board"), on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=40, help_text=_("e.g. notice, award_decision"))
    doc_type = models.CharField(_("document type"), max_length=10, help_text=_("e.g. QĐ, TB, BC"))
    title = models.CharField(pgettext_lazy("document abstract", "abstract"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"))
    register = models.CharField(_("register"), max_length=40, blank=True, default="", help_text=REGISTER_HELP)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    is_draft = models.BooleanField(_("draft preview"), default=False)
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
                fields=["organization", "register", "doc_type", "year", "number"],
                name="unique_register_number",
            ),
            # A preview has no number; an issued document always has one.
            models.CheckConstraint(
                condition=models.Q(is_draft=True, number__isnull=True)
                | models.Q(is_draft=False, number__isnull=False),
                name="document_numbered_unless_draft",
            ),
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
        """ "05/TB-BQL": numbers below 10 get a leading zero (Decree 30, Appendix I); "…/TB-BQL" for a preview."""
        if self.number is None:
            return f"…/{self.symbol}"
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
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    document = models.OneToOneField(
        GeneratedDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="notice"
    )
    deliver_to = models.CharField(
        _("delivered in the portal to"),
        max_length=60,
        blank=True,
        help_text=_("Once signed, the notice appears in the portal of these people and they are notified."),
    )

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_issued(self) -> bool:
        return self.status == DocumentState.ISSUED

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentState.DRAFT


class NoticeDelivery(models.Model):
    """An issued notice delivered to one user in the portal: they may read it and its PDF."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    delivered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notice delivery")
        verbose_name_plural = _("notice deliveries")
        ordering = ["-delivered_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "notice"], name="notice_delivered_once")]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.user_id}"


class SignatureRequest(models.Model):
    """One submission of a Board document to the signer its issuer chose (Decree 30/2020, Art. 15).

    It holds everything the document will be issued with (snapshot, register, letterhead) and points to the
    unnumbered preview the signer reads. The signer signs it (re-authenticated: the number is taken then and
    the document issued) or returns it with a reason; the issuer may withdraw it. At most one is pending per
    document; returned and withdrawn ones stay as the document's history.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("Board"), on_delete=models.PROTECT, related_name="signature_requests"
    )
    kind = models.CharField(_("kind"), max_length=40)
    doc_type = models.CharField(_("document type"), max_length=10)
    title = models.CharField(_("abstract"), max_length=500)
    template_name = models.CharField(max_length=200)
    context = models.JSONField(_("context snapshot"), default=dict, blank=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    register = models.CharField(_("register"), max_length=40, blank=True, default="", help_text=REGISTER_HELP)
    letterhead = models.JSONField(_("letterhead snapshot"), default=dict, blank=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signer"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SignatureRequestStatus.choices,
        default=SignatureRequestStatus.PENDING,
    )
    preview = models.OneToOneField(
        GeneratedDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    document = models.OneToOneField(
        GeneratedDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="signature_request"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    owner = GenericForeignKey("content_type", "object_id")
    owner_url = models.CharField(max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    auth_method = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name = _("signature request")
        verbose_name_plural = _("signature requests")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="pending"),
                name="one_pending_signature_per_document",
            )
        ]
        indexes = [
            models.Index(fields=["signer", "status"], name="signature_queue_idx"),
            models.Index(fields=["content_type", "object_id"], name="signature_owner_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == SignatureRequestStatus.PENDING


class LegalBasis(models.Model):
    """A legal document the Board's documents cite ("Căn cứ …"): the Board's own library, editable.

    Which document kinds cite it: ``kinds`` (kind codes). A kind none of whose bases the Board has chosen
    cites the library entries named by its defaults (``thidua.documents.kinds``). Only bases in force on the
    document's date are cited.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("Board"), on_delete=models.PROTECT, related_name="legal_bases"
    )
    code = models.CharField(
        max_length=40, blank=True, help_text=_("Stable key of a seeded entry, e.g. decree_152_2025")
    )
    instrument = models.CharField(_("instrument"), max_length=20, choices=LegalInstrument.choices)
    number = models.CharField(
        pgettext_lazy("legal document", "number"),
        max_length=60,
        blank=True,
        help_text=_("e.g. 152/2025/NĐ-CP (laws are cited by name and date)"),
    )
    signed_on = models.DateField(_("date signed"), null=True, blank=True)
    issuer = models.CharField(
        _("issued by"), max_length=200, blank=True, help_text=_("e.g. Chính phủ, Bộ trưởng Bộ Nội vụ")
    )
    title = models.TextField(
        _("full title"),
        help_text=_(
            "As cited after the issuer, e.g. quy định chi tiết … (for a law: its name, Thi đua, khen thưởng)"
        ),
    )
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    in_force_to = models.DateField(_("in force until"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Bases are cited from the highest rank down: law, decree, …")
    )
    kinds = models.JSONField(_("cited by"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], condition=~models.Q(code=""), name="unique_legal_basis_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_instrument_display()} {self.number or self.title[:60]}"

    @property
    def is_complete(self) -> bool:
        """False while a seeded placeholder still has "…" in it or lacks its date (the Board completes it)."""
        texts = (self.number, self.issuer, self.title)
        dated = self.signed_on is not None
        return dated and not any("…" in text or "..." in text for text in texts)

    def is_in_force(self, on) -> bool:
        return (self.in_force_from is None or self.in_force_from <= on) and (
            self.in_force_to is None or on <= self.in_force_to
        )
