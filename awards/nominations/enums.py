"""Choices of the nominations (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NominationStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Proposed")
    DOSSIER_IN_PROGRESS = "DOSSIER_IN_PROGRESS", _("Dossier in progress")
    SUBMITTED = "SUBMITTED", _("Submitted to the Board")
    UNDER_REVIEW = "UNDER_REVIEW", _("Under review")
    RETURNED = "RETURNED", _("Returned")
    COUNCIL_VOTING = "COUNCIL_VOTING", _("Before the council")
    APPROVED = "APPROVED", _("Approved by the council")
    REJECTED = "REJECTED", _("Rejected by the council")
    DECIDED = "DECIDED", _("Decided by the Board")
    FORWARDED = "FORWARDED", _("Forwarded to the province")
    DECIDED_EXTERNAL = "DECIDED_EXTERNAL", _("Decided by the province")
    REJECTED_EXTERNAL = "REJECTED_EXTERNAL", _("Not granted by the province")
    REVOKED = "REVOKED", _("Revoked")


class ProposedBy(models.TextChoices):
    BLOC = "BLOC", _("The bloc (after its vote)")
    ENTERPRISE = "ENTERPRISE", _("The enterprise")
    BOARD = "BOARD", _("The Board")
