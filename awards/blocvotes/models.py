"""A bloc's suy tôn or bình xét vote; its rounds are the voting engine's sessions (subject = the vote)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.blocvotes.enums import BlocVoteStatus

__all__ = ["BlocVote"]


class BlocVote(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.ForeignKey("blocs.EmulationYear", on_delete=models.PROTECT, related_name="bloc_votes")
    bloc = models.ForeignKey("blocs.Bloc", on_delete=models.PROTECT, related_name="award_votes")
    purpose = models.CharField(_("purpose"), max_length=10)  # blocs.voting VotingPurpose SUY_TON / BINH_XET
    award_type = models.ForeignKey("awards.AwardType", on_delete=models.PROTECT, related_name="bloc_votes")
    achievement = models.TextField(
        _("achievement"), help_text=_("The achievement phrase of the nominations the vote proposes")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BlocVoteStatus.choices, default=BlocVoteStatus.VOTING
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bloc award vote")
        verbose_name_plural = _("bloc award votes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.bloc.code} {self.year.year}: {self.award_type.short_name}"
