"""Membership: emulation years, blocs, members and their roles, applications, consolidation decisions,
regulations, meetings, elections and the delegates who act for member enterprises.

Every row belongs to one Board, directly (``organization``) or through its parent (bloc, enterprise, year).
Roles are time-bounded assignments tied to a decision (domain.md §3.1), never a field on the enterprise.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blocs.enums import (
    ApplicationStatus,
    DecisionStatus,
    ElectionOffice,
    MeetingKind,
    MembershipRole,
    MembershipStatus,
    RegulationStatus,
    YearStatus,
)
from blocs.membership.rules import default_year_settings
from blocs.register.models import Enterprise
from blocs.validators import validate_day_of_month, validate_ratio
from blocs.voting.enums import TieRule
from thidua.documents.enums import DocumentState
from thidua.documents.uploads import GeneratedPdfName


class EmulationYear(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="emulation_years"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=YearStatus.choices, default=YearStatus.OPEN)
    settings = models.JSONField(_("settings"), default=default_year_settings, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("emulation year")
        verbose_name_plural = _("emulation years")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="one_year_per_board")]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def is_open(self) -> bool:
        return self.status == YearStatus.OPEN


class Bloc(models.Model):
    """An emulation bloc (Khối thi đua). Not a legal person: the Board creates it, a member leads it."""

    organization = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="blocs")
    code = models.CharField(_("code"), max_length=20, help_text=_("Used in document symbols, e.g. KTĐ1"))
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    eligible_for_provincial_flag = models.BooleanField(_("eligible for the provincial flag"), default=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bloc")
        verbose_name_plural = _("blocs")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="bloc_code_unique_per_board")
        ]

    def __str__(self) -> str:
        return self.name


class ConsolidationDecision(models.Model):
    """The Board's consolidation decision (Quyết định kiện toàn) for a year: members, leaders, deputies.

    A Board document, so signed before it is numbered (``thidua.documents``): ``state`` is where it stands in
    that workflow (draft → waiting for the chosen ``signer`` → issued, back to draft when returned or
    withdrawn); ``status`` is its standing among the year's decisions once issued (the latest is ISSUED, the
    ones it replaces SUPERSEDED; DRAFT until it is signed). Number and date are those taken at signing.
    """

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="consolidation_decisions"
    )
    year = models.ForeignKey(EmulationYear, on_delete=models.PROTECT, related_name="decisions")
    number = models.CharField(_("number"), max_length=20, blank=True)
    symbol = models.CharField(_("symbol"), max_length=50, blank=True)
    signed_on = models.DateField(_("date"), null=True, blank=True)
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    state = models.CharField(
        _("signature"), max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    document = models.ForeignKey(
        "documents.GeneratedDocument",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consolidation decision")
        verbose_name_plural = _("consolidation decisions")
        ordering = ["-created_at"]
        constraints = [
            # Drafting and signing lock the year first (``services.decisions``); these keep the rule when
            # a write forgets: one decision in preparation and one in force per year.
            models.UniqueConstraint(
                fields=["year"],
                condition=~Q(state=DocumentState.ISSUED),
                name="one_decision_in_preparation_per_year",
            ),
            models.UniqueConstraint(
                fields=["year"], condition=Q(status=DecisionStatus.ISSUED), name="one_issued_decision_per_year"
            ),
        ]

    def __str__(self) -> str:
        if self.number:
            return f"{self.number}/{self.symbol}"
        return str(_("Consolidation decision %(year)s (draft)") % {"year": self.year})

    @property
    def is_draft(self) -> bool:
        return self.state == DocumentState.DRAFT

    @property
    def is_pending_signature(self) -> bool:
        return self.state == DocumentState.PENDING_SIGNATURE


class BlocMembership(models.Model):
    """One enterprise's place in one bloc for one year, with its role. History is kept (WITHDRAWN rows)."""

    bloc = models.ForeignKey(Bloc, on_delete=models.PROTECT, related_name="memberships")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="memberships")
    year = models.ForeignKey(EmulationYear, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    decision = models.ForeignKey(
        ConsolidationDecision, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bloc membership")
        verbose_name_plural = _("bloc memberships")
        ordering = ["bloc__code", "role", "enterprise__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "year"],
                condition=Q(status=MembershipStatus.ACTIVE),
                name="one_active_bloc_per_enterprise_year",
            ),
            models.UniqueConstraint(
                fields=["bloc", "year"],
                condition=Q(status=MembershipStatus.ACTIVE, role=MembershipRole.LEADER),
                name="one_active_leader_per_bloc_year",
            ),
            models.UniqueConstraint(
                fields=["bloc", "year"],
                condition=Q(status=MembershipStatus.ACTIVE, role=MembershipRole.DEPUTY),
                name="one_active_deputy_per_bloc_year",
            ),
        ]
        indexes = [
            models.Index(fields=["bloc", "year", "status"], name="membership_bloc_year_idx"),
            models.Index(fields=["year", "status"], name="membership_year_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.bloc} ({self.year})"


class MembershipApplication(models.Model):
    """An enterprise applies to join a bloc for a year; the Board approves it into a bloc or rejects it."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="applications")
    year = models.ForeignKey(EmulationYear, on_delete=models.PROTECT, related_name="applications")
    preferred_bloc = models.ForeignKey(
        Bloc,
        verbose_name=_("preferred bloc"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    decided_bloc = models.ForeignKey(
        Bloc, verbose_name=_("bloc"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "year"],
                condition=Q(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED]),
                name="one_pending_application_per_enterprise_year",
            )
        ]
        indexes = [models.Index(fields=["year", "status"], name="application_year_status_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise} ({self.year})"


class BlocRegulation(models.Model):
    """A version of the bloc's operating regulation (quy chế hoạt động). Versions are kept.

    The bloc's leader records the version its members agreed to (``agreed_members``, ``adopted_on``); it is
    PROPOSED until the Board confirms it (or returns it with a reason). The latest CONFIRMED version is in
    force. A version the Board's officers record themselves is confirmed at once.
    """

    bloc = models.ForeignKey(Bloc, on_delete=models.PROTECT, related_name="regulations")
    version = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=RegulationStatus.choices, default=RegulationStatus.PROPOSED
    )
    adopted_on = models.DateField(_("agreed on"), help_text=_("The day the members agreed to this version"))
    agreed_members = models.ManyToManyField(
        Enterprise, verbose_name=_("members who agreed"), blank=True, related_name="+"
    )
    quorum_ratio = models.DecimalField(
        _("quorum"), max_digits=5, decimal_places=4, default="0.6667", validators=[validate_ratio]
    )
    vote_threshold_ratio = models.DecimalField(
        _("vote threshold"), max_digits=5, decimal_places=4, default="0.5", validators=[validate_ratio]
    )
    enterprise_report_day = models.PositiveSmallIntegerField(
        _("enterprise report day"), default=10, validators=[validate_day_of_month]
    )
    bloc_report_day = models.PositiveSmallIntegerField(
        _("bloc report day"), default=20, validators=[validate_day_of_month]
    )
    leader_consecutive_terms_allowed = models.BooleanField(
        _("leader may serve consecutive terms"), default=False
    )
    tie_rule = models.CharField(
        _("on a tied vote"), max_length=10, choices=TieRule.choices, default=TieRule.RUNOFF
    )
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(
        _("adopted text (PDF)"), upload_to=GeneratedPdfName("blocs/regulations"), blank=True
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.TextField(_("reason for returning it"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bloc regulation")
        verbose_name_plural = _("bloc regulations")
        ordering = ["bloc", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["bloc", "version"], name="regulation_version_unique"),
            models.CheckConstraint(
                condition=Q(quorum_ratio__gt=0, quorum_ratio__lte=1)
                & Q(vote_threshold_ratio__gt=0, vote_threshold_ratio__lte=1),
                name="regulation_ratios_in_range",
            ),
            models.CheckConstraint(
                condition=Q(enterprise_report_day__gte=1, enterprise_report_day__lte=31)
                & Q(bloc_report_day__gte=1, bloc_report_day__lte=31),
                name="regulation_report_days_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bloc} v{self.version}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegulationStatus.CONFIRMED


class Meeting(models.Model):
    bloc = models.ForeignKey(Bloc, on_delete=models.PROTECT, related_name="meetings")
    year = models.ForeignKey(EmulationYear, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=10, choices=MeetingKind.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    attendees = models.ManyToManyField(Enterprise, verbose_name=_("attending enterprises"), blank=True)
    attendees_text = models.TextField(_("other attendees"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    file = models.FileField(_("minutes (PDF)"), upload_to=GeneratedPdfName("blocs/meetings"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["bloc", "year", "date"], name="meeting_bloc_year_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.bloc} ({self.date})"


class Election(models.Model):
    """A bloc's election of its leader or its deputy (domain.md §3.3, §17.4).

    The bloc's member units of ``year`` elect, one vote each; it states the year it elects for
    (``elects_for``: that year or the next). Its rounds are voting sessions whose subject is the election
    (``blocs.voting``); the last round decides. Once the Board has confirmed it, its result is applied to
    the memberships of ``elects_for`` (``services.apply_election_result``), and the consolidation decision
    of that year shows it.
    """

    bloc = models.ForeignKey(Bloc, verbose_name=_("bloc"), on_delete=models.PROTECT, related_name="elections")
    year = models.ForeignKey(EmulationYear, on_delete=models.PROTECT, related_name="elections")
    elects_for = models.PositiveSmallIntegerField(_("elects for the year"))
    office = models.CharField(_("office"), max_length=10, choices=ElectionOffice.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_to = models.ForeignKey(
        EmulationYear, on_delete=models.PROTECT, null=True, blank=True, related_name="applied_elections"
    )
    applied_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["bloc", "elects_for", "office"], name="election_bloc_for_idx")]

    def __str__(self) -> str:
        return f"{self.get_office_display()} {self.elects_for} — {self.bloc}"


class Delegation(models.Model):
    """The person a member enterprise's representative names to act for it in its bloc: cast its vote and,
    when the enterprise leads the bloc, hold the leader's powers. One in force per enterprise; a revoked
    delegation is kept."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="delegations")
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="+"
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    named_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-named_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise"],
                condition=Q(revoked_at__isnull=True),
                name="one_delegate_per_enterprise",
            )
        ]

    def __str__(self) -> str:
        return f"{self.delegate} — {self.enterprise}"
