"""Reads of the register. List queries are page-bounded: paginate the plain table, then decorate the page."""

from django.db.models import Q, QuerySet

from blocs.enums import EnterpriseRole
from blocs.register.models import Enterprise, EnterpriseUser, IndustrialPark
from blocs.validators import normalize_tax_code
from thidua.accounts.models import User
from thidua.search import search_key


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


def parks_for_board(board) -> QuerySet[IndustrialPark]:
    return IndustrialPark.objects.filter(organization=board).order_by("name", "id")


def search_enterprises(
    board, *, q: str = "", park_id: int | None = None, ownership: str = "", active: str = ""
) -> QuerySet[Enterprise]:
    """The Board's enterprises filtered as the list page and its Excel export filter them (one rule):
    ``q`` an accent-free part of the name or the start of the tax code, the park, the ownership, and
    ``active`` "1" or "0"."""
    qs = Enterprise.objects.filter(organization=board)
    q = (q or "").strip()
    if q:
        condition = Q(search_name__contains=search_key(q))
        if q[:1].isdigit():
            condition |= Q(tax_code__startswith=normalize_tax_code(q))
        qs = qs.filter(condition)
    if park_id is not None:
        qs = qs.filter(park_id=park_id)
    if ownership:
        qs = qs.filter(ownership=ownership)
    if active in {"1", "0"}:
        qs = qs.filter(active=active == "1")
    return qs.order_by("name", "id")


def with_parks(rows: list[Enterprise], parks: list[IndustrialPark]) -> list[Enterprise]:
    """Set each enterprise's park from the Board's (short) park list already loaded: no query per row."""
    parks_by_id = {park.pk: park for park in parks}
    for row in rows:
        row.park = parks_by_id.get(row.park_id)
    return rows


def contacts_of(enterprise: Enterprise) -> QuerySet[EnterpriseUser]:
    """The people acting for an enterprise."""
    return enterprise.user_links.select_related("user")


def active_enterprises(board) -> QuerySet[Enterprise]:
    return Enterprise.objects.filter(organization=board, active=True).order_by("name")


def people_of(enterprise_ids, *, representatives_only: bool = False) -> QuerySet[User]:
    """The active users acting for these enterprises (ids or a subquery of ids): their representatives, and
    reporters unless ``representatives_only``. Whom a step of their enterprise is announced to."""
    links = Q(enterprise_links__enterprise_id__in=enterprise_ids)
    if representatives_only:
        links &= Q(enterprise_links__role=EnterpriseRole.REPRESENTATIVE)
    return User.objects.filter(links, is_active=True).distinct()
