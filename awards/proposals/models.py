"""The Board's proposal to the province, its lines, and the province's recorded decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.documents.enums import DocumentState
from thidua.documents.uploads import GeneratedPdfName

__all__ = ["ProvincialDecision", "ProvincialProposal", "ProvincialProposalLine"]


class ProvincialProposal(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey(
        "blocs.EmulationYear", on_delete=models.PROTECT, related_name="provincial_proposals"
    )
    award_type = models.ForeignKey("awards.AwardType", on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(_("abstract"), max_length=255)
    state = models.CharField(
        _("state"), max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    document = models.ForeignKey(
        "documents.GeneratedDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("provincial proposal")
        verbose_name_plural = _("provincial proposals")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.document.number_and_symbol if self.document_id else self.title


class ProvincialProposalLine(models.Model):
    proposal = models.ForeignKey(ProvincialProposal, on_delete=models.CASCADE, related_name="lines")
    nomination = models.OneToOneField(
        "awards.Nomination", on_delete=models.PROTECT, related_name="proposal_line"
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.nomination_id}"


class ProvincialDecision(models.Model):
    """The province's decision as received: recorded, never rendered by the portal."""

    proposal = models.OneToOneField(ProvincialProposal, on_delete=models.PROTECT, related_name="decision")
    number = models.CharField(_("number and symbol"), max_length=50, help_text=_("e.g. 125/QĐ-UBND"))
    decided_on = models.DateField(_("date"))
    signer = models.CharField(_("signed by"), max_length=150)
    file = models.FileField(_("PDF"), upload_to=GeneratedPdfName("awards/provincial"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("provincial decision")
        verbose_name_plural = _("provincial decisions")

    def __str__(self) -> str:
        return self.number
