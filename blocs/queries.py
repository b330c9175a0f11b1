"""Reads of the blocs app. List queries are page-bounded: paginate the plain table, then annotate only the page."""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet, Subquery, prefetch_related_objects

from blocs.enums import ApplicationStatus, MembershipRole, MembershipStatus, YearStatus
from blocs.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    CompositionDecision,
    EmulationYear,
    Enterprise,
    EnterpriseUser,
    IndustrialPark,
    Meeting,
    MembershipApplication,
)
from blocs.search import search_key

PAGE_SIZE = 25


# ---------------------------------------------------------------------------
# Rules that read the database
# ---------------------------------------------------------------------------
def current_regulation(bloc: Bloc) -> BlocRegulation | None:
    return BlocRegulation.objects.filter(bloc=bloc).order_by("-version").first()


def leader_may_serve_again(*, bloc: Bloc, year: EmulationYear) -> bool:
    regulation = current_regulation(bloc)
    if regulation is not None:
        return regulation.leader_consecutive_terms_allowed
    return bool(year.settings.get("leader_consecutive_terms_allowed", False))


def was_leader_previous_year(*, bloc: Bloc, year: EmulationYear, enterprise_id: int) -> bool:
    return BlocMembership.objects.filter(
        bloc=bloc,
        enterprise_id=enterprise_id,
        year__organization_id=year.organization_id,
        year__year=year.year - 1,
        role=MembershipRole.LEADER,
        status=MembershipStatus.ACTIVE,
    ).exists()


def open_year_of(board) -> EmulationYear | None:
    """The Board's current open year (the latest open one)."""
    return EmulationYear.objects.filter(organization=board, status=YearStatus.OPEN).order_by("-year").first()


def enterprise_of(user) -> EnterpriseUser | None:
    """The enterprise link of a user, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_enterprise_link_cache"):
        user._enterprise_link_cache = (
            EnterpriseUser.objects.filter(user=user, enterprise__organization_id=user.organization_id)
            .select_related("enterprise")
            .first()
        )
    return user._enterprise_link_cache


def led_bloc_ids(user) -> frozenset[int]:
    """Blocs the user's enterprise leads in an open year (cached on the user for the request)."""
    cached = getattr(user, "_led_bloc_ids_cache", None)
    if cached is None:
        link = enterprise_of(user)
        cached = frozenset()
        if link is not None:
            cached = frozenset(
                BlocMembership.objects.filter(
                    enterprise_id=link.enterprise_id,
                    role=MembershipRole.LEADER,
                    status=MembershipStatus.ACTIVE,
                    year__status=YearStatus.OPEN,
                ).values_list("bloc_id", flat=True)
            )
        user._led_bloc_ids_cache = cached
    return cached


# ---------------------------------------------------------------------------
# Pagination helper: count + one page of ids, then the caller decorates only that page
# ---------------------------------------------------------------------------
def paginate(queryset: QuerySet, page_number, *, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(page_number)


def decorate_page(page: Page, decorated: QuerySet) -> Page:
    """Replace the page's rows by ``decorated`` rows for the same ids, in the same order (one query)."""
    ids = [row.pk for row in page.object_list]
    rows = {row.pk: row for row in decorated.filter(pk__in=ids)}
    page.object_list = [rows[pk] for pk in ids if pk in rows]
    return page


# ---------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------
def parks_for_board(board) -> QuerySet[IndustrialPark]:
    return IndustrialPark.objects.filter(organization=board).order_by("name", "id")


def search_enterprises(
    board, *, q: str = "", park_id: int | None = None, ownership: str = "", active: str = ""
) -> QuerySet[Enterprise]:
    """Plain filtered table of the Board's enterprises (accent-insensitive on names, prefix on tax code)."""
    qs = Enterprise.objects.filter(organization=board)
    q = (q or "").strip()
    if q:
        key = search_key(q)
        digits = q.replace(" ", "")
        condition = Q(search_name__contains=key)
        if digits[:1].isdigit():
            condition |= Q(tax_code__startswith=digits)
        qs = qs.filter(condition)
    if park_id is not None:
        qs = qs.filter(park_id=park_id)
    if ownership:
        qs = qs.filter(ownership=ownership)
    if active in {"1", "0"}:
        qs = qs.filter(active=active == "1")
    return qs.order_by("name", "id")


def open_year_id(board) -> Subquery:
    """The Board's current open year as a subquery, so a page query does not need a query of its own."""
    return Subquery(
        EmulationYear.objects.filter(organization=board, status=YearStatus.OPEN)
        .order_by("-year")
        .values("pk")[:1]
    )


def enterprise_page(page: Page, *, board, parks: list[IndustrialPark]) -> Page:
    """Decorate one page of enterprises: park from the Board's (short) park list, bloc in the open year.

    One query whatever the page size: the memberships of the page's enterprises in the open year.
    """
    parks_by_id = {park.pk: park for park in parks}
    rows = list(page.object_list)
    memberships: dict[int, list[BlocMembership]] = {}
    for membership in BlocMembership.objects.filter(
        enterprise_id__in=[row.pk for row in rows],
        status=MembershipStatus.ACTIVE,
        year_id=open_year_id(board),
    ).select_related("bloc"):
        memberships.setdefault(membership.enterprise_id, []).append(membership)
    for row in rows:
        row.park = parks_by_id.get(row.park_id)
        row.current_memberships = memberships.get(row.pk, [])
    page.object_list = rows
    return page


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


def applications_for_board(
    board, *, status: str = ApplicationStatus.SUBMITTED
) -> QuerySet[MembershipApplication]:
    """The page query joins only to-one rows (the paginator's count drops the joins)."""
    qs = MembershipApplication.objects.filter(enterprise__organization=board).select_related(
        "enterprise", "enterprise__park", "year", "preferred_bloc", "decided_bloc"
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-submitted_at", "-id")


def applications_of(enterprise: Enterprise) -> QuerySet[MembershipApplication]:
    return (
        MembershipApplication.objects.filter(enterprise=enterprise)
        .select_related("year", "preferred_bloc", "decided_bloc")
        .order_by("-created_at")
    )


def decisions_for_board(board) -> QuerySet[CompositionDecision]:
    return (
        CompositionDecision.objects.filter(organization=board).select_related("year").order_by("-created_at")
    )


def regulations_of(bloc: Bloc) -> QuerySet[BlocRegulation]:
    """Every version of the bloc's regulation, the latest (the one in force) first."""
    return BlocRegulation.objects.filter(bloc=bloc).order_by("-version")


def meetings_of(bloc: Bloc) -> QuerySet[Meeting]:
    return Meeting.objects.filter(bloc=bloc).select_related("year").order_by("-date", "-id")


def composition_of(year: EmulationYear) -> list[dict]:
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


def blocs_for_pledge_templates(board, user, *, all_blocs: bool) -> QuerySet[Bloc]:
    """Active blocs of the Board for which ``user`` may draft a pledge template: every one when ``all_blocs``
    (Board staff who manage blocs), otherwise the blocs their enterprise leads."""
    blocs = Bloc.objects.filter(organization=board, active=True)
    return blocs if all_blocs else blocs.filter(pk__in=led_bloc_ids(user))
