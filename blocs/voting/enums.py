"""Choices of the voting engine (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VotingPurpose(models.TextChoices):
    ELECTION = "ELECTION", _("Leader and deputy election")
    SUY_TON = "SUY_TON", _("Bloc award vote (suy tôn)")
    BINH_XET = "BINH_XET", _("Award review vote (bình xét)")
    COUNCIL = "COUNCIL", _("Council vote")


class VotingStatus(models.TextChoices):
    SCHEDULED = "SCHEDULED", _("Scheduled")
    OPEN = "OPEN", _("Open")
    CLOSED = "CLOSED", _("Closed")
    RESULT_CONFIRMED = "RESULT_CONFIRMED", _("Result confirmed")


class ThresholdBase(models.TextChoices):
    PRESENT = "PRESENT", _("Voters who voted")
    ALL_ELIGIBLE = "ALL_ELIGIBLE", _("All eligible voters")
