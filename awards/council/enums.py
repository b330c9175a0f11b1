"""Choices of the council (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Prepared")
    OPEN = "OPEN", _("Voting")
    CLOSED = "CLOSED", _("Closed")


class ItemOutcome(models.TextChoices):
    PENDING = "PENDING", _("Pending")
    APPROVED = "APPROVED", _("Approved")
    REJECTED = "REJECTED", _("Not approved")
    NO_QUORUM = "NO_QUORUM", _("Quorum not reached")
