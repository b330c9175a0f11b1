"""Choices of the scorecards and rankings (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ScoringPeriod(models.TextChoices):
    MIDYEAR = "MIDYEAR", _("Mid-year")
    YEAR_END = "YEAR_END", _("Year end")


class ScorecardStatus(models.TextChoices):
    """SELF_SCORING → SELF_SUBMITTED (the leader or deputy cross-scores) → CROSS_SUBMITTED (the Board
    verifies) → FINAL."""

    SELF_SCORING = "SELF_SCORING", _("Self-scoring")
    SELF_SUBMITTED = "SELF_SUBMITTED", _("Awaiting the cross score")
    CROSS_SUBMITTED = "CROSS_SUBMITTED", _("Awaiting the Board's verification")
    FINAL = "FINAL", pgettext_lazy("scorecard", "Final")


class ScoreRound(models.TextChoices):
    SELF = "SELF", _("Self score")
    CROSS = "CROSS", _("Cross score")
    VERIFIED = "VERIFIED", _("Verified score")


class RankingStatus(models.TextChoices):
    """DRAFT (computed when every scorecard is final) → PUBLISHED (objection window) → LOCKED."""

    DRAFT = "DRAFT", pgettext_lazy("ranking", "Draft")
    PUBLISHED = "PUBLISHED", pgettext_lazy("ranking", "Published")
    LOCKED = "LOCKED", pgettext_lazy("ranking", "Locked")


class ObjectionStatus(models.TextChoices):
    OPEN = "OPEN", pgettext_lazy("objection", "Awaiting an answer")
    ACCEPTED = "ACCEPTED", pgettext_lazy("objection", "Accepted")
    REJECTED = "REJECTED", pgettext_lazy("objection", "Rejected")


class Classification(models.TextChoices):
    """Xếp loại by the Board's bands (domain.md §6.2, §17.6: Board policy, not law)."""

    EXCELLENT = "EXCELLENT", _("Excellent")
    GOOD = "GOOD", _("Good")
    FAIR = "FAIR", _("Fair")
    AVERAGE = "AVERAGE", _("Average")
    WEAK = "WEAK", _("Weak")


class CompletionLevel(models.TextChoices):
    """Mức độ hoàn thành nhiệm vụ, stored per enterprise and year (domain.md §17.6)."""

    EXCELLENT = "EXCELLENT", _("Completed its tasks excellently")
    GOOD = "GOOD", _("Completed its tasks well")
    COMPLETED = "COMPLETED", _("Completed its tasks")
    NOT_COMPLETED = "NOT_COMPLETED", _("Did not complete its tasks")


class TieBreak(models.TextChoices):
    FEWER_DEDUCTIONS = "FEWER_DEDUCTIONS", _("Fewer deductions")
    HIGHER_COMPLETION = "HIGHER_COMPLETION", _("Higher completion of the pledge")
    WOMEN_SHARE = "WOMEN_SHARE", _("Higher share of women (ND 152/2025 Art. 4(6))")
    VOTE = "VOTE", _("The members' vote")


class Confirmation(models.TextChoices):
    """Compliance confirmations of an enterprise nominee (domain.md §17.9)."""

    TAX = "TAX", _("Tax authority")
    SOCIAL_INSURANCE = "SOCIAL_INSURANCE", _("Social insurance")
    FIRE = "FIRE", _("Fire safety (police)")
    ENVIRONMENT = "ENVIRONMENT", _("Environment")
    SAFETY = "SAFETY", _("Occupational safety")


class VetoReason(models.TextChoices):
    CRITERION = "CRITERION", _("An exclusion condition of the criteria holds")
    DISCIPLINE = (
        "DISCIPLINE",
        _(
            "Under discipline, investigation, inspection with signs of violation or unresolved complaints "
            "(ND 152/2025 Art. 4(4))"
        ),
    )
    CONFIRMATIONS = "CONFIRMATIONS", _("Compliance confirmations missing")
    NO_REGISTRATION = "NO_REGISTRATION", _("No title registered in the signed pledge")
