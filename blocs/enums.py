"""Choices shared by the register, membership and pledges (importable everywhere without cycles).

The voting engine has its own, in ``blocs.voting.enums``; the pledges theirs, in ``blocs.pledges.enums``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Ownership(models.TextChoices):
    FDI = "FDI", _("Foreign-invested (FDI)")
    DOMESTIC = "DOMESTIC", _("Domestic")


class EnterpriseRole(models.TextChoices):
    REPRESENTATIVE = "REPRESENTATIVE", _("Representative (may sign)")
    REPORTER = "REPORTER", _("Reporter")


class YearStatus(models.TextChoices):
    """A closed year is "Đã khóa sổ" everywhere (one term): its records are read-only."""

    OPEN = "OPEN", pgettext_lazy("emulation year", "Open")
    CLOSED = "CLOSED", pgettext_lazy("emulation year", "Closed")


class MembershipRole(models.TextChoices):
    LEADER = "LEADER", _("Bloc leader")
    DEPUTY = "DEPUTY", _("Deputy leader")
    MEMBER = "MEMBER", _("Member")


class MembershipStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Active")
    WITHDRAWN = "WITHDRAWN", _("Withdrawn")


class ApplicationStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Draft")
    SUBMITTED = "SUBMITTED", _("Submitted")
    APPROVED = "APPROVED", _("Approved")
    REJECTED = "REJECTED", _("Rejected")
    WITHDRAWN = "WITHDRAWN", pgettext_lazy("application", "Withdrawn")


class DecisionStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Draft")
    ISSUED = "ISSUED", _("Issued")
    SUPERSEDED = "SUPERSEDED", _("Superseded")


class MeetingKind(models.TextChoices):
    LAUNCH = "LAUNCH", _("Launch and pledge signing")
    MIDYEAR = "MIDYEAR", _("Mid-year review")
    YEAR_END = "YEAR_END", _("Year-end summary")
    EXTRA = "EXTRA", _("Extraordinary meeting")


class ElectionOffice(models.TextChoices):
    """The seat a bloc's election fills (the same codes as the membership roles)."""

    LEADER = "LEADER", _("Bloc leader")
    DEPUTY = "DEPUTY", _("Deputy leader")


class RegulationStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Awaiting the Board's confirmation")
    CONFIRMED = "CONFIRMED", _("Confirmed by the Board")
    REJECTED = "REJECTED", _("Returned by the Board")
