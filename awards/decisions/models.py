"""An award decision of the Board and its lines (one per approved nomination)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.documents.enums import DocumentState

__all__ = ["AwardDecision", "AwardDecisionLine"]


class AwardDecision(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="award_decisions")
    award_type = models.ForeignKey("awards.AwardType", on_delete=models.PROTECT, related_name="decisions")
    title = models.CharField(_("abstract"), max_length=255)
    state = models.CharField(
        _("state"), max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    base_salary = models.PositiveIntegerField(_("base salary used"), default=0)
    total_money = models.PositiveBigIntegerField(_("total money"), default=0)
    document = models.ForeignKey(
        "documents.GeneratedDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.document.number_and_symbol if self.document_id else self.title

    @property
    def is_draft(self) -> bool:
        return self.state == DocumentState.DRAFT


class AwardDecisionLine(models.Model):
    """One awardee as printed in the decision's list: the achievement phrase and the money."""

    decision = models.ForeignKey(AwardDecision, on_delete=models.CASCADE, related_name="lines")
    nomination = models.OneToOneField(
        "awards.Nomination", on_delete=models.PROTECT, related_name="decision_line"
    )
    position = models.PositiveIntegerField(default=0)
    is_collective = models.BooleanField(default=True)
    name = models.CharField(_("name"), max_length=255)
    title = models.CharField(_("position"), max_length=150, blank=True)
    unit = models.CharField(_("unit"), max_length=255, blank=True)
    achievement = models.TextField(_("achievement"))
    money = models.PositiveIntegerField(_("money (VND)"), default=0)

    class Meta:
        ordering = ["-is_collective", "position", "pk"]

    def __str__(self) -> str:
        return self.name
