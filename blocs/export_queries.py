"""Reads behind the Excel exports: whole lists of one Board, with the list pages' filters."""

from django.db.models import Q

from blocs.enums import MembershipStatus
from blocs.models import BlocMembership, EmulationYear, Enterprise, MembershipApplication
from blocs.search import search_key
from blocs.validators import normalize_tax_code


def enterprises_for_export(board, params):
    """The Board's enterprises filtered like the list page: ``q`` (name, accent-free, or tax code), park, ownership."""
    qs = Enterprise.objects.filter(organization=board).select_related("park").order_by("name", "id")
    q = (params.get("q") or "").strip()
    if q:
        qs = qs.filter(Q(search_name__contains=search_key(q)) | Q(tax_code__startswith=normalize_tax_code(q)))
    park = params.get("park") or ""
    if park.isdigit():
        qs = qs.filter(park_id=int(park))
    ownership = params.get("ownership") or ""
    if ownership:
        qs = qs.filter(ownership=ownership)
    if params.get("active") in {"0", "1"}:
        qs = qs.filter(active=params["active"] == "1")
    return qs


def selected_year(board, params) -> EmulationYear | None:
    """The year named by ``?year=`` among the Board's years, else the latest one."""
    years = EmulationYear.objects.filter(organization=board).order_by("-year")
    value = params.get("year") or ""
    if value.isdigit():
        return years.filter(year=int(value)).first()
    return years.first()


def memberships_for_export(board, year: EmulationYear | None, params):
    qs = BlocMembership.objects.filter(
        bloc__organization=board, year=year, status=MembershipStatus.ACTIVE
    ).select_related("bloc", "enterprise", "enterprise__park")
    bloc = params.get("bloc") or ""
    if bloc.isdigit():
        qs = qs.filter(bloc_id=int(bloc))
    return qs.order_by("bloc__code", "role", "enterprise__name")


def applications_for_export(board, year: EmulationYear | None, params):
    qs = MembershipApplication.objects.filter(enterprise__organization=board).select_related(
        "year", "enterprise", "preferred_bloc", "decided_bloc"
    )
    if year is not None:
        qs = qs.filter(year=year)
    status = params.get("status") or ""
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at")
