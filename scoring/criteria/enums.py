"""Choices of the criteria sets (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CriteriaSetStatus(models.TextChoices):
    """DRAFT → ADOPTED (by the bloc's meeting or vote, or the Board) → LOCKED (at the first score)."""

    DRAFT = "DRAFT", pgettext_lazy("criteria set", "Draft")
    ADOPTED = "ADOPTED", pgettext_lazy("criteria set", "Adopted")
    LOCKED = "LOCKED", pgettext_lazy("criteria set", "Locked")


class CriterionKind(models.TextChoices):
    NORMAL = "NORMAL", _("Standard criterion")
    BONUS = "BONUS", _("Bonus points")
    DEDUCTION = "DEDUCTION", _("Deduction")
    VETO = "VETO", _("Exclusion condition")


class ScoringMethod(models.TextChoices):
    """How a criterion's value is obtained (``scoring.criteria.methods``)."""

    MANUAL = "MANUAL", _("Scored by hand")
    COMPLETION = "COMPLETION", _("Completion of the pledge's target, in bands")
    GROWTH = "GROWTH", _("Growth on the same period last year, in bands")
    YES_NO = "YES_NO", _("Yes / no")
    COUNT = "COUNT", _("Count of occurrences the portal records")


class CountSource(models.TextChoices):
    """Facts the portal already knows, counted for a deduction (or a veto when the count is not zero)."""

    LATE_REPORTS = "LATE_REPORTS", _("Quarterly reports submitted late")
    MISSED_MEETINGS = "MISSED_MEETINGS", _("Bloc meetings missed")
    UNSIGNED_PLEDGE = "UNSIGNED_PLEDGE", _("Pledge not signed")


class Scale(models.IntegerChoices):
    HUNDRED = 100, _("100 points")
    THOUSAND = 1000, _("1,000 points")
