"""An exemplar record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.documents.uploads import GeneratedPdfName

__all__ = ["Exemplar"]


class Exemplar(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="exemplars")
    person = models.CharField(_("person"), max_length=150)
    enterprise = models.ForeignKey(
        "blocs.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="exemplars"
    )
    deed = models.TextField(_("deed"))
    deed_on = models.DateField(_("date of the deed"))
    evidence = models.FileField(
        _("evidence (PDF)"), upload_to=GeneratedPdfName("awards/exemplars"), blank=True
    )
    found_by = models.CharField(_("found by"), max_length=255, help_text=_("Who discovered or reported it"))
    public = models.BooleanField(_("public"), default=True, help_text=_("Shown to the Board's enterprises"))
    nomination = models.OneToOneField(
        "awards.Nomination", on_delete=models.PROTECT, null=True, blank=True, related_name="exemplar"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("exemplar (good person, good deed)")
        verbose_name_plural = _("exemplars (good people, good deeds)")
        ordering = ["-deed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.person} ({self.enterprise})"
