"""The facts the portal already knows, read for a scorecard's computed criteria: completion of the pledge and
growth on the same period (from the quarterly reports and the signed pledge's targets), late reports, missed
meetings, the signed pledge and its registrations, the share of women. Reads only; the arithmetic is in
``scoring.criteria.methods``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from blocs.models import Meeting, Pledge, PledgeTarget
from blocs.pledges.models import PledgeTemplate, TitleRegistration
from blocs.pledges.queries import SIGNED_STATUSES
from scoring.quarterly.completion import compared_with_target, percent
from scoring.quarterly.enums import PeriodKind
from scoring.quarterly.models import EnterpriseReport, IndicatorValue
from scoring.quarterly.ytd import ytd_rule
from scoring.ranking.enums import ScoringPeriod

# The quarters a scoring period covers; the last one carries the year-to-date.
QUARTERS = {
    ScoringPeriod.MIDYEAR: (PeriodKind.Q1, PeriodKind.Q2),
    ScoringPeriod.YEAR_END: (PeriodKind.Q1, PeriodKind.Q2, PeriodKind.Q3, PeriodKind.Q4),
}


@dataclass
class Facts:
    """Everything the computed criteria of one scorecard read, loaded in a handful of queries."""

    values: dict[str, IndicatorValue] = field(default_factory=dict)  # this year's last quarter, by code
    last_values: dict[str, IndicatorValue] = field(default_factory=dict)  # same quarter last year
    targets: dict[str, Decimal] = field(default_factory=dict)
    late_reports: int = 0
    missed_meetings: int = 0
    pledge_signed: bool = False
    registered: bool | None = False  # None: the bloc's pledges of that year are not in the portal

    def of_plan(self, code: str) -> Decimal | None:
        entry = self.values.get(code)
        if entry is None or entry.not_applicable:
            return None
        compared = compared_with_target(ytd_rule(entry.indicator), value=entry.value, ytd=entry.ytd_value)
        return percent(compared, self.targets.get(code))

    def of_same_period(self, code: str) -> Decimal | None:
        now, last = self.values.get(code), self.last_values.get(code)
        if now is None or last is None:
            return None
        return percent(
            now.ytd_value if now.ytd_value is not None else now.value,
            last.ytd_value if last.ytd_value is not None else last.value,
        )

    def answer(self, code: str) -> bool | None:
        entry = self.values.get(code)
        if entry is None or entry.value is None:
            return None
        return entry.value > 0

    def women_share(self) -> Decimal | None:
        women, workers = self.values.get("LD_NU"), self.values.get("LD")
        if women is None or workers is None:
            return None
        return percent(women.value, workers.value)


def _values(enterprise_id: int, year, kind: str) -> dict[str, IndicatorValue]:
    return {
        v.indicator.code: v
        for v in IndicatorValue.objects.filter(
            report__enterprise_id=enterprise_id, report__period__year=year, report__period__kind=kind
        ).select_related("indicator")
    }


def load_facts(scorecard) -> Facts:
    year, enterprise_id = scorecard.year, scorecard.enterprise_id
    quarters = QUARTERS[scorecard.period]
    last_quarter = quarters[-1]
    last_year_values = {
        v.indicator.code: v
        for v in IndicatorValue.objects.filter(
            report__enterprise_id=enterprise_id,
            report__period__year__organization_id=year.organization_id,
            report__period__year__year=year.year - 1,
            report__period__kind=last_quarter,
        ).select_related("indicator")
    }
    signed = Pledge.objects.filter(
        enterprise_id=enterprise_id, template__year=year, status__in=SIGNED_STATUSES
    )
    targets: dict[str, Decimal] = {}
    for target in (
        PledgeTarget.objects.filter(pledge__in=signed).select_related("indicator").order_by("pledge__version")
    ):
        targets[target.indicator.code] = target.value  # the latest signed version wins
    last_day = (
        EnterpriseReport.objects.filter(
            enterprise_id=enterprise_id, period__year=year, period__kind=last_quarter
        )
        .values_list("period__ends_on", flat=True)
        .first()
    )
    meetings = Meeting.objects.filter(bloc_id=scorecard.bloc_id, year=year)
    if last_day is not None:
        meetings = meetings.filter(date__lte=last_day)
    in_portal = PledgeTemplate.objects.filter(bloc_id=scorecard.bloc_id, year=year).exists()
    return Facts(
        values=_values(enterprise_id, year, last_quarter),
        last_values=last_year_values,
        targets=targets,
        late_reports=EnterpriseReport.objects.filter(
            enterprise_id=enterprise_id, period__year=year, period__kind__in=quarters, late=True
        ).count(),
        missed_meetings=meetings.exclude(attendees__id=enterprise_id).count(),
        # Years whose pledges predate the portal: nothing to count, nothing to veto.
        pledge_signed=signed.exists() or not in_portal,
        registered=TitleRegistration.objects.filter(pledge__in=signed).exists() if in_portal else None,
    )


__all__ = ["Facts", "load_facts"]
