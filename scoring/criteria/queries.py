"""Reads of the criteria sets: a Board's sets, the set in force for a bloc, a set's tree."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from blocs.models import Meeting
from scoring.criteria.enums import CriteriaSetStatus
from scoring.criteria.models import CriteriaGroup, CriteriaSet, Criterion

IN_FORCE = (CriteriaSetStatus.ADOPTED, CriteriaSetStatus.LOCKED)


def sets_for_board(board) -> QuerySet[CriteriaSet]:
    return (
        CriteriaSet.objects.filter(organization=board)
        .select_related("year", "bloc")
        .annotate(criteria_count=Count("groups__criteria"))
        .order_by("-year__year", "bloc__code", "-version")
    )


def sets_for_member(board, roles: dict[tuple[int, int], str]) -> QuerySet[CriteriaSet]:
    """What an enterprise user sees: the sets of its blocs in the years it was a member, and the Board's
    defaults of those years (``roles``: ``{(bloc_id, year_id): role}``)."""
    own = Q(pk__in=[])
    for bloc_id, year_id in roles:
        own |= Q(bloc_id=bloc_id, year_id=year_id)
    years = {year_id for _bloc, year_id in roles}
    return (
        CriteriaSet.objects.filter(own | Q(bloc__isnull=True, year_id__in=years), organization=board)
        .select_related("year", "bloc")
        .annotate(criteria_count=Count("groups__criteria"))
        .order_by("-year__year", "bloc__code", "-version")
    )


def set_in_force(bloc, year) -> CriteriaSet | None:
    """The bloc's adopted set of the year (its latest version), else the Board's adopted default."""
    return (
        CriteriaSet.objects.filter(Q(bloc=bloc) | Q(bloc__isnull=True), year=year, status__in=IN_FORCE)
        .select_related("year", "bloc")
        .order_by("bloc_id", "-version")  # NULLs last in PostgreSQL ascending: the bloc's own first
        .first()
    )


def set_tree(criteria_set: CriteriaSet) -> list[CriteriaGroup]:
    """The groups with their criteria, in order (two queries)."""
    return list(
        criteria_set.groups.prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("order", "code"))
        ).order_by("order", "code")
    )


def criteria_of(criteria_set: CriteriaSet) -> list[Criterion]:
    return list(
        Criterion.objects.filter(group__criteria_set=criteria_set)
        .select_related("group")
        .order_by("group__order", "group__code", "order", "code")
    )


def meetings_for(criteria_set: CriteriaSet) -> QuerySet[Meeting]:
    if criteria_set.bloc_id is None:
        return Meeting.objects.none()
    return Meeting.objects.filter(bloc_id=criteria_set.bloc_id, year_id=criteria_set.year_id).order_by(
        "-date"
    )
