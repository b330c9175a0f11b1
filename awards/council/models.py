"""A council session and its items: one nomination each, voted in its own round of the voting engine."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.council.enums import CouncilStatus, ItemOutcome
from blocs.validators import validate_ratio

__all__ = ["CouncilItem", "CouncilSession"]


class CouncilSession(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="council_sessions")
    title = models.CharField(_("title"), max_length=255)
    meets_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.CharField(_("chair"), max_length=150)
    secretary = models.CharField(_("secretary"), max_length=150)
    quorum_ratio = models.DecimalField(
        _("quorum"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.8"),
        validators=[validate_ratio],
        help_text=_("Share of all members who must vote, in person or by a written opinion (e.g. 0.8)"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=CouncilStatus.choices, default=CouncilStatus.DRAFT
    )
    minutes = models.ForeignKey(
        "documents.GeneratedDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        ordering = ["-meets_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class CouncilItem(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(
        "awards.Nomination", on_delete=models.PROTECT, related_name="council_items"
    )
    voting = models.OneToOneField(
        "blocs.VotingSession", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=ItemOutcome.choices, default=ItemOutcome.PENDING
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nomination"], name="one_item_per_nomination_and_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.nomination_id}"
