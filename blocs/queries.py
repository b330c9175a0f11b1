"""Reads of the blocs app. List queries are page-bounded: paginate the plain table, then annotate only the page."""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet

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
    """Replace the page's rows by ``decorated`` rows for the same ids, in the same order."""
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
    board, *, q: str = "", park=None, ownership: str = "", active: str = ""
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
    if park is not None:
        qs = qs.filter(park=park)
    if ownership:
        qs = qs.filter(ownership=ownership)
    if active in {"1", "0"}:
        qs = qs.filter(active=active == "1")
    return qs.order_by("name", "id")


def enterprise_page(page: Page, year: EmulationYear | None) -> Page:
    """Decorate one page of enterprises with their park and their bloc in ``year``."""
    memberships = BlocMembership.objects.filter(status=MembershipStatus.ACTIVE).select_related("bloc")
    memberships = memberships.filter(year=year) if year is not None else memberships.none()
    decorated = Enterprise.objects.select_related("park").prefetch_related(
        Prefetch("memberships", queryset=memberships, to_attr="current_memberships")
    )
    return decorate_page(page, decorated)


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
    decorated = Bloc.objects.prefetch_related(Prefetch("memberships", queryset=officers, to_attr="officers"))
    return decorate_page(page, decorated)


def members_of(bloc: Bloc, year: EmulationYear | None) -> QuerySet[BlocMembership]:
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
    qs = MembershipApplication.objects.filter(enterprise__organization=board)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-submitted_at", "-id")


def application_page(page: Page) -> Page:
    decorated = MembershipApplication.objects.select_related(
        "enterprise", "enterprise__park", "year", "preferred_bloc", "decided_bloc"
    )
    return decorate_page(page, decorated)


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
