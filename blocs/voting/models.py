"""Voting sessions (one round of a vote), their electors, candidates and ballots.

An elector (``EligibleVoter``) is a person (a council member) or a unit (a member enterprise, whoever casts
for it); one ballot per elector. A secret ballot keeps who voted (``Ballot``) apart from what was chosen
(``BallotChoice``). Every round of one matter (a bloc's election, a council's agenda item) shares its
``subject``; a second round points to the round it follows (``runoff_of``).
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from blocs.validators import validate_ratio
from blocs.voting.enums import (
    BallotChannel,
    Counting,
    ThresholdBase,
    TieRule,
    VotingMethod,
    VotingPurpose,
    VotingStatus,
)


class VotingSession(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="voting_sessions"
    )
    purpose = models.CharField(_("purpose"), max_length=10, choices=VotingPurpose.choices)
    title = models.CharField(pgettext_lazy("voting session", "title"), max_length=255)
    bloc = models.ForeignKey(
        "blocs.Bloc", on_delete=models.PROTECT, null=True, blank=True, related_name="voting_sessions"
    )
    year = models.ForeignKey(
        "blocs.EmulationYear", on_delete=models.PROTECT, null=True, blank=True, related_name="voting_sessions"
    )
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    round = models.PositiveSmallIntegerField(_("round"), default=1, validators=[MinValueValidator(1)])
    runoff_of = models.OneToOneField(
        "self",
        verbose_name=_("second round of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_round",
    )
    method = models.CharField(
        _("method"), max_length=10, choices=VotingMethod.choices, default=VotingMethod.SECRET
    )
    counting = models.CharField(
        _("counting"), max_length=10, choices=Counting.choices, default=Counting.ONLINE
    )
    tie_rule = models.CharField(_("on a tie"), max_length=10, choices=TieRule.choices, default=TieRule.RUNOFF)
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.CharField(_("chair"), max_length=150, blank=True)
    secretary = models.CharField(_("secretary"), max_length=150, blank=True)
    others_present = models.TextField(
        _("others present"),
        blank=True,
        help_text=_("People attending who do not vote, e.g. the Board's officer"),
    )
    quorum_ratio = models.DecimalField(
        _("quorum"),
        max_digits=5,
        decimal_places=4,
        default="0.6667",
        validators=[validate_ratio],
        help_text=_("Share of eligible voters who must vote, e.g. 0.6667 for two thirds"),
    )
    threshold_ratio = models.DecimalField(
        _("threshold"), max_digits=5, decimal_places=4, default="0.5", validators=[validate_ratio]
    )
    threshold_base = models.CharField(
        _("threshold counted on"), max_length=12, choices=ThresholdBase.choices, default=ThresholdBase.PRESENT
    )
    threshold_inclusive = models.BooleanField(
        _("threshold reached at exactly the ratio"),
        default=False,
        help_text=_("Off: strictly more than the ratio (a majority). On: at least the ratio (e.g. 80 %)."),
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=1, validators=[MinValueValidator(1)])
    max_choices = models.PositiveSmallIntegerField(
        _("choices per ballot"), default=1, validators=[MinValueValidator(1)]
    )
    status = models.CharField(
        _("status"), max_length=16, choices=VotingStatus.choices, default=VotingStatus.SCHEDULED
    )
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    paper_count = models.JSONField(
        _("count at the meeting"),
        default=dict,
        blank=True,
        help_text="Counting PAPER: ballots issued, received and invalid, and the votes per candidate id.",
    )
    minutes = models.TextField(_("minutes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("voting session")
        verbose_name_plural = _("voting sessions")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organization", "purpose", "status"], name="voting_board_purpose_idx"),
            models.Index(fields=["subject_type", "subject_id", "round"], name="voting_subject_round_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_ratio__gt=0, quorum_ratio__lte=1)
                & Q(threshold_ratio__gt=0, threshold_ratio__lte=1),
                name="voting_ratios_in_range",
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1, max_choices__gte=1), name="voting_seats_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def secret(self) -> bool:
        return self.method == VotingMethod.SECRET

    @property
    def is_consensus(self) -> bool:
        return self.method == VotingMethod.CONSENSUS

    @property
    def counted_online(self) -> bool:
        return self.method != VotingMethod.CONSENSUS and self.counting == Counting.ONLINE


class EligibleVoter(models.Model):
    """An elector: a person (``user``, who casts their own ballot) or a unit (``enterprise``: the caller's
    rules say who casts for it). An elector nobody can cast for still counts, as absent."""

    session = models.ForeignKey(VotingSession, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    enterprise = models.ForeignKey(
        "blocs.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    label = models.CharField(
        _("label"), max_length=255, blank=True, help_text=_("e.g. the member enterprise")
    )

    class Meta:
        verbose_name = _("eligible voter")
        verbose_name_plural = _("eligible voters")
        ordering = ["label", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(user__isnull=False), name="voter_once_per_session"
            ),
            models.UniqueConstraint(
                fields=["session", "enterprise"],
                condition=Q(enterprise__isnull=False),
                name="unit_once_per_session",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(enterprise__isnull=False), name="voter_is_person_or_unit"
            ),
        ]

    def __str__(self) -> str:
        return self.label or str(self.user)


class Candidate(models.Model):
    session = models.ForeignKey(VotingSession, on_delete=models.CASCADE, related_name="candidates")
    label = models.CharField(_("label"), max_length=255)
    enterprise = models.ForeignKey(
        "blocs.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enterprise"],
                condition=Q(enterprise__isnull=False),
                name="one_candidate_per_enterprise_and_session",
            )
        ]

    def __str__(self) -> str:
        return self.label


class Ballot(models.Model):
    """The receipt that an elector took part: a ballot cast in the portal, a written opinion recorded for an
    absent member, or presence at a meeting that counted on paper or decided by consensus. One per elector,
    whoever cast it. For a secret ballot it is not linked to the choices."""

    session = models.ForeignKey(VotingSession, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(EligibleVoter, on_delete=models.PROTECT, related_name="+")
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=BallotChannel.choices, default=BallotChannel.ONLINE
    )
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["session", "voter"], name="one_ballot_per_voter")]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.voter_id}"


class BallotChoice(models.Model):
    """One "đồng ý" on one ballot; every other candidate of that ballot counts as "không đồng ý". Random key
    and no timestamp, so a secret choice cannot be matched to a receipt."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(VotingSession, on_delete=models.CASCADE, related_name="choices")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="choices")
    weight = models.PositiveSmallIntegerField(default=1)
    ballot = models.ForeignKey(
        Ballot,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="choices",
        help_text="Set only for an open ballot.",
    )

    class Meta:
        verbose_name = _("ballot choice")
        verbose_name_plural = _("ballot choices")
        indexes = [models.Index(fields=["session", "candidate"], name="choice_session_candidate_idx")]

    def __str__(self) -> str:
        return str(self.candidate)
