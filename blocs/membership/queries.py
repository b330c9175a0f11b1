"""Reads of the membership. List queries are page-bounded: paginate the plain table, then decorate the page."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page
from django.db.models import (
    Count,
    Exists,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)

from blocs.enums import (
    ApplicationStatus,
    EnterpriseRole,
    MembershipRole,
    MembershipStatus,
    RegulationStatus,
    YearStatus,
)
from blocs.membership.minutes import KIND as MINUTES_KIND
from blocs.membership.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    ConsolidationDecision,
    Delegation,
    Election,
    EmulationYear,
    Meeting,
    MembershipApplication,
)
from blocs.membership.rules import EffectiveRules, merge_rules
from blocs.register.models import Enterprise, EnterpriseUser
from blocs.register.queries import enterprise_of
from blocs.voting.enums import VotingStatus
from blocs.voting.models import Ballot, Candidate, EligibleVoter, VotingSession
from blocs.voting.queries import latest_rounds, rounds_of, unit_voter_in_last_round
from thidua.accounts.models import User
from thidua.documents.enums import DocumentState
from thidua.documents.queries import documents_for_owner


# ---------------------------------------------------------------------------
# Rules that read the database
# ---------------------------------------------------------------------------
def current_regulation(bloc: Bloc) -> BlocRegulation | None:
    """The version in force: the latest one the Board confirmed."""
    return (
        BlocRegulation.objects.filter(bloc=bloc, status=RegulationStatus.CONFIRMED)
        .order_by("-version")
        .first()
    )


def pending_regulation(bloc: Bloc) -> BlocRegulation | None:
    """The version the bloc's leader recorded that awaits the Board's confirmation, if any."""
    return (
        BlocRegulation.objects.filter(bloc=bloc, status=RegulationStatus.PROPOSED)
        .order_by("-version")
        .first()
    )


def effective_rules(bloc: Bloc, year: EmulationYear | None) -> EffectiveRules:
    """The rules that hold for ``bloc`` in ``year``: its regulation in force over the year's settings.

    The one place that merges the two (``rules.merge_rules``); ``year`` None reads the defaults.
    """
    return merge_rules(current_regulation(bloc), year.settings if year is not None else {})


def current_regulations(bloc_ids) -> dict[int, BlocRegulation]:
    """The regulation in force of each of the given blocs that has one (one query)."""
    latest: dict[int, BlocRegulation] = {}
    regulations = BlocRegulation.objects.filter(bloc_id__in=list(bloc_ids), status=RegulationStatus.CONFIRMED)
    for regulation in regulations.order_by("bloc_id", "-version"):
        latest.setdefault(regulation.bloc_id, regulation)
    return latest


def leader_in(*, bloc: Bloc, organization_id: int, year: int) -> int | None:
    """The enterprise that led ``bloc`` in the year numbered ``year`` (None if nobody, or no such year)."""
    return (
        BlocMembership.objects.filter(
            bloc=bloc,
            year__organization_id=organization_id,
            year__year=year,
            role=MembershipRole.LEADER,
            status=MembershipStatus.ACTIVE,
        )
        .values_list("enterprise_id", flat=True)
        .first()
    )


def deputy_in(*, bloc: Bloc, organization_id: int, year: int) -> int | None:
    """The enterprise that was deputy of ``bloc`` in the year numbered ``year``."""
    return (
        BlocMembership.objects.filter(
            bloc=bloc,
            year__organization_id=organization_id,
            year__year=year,
            role=MembershipRole.DEPUTY,
            status=MembershipStatus.ACTIVE,
        )
        .values_list("enterprise_id", flat=True)
        .first()
    )


def previous_leader_id(*, bloc: Bloc, year: EmulationYear) -> int | None:
    """The enterprise that led ``bloc`` the year before ``year`` (for the no-second-consecutive-term rule)."""
    return leader_in(bloc=bloc, organization_id=year.organization_id, year=year.year - 1)


# ---------------------------------------------------------------------------
# Elections
# ---------------------------------------------------------------------------
def election_rounds(election: Election) -> list[VotingSession]:
    return list(rounds_of(election))


def current_round(election: Election) -> VotingSession | None:
    """The last round of ``election`` (the one that acts and decides)."""
    return rounds_of(election).order_by("-round", "-id").first()


def elected_enterprise(session: VotingSession | None) -> int | None:
    """The enterprise a decided round chose (its first elected candidate), or None."""
    if session is None or not session.result.get("elected"):
        return None
    return (
        session.candidates.filter(pk=session.result["elected"][0])
        .values_list("enterprise_id", flat=True)
        .first()
    )


def with_current_round(elections: QuerySet[Election]) -> QuerySet[Election]:
    """Annotate each election with its current round's id and method (``current_round_id``,
    ``current_round_method``) in the same query: actions on that round then need no query to find it."""
    rounds = VotingSession.objects.filter(
        subject_type=ContentType.objects.get_for_model(Election), subject_id=OuterRef("pk")
    ).order_by("-round", "-id")
    return elections.annotate(
        current_round_id=Subquery(rounds.values("pk")[:1]),
        current_round_method=Subquery(rounds.values("method")[:1]),
    )


def elections_of(bloc: Bloc) -> QuerySet[Election]:
    return (
        Election.objects.filter(bloc=bloc).select_related("year", "applied_to").order_by("-created_at", "-id")
    )


def elections_for_board(board) -> QuerySet[Election]:
    return (
        Election.objects.filter(bloc__organization=board)
        .select_related("bloc", "year", "applied_to")
        .order_by("-created_at", "-id")
    )


def with_current_rounds(elections) -> list[Election]:
    """Set ``current_round`` on each election of a page (two queries whatever the page's length)."""
    elections = list(elections)
    latest = latest_rounds(elections)
    for election in elections:
        election.current_round = latest.get(election.pk)
    return elections


def confirmed_elections(organization_id: int, elects_for: int) -> dict[int, dict[str, Election]]:
    """For each bloc of the Board, the confirmed election of each office for the year ``elects_for``, with
    ``elected_enterprise_id`` set: ``{bloc_id: {"LEADER": election, "DEPUTY": election}}``.

    The latest confirmed election of an office counts. Three queries whatever the number of blocs.
    """
    elections = list(
        Election.objects.filter(bloc__organization_id=organization_id, elects_for=elects_for).order_by(
            "created_at", "id"
        )
    )
    latest = latest_rounds(elections)
    decided = {
        election.pk: session
        for election in elections
        if (session := latest.get(election.pk)) is not None
        and session.status == VotingStatus.RESULT_CONFIRMED
        and session.result.get("elected")
    }
    enterprise_of_candidate = dict(
        Candidate.objects.filter(
            pk__in=[session.result["elected"][0] for session in decided.values()]
        ).values_list("pk", "enterprise_id")
    )
    chosen: dict[int, dict[str, Election]] = {}
    for election in elections:
        session = decided.get(election.pk)
        if session is None:
            continue
        election.elected_enterprise_id = enterprise_of_candidate.get(session.result["elected"][0])
        if election.elected_enterprise_id is not None:
            chosen.setdefault(election.bloc_id, {})[election.office] = election
    return chosen


def chosen_enterprises(elections: dict[str, Election] | None) -> dict[str, int]:
    """``{office: enterprise_id}`` of one bloc's entry of ``confirmed_elections``."""
    return {office: election.elected_enterprise_id for office, election in (elections or {}).items()}


# ---------------------------------------------------------------------------
# Who speaks for a member enterprise: its representative, or the delegate the representative named
# ---------------------------------------------------------------------------
def enterprise_people(enterprise: Enterprise) -> list[EnterpriseUser]:
    """The enterprise's people (user joined), each with ``is_delegate``: whether the delegation in force
    names them. One query: the delegate panel of the enterprise's own page."""
    in_force = Delegation.objects.filter(
        enterprise=enterprise, delegate=OuterRef("user"), revoked_at__isnull=True
    )
    return list(
        EnterpriseUser.objects.filter(enterprise=enterprise)
        .select_related("user")
        .annotate(is_delegate=Exists(in_force))
        .order_by("user__full_name", "id")
    )


def speaks_for_own_enterprise(user) -> bool:
    """The user is their enterprise's representative, or its delegate in force (cached on the user)."""
    cached = getattr(user, "_speaks_for_cache", None)
    if cached is None:
        link = enterprise_of(user)
        cached = link is not None and (
            link.role == EnterpriseRole.REPRESENTATIVE
            or Delegation.objects.filter(
                enterprise_id=link.enterprise_id, delegate=user, revoked_at__isnull=True
            ).exists()
        )
        user._speaks_for_cache = cached
    return cached


def elector_of(election: Election, user) -> EligibleVoter | None:
    """The member unit ``user`` votes for in the election's current round (its round joined): their
    enterprise, when they speak for it (its representative, or the delegate it named) and it is an elector."""
    link = enterprise_of(user)
    if link is None or not speaks_for_own_enterprise(user):
        return None
    return unit_voter_in_last_round(election, link.enterprise_id)


def elector_among(voters, user) -> EligibleVoter | None:
    """``elector_of`` among a round's electors already loaded."""
    link = enterprise_of(user)
    if link is None or not speaks_for_own_enterprise(user):
        return None
    return next((voter for voter in voters if voter.enterprise_id == link.enterprise_id), None)


def delegate_candidates(enterprise: Enterprise) -> QuerySet[EnterpriseUser]:
    """The enterprise's users a representative may name as delegate (its reporters)."""
    return (
        EnterpriseUser.objects.filter(
            enterprise=enterprise, role=EnterpriseRole.REPORTER, user__is_active=True
        )
        .select_related("user")
        .order_by("user__full_name", "id")
    )


def open_year_of(board) -> EmulationYear | None:
    """The Board's current open year (the latest open one)."""
    return EmulationYear.objects.filter(organization=board, status=YearStatus.OPEN).order_by("-year").first()


def led_bloc_ids(user) -> frozenset[int]:
    """Blocs the user leads in an open year: their enterprise leads them and they speak for it (its
    representative or its delegate), not any user of that enterprise. One query, cached on the user for the
    request."""
    cached = getattr(user, "_led_bloc_ids_cache", None)
    if cached is None:
        cached = frozenset()
        if getattr(user, "is_authenticated", False) and user.organization_id is not None:
            delegate = Delegation.objects.filter(
                enterprise=OuterRef("enterprise_id"), delegate=user, revoked_at__isnull=True
            )
            speaks_for_it = Q(enterprise__user_links__user=user) & (
                Q(enterprise__user_links__role=EnterpriseRole.REPRESENTATIVE) | Q(Exists(delegate))
            )
            cached = frozenset(
                BlocMembership.objects.filter(
                    speaks_for_it,
                    enterprise__organization_id=user.organization_id,
                    role=MembershipRole.LEADER,
                    status=MembershipStatus.ACTIVE,
                    year__status=YearStatus.OPEN,
                ).values_list("bloc_id", flat=True)
            )
        user._led_bloc_ids_cache = cached
    return cached


# ---------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------
def open_year_id(board) -> Subquery:
    """The Board's current open year as a subquery, so a page query does not need a query of its own."""
    return Subquery(
        EmulationYear.objects.filter(organization=board, status=YearStatus.OPEN)
        .order_by("-year")
        .values("pk")[:1]
    )


def open_year_memberships(enterprises, *, board) -> dict[int, list[BlocMembership]]:
    """The active memberships in the Board's open year of the given enterprises, by enterprise id (one query)."""
    memberships: dict[int, list[BlocMembership]] = {}
    for membership in BlocMembership.objects.filter(
        enterprise_id__in=[row.pk for row in enterprises],
        status=MembershipStatus.ACTIVE,
        year_id=open_year_id(board),
    ).select_related("bloc"):
        memberships.setdefault(membership.enterprise_id, []).append(membership)
    return memberships


def enterprise_history(enterprise: Enterprise) -> QuerySet[BlocMembership]:
    return (
        BlocMembership.objects.filter(enterprise=enterprise)
        .select_related("bloc", "year", "decision")
        .order_by("-year__year", "-created_at")
    )


def years_for_board(board) -> QuerySet[EmulationYear]:
    return EmulationYear.objects.filter(organization=board).order_by("-year")


def blocs_for_board(board) -> QuerySet[Bloc]:
    return Bloc.objects.filter(organization=board).order_by("code", "id")


def bloc_page(page: Page, year: EmulationYear | None) -> Page:
    """Decorate one page of blocs with their leader and deputy in ``year`` (one extra query)."""
    officers = BlocMembership.objects.filter(
        status=MembershipStatus.ACTIVE, role__in=[MembershipRole.LEADER, MembershipRole.DEPUTY]
    ).select_related("enterprise")
    officers = officers.filter(year=year) if year is not None else officers.none()
    rows = list(page.object_list)
    prefetch_related_objects(rows, Prefetch("memberships", queryset=officers, to_attr="officers"))
    page.object_list = rows
    return page


def members_of(bloc: Bloc, year) -> QuerySet[BlocMembership]:
    """Active members of ``bloc`` in ``year`` (a year, a year id or subquery, or None for none)."""
    qs = BlocMembership.objects.filter(bloc=bloc, status=MembershipStatus.ACTIVE)
    qs = qs.filter(year=year) if year is not None else qs.none()
    return qs.select_related("enterprise", "enterprise__park").order_by("role", "enterprise__name", "id")


def member_contacts(memberships) -> dict[int, list[EnterpriseUser]]:
    """Enterprise users of the given memberships' enterprises, by enterprise id (one query)."""
    links = EnterpriseUser.objects.filter(
        enterprise_id__in=[m.enterprise_id for m in memberships]
    ).select_related("user")
    contacts: dict[int, list[EnterpriseUser]] = {}
    for link in links:
        contacts.setdefault(link.enterprise_id, []).append(link)
    return contacts


def application_status_filter(params) -> str:
    """The status the applications list (and its export) shows: ``?status=`` if it is one, "" for all
    (``?status=all``), the applications waiting for a decision when none is named."""
    status = params.get("status", ApplicationStatus.SUBMITTED)
    return status if status in ApplicationStatus.values else ""


def applications_for_board(
    board, *, status: str = ApplicationStatus.SUBMITTED, year: EmulationYear | None = None
) -> QuerySet[MembershipApplication]:
    """The applications of the Board, in ``year`` if one is given, with ``status`` if one is given. The page
    query joins only to-one rows (the paginator's count drops the joins)."""
    qs = MembershipApplication.objects.filter(enterprise__organization=board).select_related(
        "enterprise", "enterprise__park", "year", "preferred_bloc", "decided_bloc"
    )
    if year is not None:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-submitted_at", "-id")


def applications_of(enterprise: Enterprise) -> QuerySet[MembershipApplication]:
    return (
        MembershipApplication.objects.filter(enterprise=enterprise)
        .select_related("year", "preferred_bloc", "decided_bloc")
        .order_by("-created_at")
    )


def decisions_for_board(board) -> QuerySet[ConsolidationDecision]:
    return (
        ConsolidationDecision.objects.filter(organization=board)
        .select_related("year")
        .order_by("-created_at")
    )


def decision_in_preparation(year: EmulationYear) -> ConsolidationDecision | None:
    """The year's decision that is still a draft or waiting for its signature, if any."""
    return (
        ConsolidationDecision.objects.filter(year=year)
        .exclude(state=DocumentState.ISSUED)
        .order_by("-created_at")
        .first()
    )


def year_has_applied_election(year: EmulationYear) -> bool:
    """Whether an election's confirmed result was applied to ``year`` (its decision then cites it)."""
    return Election.objects.filter(applied_to=year).exists()


def regulations_of(bloc: Bloc) -> QuerySet[BlocRegulation]:
    """Every version of the bloc's regulation, the latest (the one in force) first."""
    return BlocRegulation.objects.filter(bloc=bloc).order_by("-version")


def meetings_of(bloc: Bloc) -> QuerySet[Meeting]:
    return Meeting.objects.filter(bloc=bloc).select_related("year").order_by("-date", "-id")


def blocs_with_members(year: EmulationYear) -> list[dict]:
    """Every active bloc with its members and their roles in ``year`` (for the consolidation decision)."""
    memberships = (
        BlocMembership.objects.filter(year=year, status=MembershipStatus.ACTIVE)
        .select_related("bloc", "enterprise", "enterprise__park")
        .order_by("bloc__code", "bloc_id", "enterprise__name")
    )
    order = {MembershipRole.LEADER: 0, MembershipRole.DEPUTY: 1, MembershipRole.MEMBER: 2}
    blocs: dict[int, dict] = {}
    for m in memberships:
        entry = blocs.setdefault(m.bloc_id, {"bloc": m.bloc, "members": []})
        entry["members"].append(m)
    for entry in blocs.values():
        entry["members"].sort(key=lambda m: (order[m.role], m.enterprise.name))
    return list(blocs.values())


def member_enterprises(bloc, year) -> QuerySet[Enterprise]:
    """The enterprises that are members of ``bloc`` in ``year`` (e.g. the attendees to choose for a meeting)."""
    return Enterprise.objects.filter(pk__in=members_of(bloc, year).values("enterprise"))


def blocs_with_ids(ids) -> QuerySet[Bloc]:
    return Bloc.objects.filter(pk__in=ids).order_by("code")


def active_blocs(board) -> QuerySet[Bloc]:
    return Bloc.objects.filter(organization=board, active=True).order_by("code")


def blocs_for_pledge_templates(board, user, *, all_blocs: bool) -> QuerySet[Bloc]:
    """Active blocs of the Board for which ``user`` may draft a pledge template: every one when ``all_blocs``
    (Board staff who manage blocs), otherwise the blocs their enterprise leads."""
    blocs = Bloc.objects.filter(organization=board, active=True)
    return blocs if all_blocs else blocs.filter(pk__in=led_bloc_ids(user))


# ---------------------------------------------------------------------------
# Excel exports: whole lists of one Board, with the list pages' filters
# ---------------------------------------------------------------------------
def memberships_for_export(board, year: EmulationYear | None, params) -> QuerySet[BlocMembership]:
    """The active members in ``year`` (none without a year), of the bloc named by ``?bloc=`` if any."""
    qs = BlocMembership.objects.filter(
        bloc__organization=board, year=year, status=MembershipStatus.ACTIVE
    ).select_related("bloc", "enterprise", "enterprise__park")
    qs = qs if year is not None else qs.none()
    bloc = params.get("bloc") or ""
    if bloc.isdigit():
        qs = qs.filter(bloc_id=int(bloc))
    return qs.order_by("bloc__code", "role", "enterprise__name")


# ---------------------------------------------------------------------------
# Participation statistics
# ---------------------------------------------------------------------------
@dataclass
class ParticipationRow:
    park_id: int | None
    park_code: str
    park_name: str
    active: int
    enrolled: int
    blocs: int

    @property
    def share(self) -> Decimal | None:
        """Enrolled as a percentage of active enterprises (None when the park has none)."""
        if not self.active:
            return None
        return (Decimal(self.enrolled) * 100 / Decimal(self.active)).quantize(Decimal("0.1"))


@dataclass
class Participation:
    year: EmulationYear | None
    parks: list[ParticipationRow]
    total: ParticipationRow


def _enrolment_base(board, year):
    condition = Q(memberships__year=year, memberships__status=MembershipStatus.ACTIVE)
    return Enterprise.objects.filter(organization=board, active=True).annotate(
        enrolment=FilteredRelation("memberships", condition=condition)
    )


def participation(board, year: EmulationYear | None) -> Participation:
    """Active enterprises, enrolled members and blocs per park and for the whole Board in ``year``.

    Computed in SQL: one GROUP BY over the Board's enterprises with a LEFT JOIN restricted to the year's
    active memberships (an enterprise has at most one, so nothing is double counted), plus one aggregate
    for the Board's totals. The query count does not depend on the number of parks.
    """
    if year is None:
        empty = ParticipationRow(None, "", "", 0, 0, 0)
        return Participation(None, [], empty)
    aggregates = {
        "active": Count("id"),
        "enrolled": Count("enrolment__id"),
        "blocs": Count("enrolment__bloc_id", distinct=True),
    }
    grouped = (
        _enrolment_base(board, year)
        .values("park_id", "park__code", "park__name")
        .annotate(**aggregates)
        .order_by("park__name", "park_id")
    )
    parks = [
        ParticipationRow(
            r["park_id"], r["park__code"] or "", r["park__name"] or "", r["active"], r["enrolled"], r["blocs"]
        )
        for r in grouped
    ]
    totals = _enrolment_base(board, year).aggregate(**aggregates)
    total = ParticipationRow(None, "", "", totals["active"], totals["enrolled"], totals["blocs"])
    return Participation(year, parks, total)


def speakers_for(enterprise_ids) -> QuerySet[User]:
    """The users who speak for these enterprises (ids or a subquery of ids): their representatives and the
    delegates in force. Whom a vote of their bloc is announced to."""
    delegates = Delegation.objects.filter(
        enterprise_id__in=enterprise_ids, revoked_at__isnull=True
    ).values("delegate_id")
    representatives = Q(
        enterprise_links__enterprise_id__in=enterprise_ids,
        enterprise_links__role=EnterpriseRole.REPRESENTATIVE,
    )
    return User.objects.filter(representatives | Q(pk__in=delegates), is_active=True).distinct()


def notice_audience_enterprises(board, key: str) -> QuerySet[BlocMembership] | None:
    """The member enterprises (ids, as a subquery) a notice audience names in the Board's open year:
    ``members`` every member, ``leaders`` the leaders and deputies, ``bloc:<id>`` one bloc's members.
    None for a key that is not the membership's."""
    memberships = BlocMembership.objects.filter(
        year_id=open_year_id(board), bloc__organization=board, status=MembershipStatus.ACTIVE
    )
    if key == "members":
        pass
    elif key == "leaders":
        memberships = memberships.filter(role__in=[MembershipRole.LEADER, MembershipRole.DEPUTY])
    elif key.startswith("bloc:") and key[5:].isdigit():
        memberships = memberships.filter(bloc_id=int(key[5:]))
    else:
        return None
    return memberships.values("enterprise_id")


# ---------------------------------------------------------------------------
# What waits on the home page (a fixed number of queries per role)
# ---------------------------------------------------------------------------
def _with_round_status(elections: QuerySet[Election]) -> QuerySet[Election]:
    rounds = VotingSession.objects.filter(
        subject_type=ContentType.objects.get_for_model(Election), subject_id=OuterRef("pk")
    ).order_by("-round", "-id")
    return elections.annotate(round_status=Subquery(rounds.values("status")[:1]))


def board_waiting_counts(board) -> dict[str, int]:
    """For the Board's managers: applications to decide, regulations to confirm, elections whose round is
    over (a result to confirm or a next round to start). Three queries."""
    return {
        "applications": MembershipApplication.objects.filter(
            enterprise__organization=board, status=ApplicationStatus.SUBMITTED, year__status=YearStatus.OPEN
        ).count(),
        "regulations": BlocRegulation.objects.filter(
            bloc__organization=board, status=RegulationStatus.PROPOSED
        ).count(),
        "elections": _with_round_status(
            Election.objects.filter(bloc__organization=board, applied_to__isnull=True, year__status=YearStatus.OPEN)
        )
        .filter(round_status=VotingStatus.CLOSED)
        .count(),
    }


def leader_waiting_counts(bloc_ids, today) -> dict[str, int]:
    """For a bloc leader: votes open in the blocs it leads, meetings to come. Two queries."""
    return {
        "votes_open": _with_round_status(Election.objects.filter(bloc_id__in=bloc_ids, year__status=YearStatus.OPEN))
        .filter(round_status=VotingStatus.OPEN)
        .count(),
        "meetings": Meeting.objects.filter(bloc_id__in=bloc_ids, date__gte=today).count(),
    }


def ballots_to_cast(enterprise_id: int) -> int:
    """Open rounds of a bloc election in which the enterprise is an elector and has not voted. One query."""
    return (
        EligibleVoter.objects.filter(
            enterprise_id=enterprise_id,
            session__status=VotingStatus.OPEN,
            session__subject_type=ContentType.objects.get_for_model(Election),
        )
        .exclude(Exists(Ballot.objects.filter(voter=OuterRef("pk"))))
        .count()
    )


def election_minutes_document(election: Election):
    """The latest minutes issued for ``election`` (covering the most rounds), or None."""
    return documents_for_owner(election).filter(kind=MINUTES_KIND).order_by("-created_at", "-id").first()
