"""Participation statistics: per park and for the Board, the active enterprises enrolled in a bloc in a year.

Computed in SQL: one GROUP BY over the Board's enterprises with a LEFT JOIN restricted to the year's
active memberships (an enterprise has at most one, so nothing is double counted), plus one aggregate
for the Board's totals. The query count does not depend on the number of parks.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, FilteredRelation, Q

from blocs.enums import MembershipStatus
from blocs.models import EmulationYear, Enterprise


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


def years_for_board(board):
    return EmulationYear.objects.filter(organization=board).order_by("-year")


def _base(board, year):
    condition = Q(memberships__year=year, memberships__status=MembershipStatus.ACTIVE)
    return Enterprise.objects.filter(organization=board, active=True).annotate(
        enrolment=FilteredRelation("memberships", condition=condition)
    )


def participation(board, year: EmulationYear | None) -> Participation:
    """Active enterprises, enrolled members and blocs per park and for the whole Board in ``year``."""
    if year is None:
        empty = ParticipationRow(None, "", "", 0, 0, 0)
        return Participation(None, [], empty)
    aggregates = {
        "active": Count("id"),
        "enrolled": Count("enrolment__id"),
        "blocs": Count("enrolment__bloc_id", distinct=True),
    }
    grouped = (
        _base(board, year)
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
    totals = _base(board, year).aggregate(**aggregates)
    total = ParticipationRow(None, "", "", totals["active"], totals["enrolled"], totals["blocs"])
    return Participation(year, parks, total)
