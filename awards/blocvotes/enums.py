"""Choices of the bloc votes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BlocVoteStatus(models.TextChoices):
    VOTING = "VOTING", _("Voting")
    CONCLUDED = "CONCLUDED", _("Concluded")
