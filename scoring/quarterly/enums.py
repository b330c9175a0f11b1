"""Choices of the quarterly reports and bloc reviews (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PeriodKind(models.TextChoices):
    Q1 = "Q1", _("First quarter")
    Q2 = "Q2", _("Second quarter")
    Q3 = "Q3", _("Third quarter")
    Q4 = "Q4", _("Fourth quarter")


class ReviewKind(models.TextChoices):
    """What the bloc writes for a period: a quarterly report, or a review (sơ kết / tổng kết).

    Q2 is always the six-month review and Q4 the year-end summary (domain.md §16.4); a Board may add a review
    at Q1 or Q3 (Phú Yên also reviews the first quarter).
    """

    QUARTER = "QUARTER", _("Quarterly report")
    EXTRA_REVIEW = "EXTRA_REVIEW", _("Additional review")
    MIDYEAR = "MIDYEAR", _("Six-month review")
    YEAR_END = "YEAR_END", _("Year-end summary")


class PeriodStatus(models.TextChoices):
    PLANNED = "PLANNED", _("Planned")
    OPEN = "OPEN", pgettext_lazy("reporting period", "Open")
    CLOSED = "CLOSED", pgettext_lazy("reporting period", "Closed")


class ReportStatus(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", _("Not started")
    DRAFT = "DRAFT", _("Draft")
    SUBMITTED = "SUBMITTED", _("Submitted")
    RETURNED = "RETURNED", _("Returned")
    ACCEPTED = "ACCEPTED", _("Accepted")
    LOCKED = "LOCKED", _("Locked")


class ReviewStatus(models.TextChoices):
    OPEN = "OPEN", pgettext_lazy("bloc review", "Not started")
    CONSOLIDATING = "CONSOLIDATING", _("Being written")
    SUBMITTED = "SUBMITTED", _("Submitted to the Board")
    RETURNED = "RETURNED", _("Returned")
    ACCEPTED = "ACCEPTED", _("Accepted")
    PUBLISHED = "PUBLISHED", _("Issued")


class YtdRule(models.TextChoices):
    """How the year-to-date value (lũy kế) of an indicator is obtained (``scoring.quarterly.ytd``)."""

    SUM_OF_PERIODS = "SUM", _("Sum of the year's periods")
    LATEST = "LATEST", _("The period's own value")
    AVERAGE = "AVERAGE", _("Average of the year's periods")
    ENTERED = "ENTERED", _("Entered by the enterprise")
