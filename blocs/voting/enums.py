"""Choices of the voting engine (importable everywhere without cycles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class VotingMethod(models.TextChoices):
    """How the electors decide (the minutes say which)."""

    SECRET = "SECRET", _("Secret ballot")
    OPEN = "OPEN", _("Open vote")
    CONSENSUS = "CONSENSUS", pgettext_lazy("voting method", "Consensus")


class Counting(models.TextChoices):
    """Where a secret or open vote is counted."""

    ONLINE = "ONLINE", _("Ballots cast in the portal")
    PAPER = "PAPER", _("Counted at the meeting (paper ballots or show of hands)")


class TieRule(models.TextChoices):
    """What a tie for a seat leads to: never a silent pick."""

    RUNOFF = "RUNOFF", _("A second round between the tied candidates")
    CHAIR = "CHAIR", _("The chair decides, and the decision is recorded")


class BallotChannel(models.TextChoices):
    ONLINE = "ONLINE", _("Cast in the portal")
    WRITTEN = "WRITTEN", _("Written opinion of an absent member")
    MEETING = "MEETING", _("Present at the meeting")
