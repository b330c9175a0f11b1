"""Reads of the quarterly reports: people to tell, deadlines, report sheets with completion, the members'
table, the consolidated tables (computed in SQL) and the Board's status page. Every function issues a fixed
number of queries whatever the number of members, periods or values."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Exists, F, FilteredRelation, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from blocs.enums import EnterpriseRole, MembershipRole, MembershipStatus
from blocs.membership.queries import current_regulations, effective_rules
from blocs.membership.rules import merge_rules
from blocs.models import Bloc, BlocMembership, EnterpriseUser, Indicator
from blocs.pledges.enums import Aggregation
from blocs.pledges.queries import catalogue_for, signed_targets
from blocs.register.queries import enterprise_of
from scoring.quarterly.completion import Completion, completion, percent
from scoring.quarterly.enums import PeriodStatus, ReportStatus, ReviewStatus
from scoring.quarterly.models import (
    COUNTED_REPORT_STATUSES,
    BlocReview,
    BoardReview,
    EnterpriseReport,
    EvidenceFile,
    IndicatorValue,
    ReportingPeriod,
    ReportTransition,
    ReviewTransition,
)
from scoring.quarterly.periods import Deadlines, effective_deadlines
from scoring.quarterly.permissions import bloc_roles, own_enterprise_id
from scoring.quarterly.ytd import QUARTER_KINDS, earlier_of, ytd_rule
from thidua.accounts.enums import BoardRole
from thidua.accounts.models import User
from thidua.pagination import paginate

# The indicator whose value weighs a weighted average (average income is weighed by the workforce).
HEADCOUNT_CODE = "LD"
WAITING_STATUSES = (ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED)


# ---------------------------------------------------------------------------
# People to tell
# ---------------------------------------------------------------------------
def enterprise_users(enterprise_ids) -> list[User]:
    """The active users (representatives and reporters) of the given enterprises."""
    return [
        link.user
        for link in EnterpriseUser.objects.filter(
            enterprise_id__in=list(enterprise_ids), user__is_active=True
        ).select_related("user")
    ]


def officer_enterprise_id(bloc_id: int, year_id: int, role: str) -> int | None:
    return (
        BlocMembership.objects.filter(
            bloc_id=bloc_id, year_id=year_id, role=role, status=MembershipStatus.ACTIVE
        )
        .values_list("enterprise_id", flat=True)
        .first()
    )


def reviewer_users(report: EnterpriseReport) -> list[User]:
    """Who reviews a submitted report: the leader's representatives, or the deputy's for the leader's own
    report (nobody in a bloc without a deputy: the Board's status page shows it)."""
    year_id = report.period.year_id
    enterprise_id = officer_enterprise_id(report.bloc_id, year_id, MembershipRole.LEADER)
    if enterprise_id is None or enterprise_id == report.enterprise_id:
        enterprise_id = officer_enterprise_id(report.bloc_id, year_id, MembershipRole.DEPUTY)
    if enterprise_id is None or enterprise_id == report.enterprise_id:
        return []
    return [
        link.user
        for link in EnterpriseUser.objects.filter(
            enterprise_id=enterprise_id, role=EnterpriseRole.REPRESENTATIVE, user__is_active=True
        ).select_related("user")
    ]


def leader_users(bloc_id: int, year_id: int) -> list[User]:
    enterprise_id = officer_enterprise_id(bloc_id, year_id, MembershipRole.LEADER)
    return [] if enterprise_id is None else enterprise_users([enterprise_id])


def board_managers(organization_id: int) -> list[User]:
    """The Board's admins and emulation officers (they decide on bloc reviews)."""
    return list(
        User.objects.filter(
            organization_id=organization_id,
            is_active=True,
            board_roles__role__in=[BoardRole.ADMIN, BoardRole.OFFICER],
        ).distinct()
    )


# ---------------------------------------------------------------------------
# Periods and deadlines
# ---------------------------------------------------------------------------
def periods_for_board(board) -> QuerySet[ReportingPeriod]:
    return (
        ReportingPeriod.objects.filter(organization=board)
        .select_related("year")
        .order_by("-year__year", "kind")
    )


def open_periods_of_year(year) -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.filter(year=year).order_by("kind")


def _days(rules) -> tuple[int, int] | None:
    """The report days of a bloc's regulation, or None when the bloc follows the year's settings (then the
    period's own deadlines hold, as the Board set them)."""
    return (rules.enterprise_report_day, rules.bloc_report_day) if rules.from_regulation else None


def deadlines_for(period: ReportingPeriod, bloc_id: int) -> Deadlines:
    """One bloc's deadlines for ``period`` (one query: the membership's ``effective_rules``)."""
    return effective_deadlines(period, _days(effective_rules(bloc_id, period.year)))


def deadlines_by_bloc(period: ReportingPeriod, bloc_ids) -> dict[int, Deadlines]:
    """The deadlines of each of the given blocs for ``period`` (one query)."""
    regulations = current_regulations(bloc_ids)
    return {
        bloc_id: effective_deadlines(
            period, _days(merge_rules(regulations.get(bloc_id), period.year.settings))
        )
        for bloc_id in bloc_ids
    }


# ---------------------------------------------------------------------------
# One report: the sheet of indicators with completion
# ---------------------------------------------------------------------------
def _latest_target(year, **lookup) -> QuerySet:
    """The value of the latest signed target matching ``lookup`` (for a correlated subquery)."""
    return signed_targets(year).filter(**lookup).order_by("-pledge__version")


def report_catalogue(report: EnterpriseReport) -> list[Indicator]:
    """The catalogue that applies to the report (one query): enough to read what was typed."""
    return list(catalogue_for(report.organization_id).order_by("ordering", "code"))


def catalogue_with_targets(report: EnterpriseReport) -> list[Indicator]:
    """The catalogue that applies to the report, each with the enterprise's pledge target (``target``,
    ``target_basis``), the pledge's indicators first (one query)."""
    year = report.period.year
    target = _latest_target(year, pledge__enterprise_id=report.enterprise_id, indicator=OuterRef("pk"))
    indicators = list(
        catalogue_for(report.organization_id).annotate(
            target=Subquery(target.values("value")[:1]), target_basis=Subquery(target.values("basis")[:1])
        )
    )
    return sorted(indicators, key=lambda i: (i.target is None, i.ordering, i.code))


ENTRY_FIELDS = ("id", "value", "ytd_value", "ytd_entered", "not_applicable", "note")


def catalogue_with_year(
    report: EnterpriseReport,
) -> tuple[dict[str, Indicator], dict[str, dict[int, IndicatorValue]]]:
    """The catalogue that applies to the report by code, and the enterprise's entries in every quarter of
    the year (``{kind: {indicator_id: value}}``, as ``year_entries`` gives them), in one query."""
    annotations = {}
    for kind in QUARTER_KINDS:
        entry = IndicatorValue.objects.filter(
            report__enterprise_id=report.enterprise_id,
            report__period__year_id=report.period.year_id,
            report__period__kind=kind,
            indicator=OuterRef("pk"),
        )
        annotations |= {f"{kind}_{name}": Subquery(entry.values(name)[:1]) for name in ENTRY_FIELDS}
    catalogue: dict[str, Indicator] = {}
    entries: dict[str, dict[int, IndicatorValue]] = defaultdict(dict)
    for indicator in catalogue_for(report.organization_id).annotate(**annotations):
        catalogue[indicator.code] = indicator
        for kind in QUARTER_KINDS:
            pk = getattr(indicator, f"{kind}_id")
            if pk is not None:
                fields = {name: getattr(indicator, f"{kind}_{name}") for name in ENTRY_FIELDS if name != "id"}
                entries[kind][indicator.pk] = IndicatorValue(pk=pk, indicator=indicator, **fields)
    return catalogue, entries


def year_entries(enterprise_id: int, year_id: int) -> dict[str, dict[int, IndicatorValue]]:
    """Every entry of the enterprise in the year's periods: ``{kind: {indicator_id: value}}`` (one query)."""
    entries: dict[str, dict[int, IndicatorValue]] = defaultdict(dict)
    for value in (
        IndicatorValue.objects.filter(report__enterprise_id=enterprise_id, report__period__year_id=year_id)
        .select_related("indicator")
        .annotate(kind=F("report__period__kind"))
    ):
        entries[value.kind][value.indicator_id] = value
    return entries


def _same_period_last_year(period: ReportingPeriod) -> Q:
    return Q(
        report__period__kind=period.kind,
        report__period__year__organization_id=period.organization_id,
        report__period__year__year=period.year.year - 1,
    )


@dataclass
class SheetRow:
    indicator: Indicator
    rule: str
    entry: IndicatorValue | None
    last: IndicatorValue | None
    completion: Completion
    target_basis: str = ""
    earlier_total: Decimal | None = None  # the year's earlier periods summed, for the form's live preview

    @property
    def code(self) -> str:
        return self.indicator.code


def _row(indicator, *, months: int, entry, last, target) -> SheetRow:
    rule = ytd_rule(indicator)
    return SheetRow(
        indicator=indicator,
        rule=rule,
        entry=entry,
        last=last,
        target_basis=getattr(indicator, "target_basis", "") or "",
        completion=completion(
            rule,
            months=months,
            value=entry.value if entry else None,
            ytd=entry.ytd_value if entry else None,
            target=target,
            last_value=last.value if last else None,
            last_ytd=last.ytd_value if last else None,
        ),
    )


def report_sheet(report: EnterpriseReport) -> list[SheetRow]:
    """Every indicator of the report with its entry, last year's entry and the completion (two queries)."""
    entries: dict[int, IndicatorValue] = {}
    last: dict[int, IndicatorValue] = {}
    for value in IndicatorValue.objects.filter(
        Q(report=report)
        | (Q(report__enterprise_id=report.enterprise_id) & _same_period_last_year(report.period))
    ).select_related("entered_by"):
        (entries if value.report_id == report.pk else last)[value.indicator_id] = value
    return [
        _row(
            indicator,
            months=report.period.months,
            entry=entries.get(indicator.pk),
            last=last.get(indicator.pk),
            target=indicator.target,
        )
        for indicator in catalogue_with_targets(report)
    ]


def with_earlier_totals(sheet: list[SheetRow], report: EnterpriseReport) -> list[SheetRow]:
    """Set each summed row's ``earlier_total`` (None when an earlier period lacks a figure); one query."""
    entries = year_entries(report.enterprise_id, report.period.year_id)
    for row in sheet:
        earlier = earlier_of(entries, report.period.kind, row.indicator.pk)
        if all(e is not None and e.present for e in earlier):
            row.earlier_total = sum((e.value or Decimal(0) for e in earlier), Decimal(0))
    return sheet


def previous_report(report: EnterpriseReport) -> EnterpriseReport | None:
    """The enterprise's latest report before this one (to start from its values)."""
    return (
        EnterpriseReport.objects.filter(
            enterprise_id=report.enterprise_id, period__ends_on__lt=report.period.ends_on
        )
        .exclude(status=ReportStatus.NOT_STARTED)
        .order_by("-period__ends_on")
        .first()
    )


def values_of(report: EnterpriseReport | None) -> dict[int, IndicatorValue]:
    if report is None:
        return {}
    return {value.indicator_id: value for value in IndicatorValue.objects.filter(report=report)}


def transitions_of(report: EnterpriseReport) -> QuerySet[ReportTransition]:
    return ReportTransition.objects.filter(report=report).select_related("actor")


def evidence_of(report: EnterpriseReport) -> QuerySet[EvidenceFile]:
    return EvidenceFile.objects.filter(report=report).select_related("uploaded_by")


def my_reports(user, page_number=1):
    """One page of the reports of the user's enterprise, newest period first."""
    link = enterprise_of(user)
    qs = EnterpriseReport.objects.none()
    if link is not None:
        qs = EnterpriseReport.objects.filter(enterprise_id=link.enterprise_id)
    return paginate(
        qs.select_related("period__year", "bloc").order_by("-period__ends_on", "-id"), page_number
    )


def led_reviews(user, page_number=1):
    """One page of the reviews of the blocs the user's enterprise leads (any year), newest first."""
    keys = [key for key, role in bloc_roles(user).items() if role == MembershipRole.LEADER]
    condition = Q(pk__in=[])
    for bloc_id, year_id in keys:
        condition |= Q(bloc_id=bloc_id, period__year_id=year_id)
    qs = BlocReview.objects.filter(condition).select_related("period__year", "bloc")
    return paginate(qs.order_by("-period__ends_on", "bloc__code", "id"), page_number)


# ---------------------------------------------------------------------------
# A bloc's members for one period (the leader's table and the review's appendix)
# ---------------------------------------------------------------------------
def report_counts(rows) -> dict[str, int]:
    """How many reports are counted (accepted or locked), waived, late, submitted, and still missing (neither
    counted nor waived), from ``(status, waived, late)`` rows. The bloc's review needs ``missing == 0``."""
    counts = {"total": 0, "counted": 0, "waived": 0, "late": 0, "submitted": 0}
    for status, waived, late in rows:
        counts["total"] += 1
        counts["counted"] += status in COUNTED_REPORT_STATUSES
        counts["waived"] += bool(waived) and status not in COUNTED_REPORT_STATUSES
        counts["late"] += bool(late)
        counts["submitted"] += status == ReportStatus.SUBMITTED
    counts["missing"] = counts["total"] - counts["counted"] - counts["waived"]
    return counts


def review_report_counts(review: BlocReview) -> dict[str, int]:
    return report_counts(
        EnterpriseReport.objects.filter(period_id=review.period_id, bloc_id=review.bloc_id).values_list(
            "status", "waived", "late"
        )
    )


@dataclass
class MemberRow:
    report: EnterpriseReport
    cells: list[SheetRow] = field(default_factory=list)

    @property
    def behind(self) -> list[SheetRow]:
        return [cell for cell in self.cells if cell.completion.behind]


def members_table(review: BlocReview, indicators: list[Indicator]) -> list[MemberRow]:
    """Each member's report with, for each of ``indicators``, its entry, target, last year's entry and the
    completion: one query (correlated subqueries per indicator), whatever the bloc's size."""
    period = review.period
    reports = EnterpriseReport.objects.filter(period_id=period.pk, bloc_id=review.bloc_id).select_related(
        "enterprise"
    )
    last_year = IndicatorValue.objects.filter(
        _same_period_last_year(period), report__enterprise_id=OuterRef("enterprise_id")
    )
    annotations = {}
    for indicator in indicators:
        key = indicator.pk
        current = IndicatorValue.objects.filter(report=OuterRef("pk"), indicator_id=key)
        previous = last_year.filter(indicator_id=key)
        target = _latest_target(
            period.year, pledge__enterprise_id=OuterRef("enterprise_id"), indicator_id=key
        )
        annotations |= {
            f"v{key}": Subquery(current.values("value")[:1]),
            f"y{key}": Subquery(current.values("ytd_value")[:1]),
            f"n{key}": Subquery(current.values("not_applicable")[:1]),
            f"t{key}": Subquery(target.values("value")[:1]),
            f"lv{key}": Subquery(previous.values("value")[:1]),
            f"ly{key}": Subquery(previous.values("ytd_value")[:1]),
        }
    rows = []
    for report in reports.annotate(**annotations).order_by("enterprise__name", "id"):
        row = MemberRow(report=report)
        for indicator in indicators:
            key = indicator.pk
            entry = last = None
            if getattr(report, f"n{key}") is not None:
                entry = IndicatorValue(
                    indicator=indicator,
                    value=getattr(report, f"v{key}"),
                    ytd_value=getattr(report, f"y{key}"),
                    not_applicable=getattr(report, f"n{key}"),
                )
            if getattr(report, f"lv{key}") is not None or getattr(report, f"ly{key}") is not None:
                last = IndicatorValue(
                    indicator=indicator,
                    value=getattr(report, f"lv{key}"),
                    ytd_value=getattr(report, f"ly{key}"),
                )
            row.cells.append(
                _row(
                    indicator, months=period.months, entry=entry, last=last, target=getattr(report, f"t{key}")
                )
            )
        rows.append(row)
    return rows


def headline_indicators(catalogue: list[Indicator]) -> list[Indicator]:
    """The indicators of the members' table: those of the bloc's pledges (``targeted``, as
    ``consolidated_catalogue`` annotates them), else the catalogue's required summed indicators."""
    chosen = [i for i in catalogue if getattr(i, "targeted", False)]
    return chosen or [i for i in catalogue if not i.optional and i.aggregation == Aggregation.SUM][:6]


def members_for_template(review: BlocReview) -> list[tuple[str, str, dict[str, IndicatorValue]]]:
    """(tax code, name, {indicator code: entry}) of each member's report, for the leader's template."""
    reports = list(
        EnterpriseReport.objects.filter(period_id=review.period_id, bloc_id=review.bloc_id)
        .select_related("enterprise")
        .order_by("enterprise__name", "id")
    )
    entries: dict[int, dict[str, IndicatorValue]] = defaultdict(dict)
    for value in IndicatorValue.objects.filter(report__in=reports).select_related("indicator"):
        entries[value.report_id][value.indicator.code] = value
    return [(r.enterprise.tax_code, r.enterprise.name, entries[r.pk]) for r in reports]


def review_transitions(review: BlocReview) -> QuerySet[ReviewTransition]:
    return ReviewTransition.objects.filter(review=review).select_related("actor")


# ---------------------------------------------------------------------------
# Consolidated tables (SQL aggregates)
# ---------------------------------------------------------------------------
@dataclass
class ConsolidatedRow:
    indicator: Indicator
    plan: Decimal | None
    value: Decimal | None
    ytd: Decimal | None
    last_value: Decimal | None
    last_ytd: Decimal | None
    reported: int
    not_applicable: int

    @property
    def of_plan(self) -> Decimal | None:
        stock = self.indicator.aggregation in (Aggregation.END_OF_PERIOD, Aggregation.COUNT)
        return percent(self.value if stock else self.ytd, self.plan)

    @property
    def of_same_period(self) -> Decimal | None:
        return percent(self.value, self.last_value)

    @property
    def ytd_of_same_period(self) -> Decimal | None:
        return percent(self.ytd, self.last_ytd)


def _number(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.0001"))


def counted_reports(
    period: ReportingPeriod,
    *,
    bloc_id: int | None = None,
    park_id: int | None = None,
) -> QuerySet[EnterpriseReport]:
    """The accepted reports of a scope (a bloc, a park, or the whole Board) for ``period``."""
    qs = EnterpriseReport.objects.filter(period_id=period.pk, status__in=COUNTED_REPORT_STATUSES)
    if bloc_id is not None:
        qs = qs.filter(bloc_id=bloc_id)
    if park_id is not None:
        qs = qs.filter(enterprise__park_id=park_id)
    return qs


def consolidated_catalogue(period: ReportingPeriod, *, bloc_id: int | None = None) -> list[Indicator]:
    """The catalogue, each indicator telling, for a bloc, whether the bloc's pledges target it
    (``targeted``); one query."""
    catalogue = catalogue_for(period.organization_id)
    if bloc_id is not None:
        catalogue = catalogue.annotate(
            targeted=Exists(
                signed_targets(period.year).filter(
                    indicator=OuterRef("pk"), pledge__template__bloc_id=bloc_id
                )
            )
        )
    return list(catalogue.order_by("ordering", "code"))


def _plan(period: ReportingPeriod, *, bloc_id: int | None, park_id: int | None) -> dict[int, dict]:
    """Per indicator, the sum and the average of the pledge targets of the scope's counted members (one
    query)."""
    members = counted_reports(period, bloc_id=bloc_id, park_id=park_id).values("enterprise_id")
    rows = (
        signed_targets(period.year)
        .filter(pledge__enterprise_id__in=members)
        .order_by()
        .values("indicator_id")
        .annotate(total=Sum("value"), average=Avg("value"))
    )
    return {row["indicator_id"]: row for row in rows}


def _aggregates(
    period: ReportingPeriod, *, bloc_id: int | None, park_id: int | None, headcount_indicator_id: int | None
) -> tuple[dict[int, dict], dict[int, dict]]:
    """Per indicator, over the scope's accepted reports of ``period`` and of the same period a year before
    (one query): the sum, the average, the headcount-weighted average (weighed by the report's own workforce
    figure), the count of "yes". The reports are reached through the (period, bloc, status) index, then
    their values through (report, indicator): the cost follows the scope, not the table."""
    periods = ReportingPeriod.objects.filter(
        Q(pk=period.pk)
        | Q(organization_id=period.organization_id, year__year=period.year.year - 1, kind=period.kind)
    ).values("pk")
    lookups = {"report__period__in": periods, "report__status__in": COUNTED_REPORT_STATUSES}
    if bloc_id is not None:
        lookups["report__bloc_id"] = bloc_id
    if park_id is not None:
        lookups["report__enterprise__park_id"] = park_id
    headcount = F("headcount__value")  # the report's own workforce figure, joined once
    weighted = Q(indicator__aggregation=Aggregation.WEIGHTED_AVG)
    rows = (
        IndicatorValue.objects.filter(**lookups)
        .annotate(
            headcount=FilteredRelation(
                "report__values", condition=Q(report__values__indicator_id=headcount_indicator_id)
            )
        )
        .order_by()
        .values("indicator_id", "report__period_id")
        .annotate(
            total=Sum("value"),
            ytd_total=Sum("ytd_value"),
            average=Avg("value"),
            ytd_average=Avg("ytd_value"),
            weighted=Sum(F("value") * headcount, filter=weighted & Q(value__isnull=False)),
            weight=Sum(headcount, filter=weighted & Q(value__isnull=False)),
            ytd_weighted=Sum(F("ytd_value") * headcount, filter=weighted & Q(ytd_value__isnull=False)),
            ytd_weight=Sum(headcount, filter=weighted & Q(ytd_value__isnull=False)),
            yes=Count("id", filter=Q(value=1)),
            reported=Count("id", filter=Q(value__isnull=False)),
            not_applicable=Count("id", filter=Q(not_applicable=True)),
        )
    )
    now: dict[int, dict] = {}
    before: dict[int, dict] = {}
    for row in rows:
        (now if row["report__period_id"] == period.pk else before)[row["indicator_id"]] = row
    return now, before


def _pick(indicator: Indicator, row: dict | None, *, ytd: bool) -> Decimal | None:
    """The figure of the indicator's aggregation: a sum, a weighted average, a count of "yes"."""
    if row is None:
        return None
    prefix = "ytd_" if ytd else ""
    aggregation = indicator.aggregation
    if aggregation == Aggregation.COUNT:
        return Decimal(row["yes"]) if row["reported"] else None
    if aggregation == Aggregation.WEIGHTED_AVG:
        weight = row[f"{prefix}weight"]
        if weight:
            return _number(Decimal(str(row[f"{prefix}weighted"])) / Decimal(str(weight)))
        return _number(row[f"{prefix}average"])
    if aggregation == Aggregation.END_OF_PERIOD and ytd:
        return _number(row["total"])
    return _number(row[f"{prefix}total"])


def consolidated_table(
    period: ReportingPeriod,
    *,
    bloc_id: int | None = None,
    park_id: int | None = None,
    catalogue: list[Indicator] | None = None,
) -> list[ConsolidatedRow]:
    """The consolidated table of a bloc (``bloc_id``), a park, or the whole Board for ``period``: plan,
    period, year-to-date, same period last year, per the indicator's aggregation. Three queries (two when ``catalogue`` comes from
    ``consolidated_catalogue``): the plan and the aggregates are grouped queries over the scope's reports."""
    if catalogue is None:
        catalogue = consolidated_catalogue(period, bloc_id=bloc_id)
    headcount_id = next((i.pk for i in catalogue if i.code == HEADCOUNT_CODE), None)
    current, last = _aggregates(period, bloc_id=bloc_id, park_id=park_id, headcount_indicator_id=headcount_id)
    plan = _plan(period, bloc_id=bloc_id, park_id=park_id)
    rows = []
    for indicator in catalogue:
        row, previous = current.get(indicator.pk), last.get(indicator.pk)
        planned = plan.get(indicator.pk)
        plan_value = None
        if planned is not None and indicator.aggregation == Aggregation.WEIGHTED_AVG:
            plan_value = _number(planned["average"])
        elif planned is not None and indicator.aggregation != Aggregation.COUNT:
            plan_value = _number(planned["total"])
        rows.append(
            ConsolidatedRow(
                indicator=indicator,
                plan=plan_value,
                value=_pick(indicator, row, ytd=False),
                ytd=_pick(indicator, row, ytd=True),
                last_value=_pick(indicator, previous, ytd=False),
                last_ytd=_pick(indicator, previous, ytd=True),
                reported=row["reported"] if row else 0,
                not_applicable=row["not_applicable"] if row else 0,
            )
        )
    return rows


# ---------------------------------------------------------------------------
# The Board's status page
# ---------------------------------------------------------------------------
@dataclass
class Tally:
    members: int = 0
    not_started: int = 0
    draft: int = 0
    submitted: int = 0
    returned: int = 0
    accepted: int = 0
    waived: int = 0
    late: int = 0
    overdue: int = 0

    def add(self, status: str, *, n: int, late: int, waived: int, overdue: bool) -> None:
        self.members += n
        self.late += late
        self.waived += waived
        key = {
            ReportStatus.NOT_STARTED: "not_started",
            ReportStatus.DRAFT: "draft",
            ReportStatus.SUBMITTED: "submitted",
            ReportStatus.RETURNED: "returned",
            ReportStatus.ACCEPTED: "accepted",
            ReportStatus.LOCKED: "accepted",
        }[status]
        setattr(self, key, getattr(self, key) + n)
        if overdue and status in WAITING_STATUSES:
            self.overdue += n - waived

    def merge(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def done_percent(self) -> Decimal | None:
        return percent(self.accepted + self.submitted, self.members)


def _status_groups(period: ReportingPeriod, group: str):
    return (
        EnterpriseReport.objects.filter(period=period)
        .order_by()
        .values(group, "status")
        .annotate(
            n=Count("id"),
            late_n=Count("id", filter=Q(late=True)),
            waived_n=Count("id", filter=Q(waived=True)),
        )
    )


def period_status(period: ReportingPeriod, *, page_number=1, today: datetime.date | None = None) -> dict:
    """Every bloc's submission status for ``period`` (one page of blocs), totals per park and for the Board.

    Five queries whatever the number of blocs, members and values.
    """
    today = today or timezone.localdate()
    reviews = BlocReview.objects.filter(period=period).select_related("bloc").order_by("bloc__code", "id")
    page = paginate(reviews, page_number)
    bloc_ids = [review.bloc_id for review in page.object_list]
    by_bloc: dict[int, Tally] = defaultdict(Tally)
    deadlines = deadlines_by_bloc(period, bloc_ids)
    for row in _status_groups(period, "bloc_id").filter(bloc_id__in=bloc_ids):
        by_bloc[row["bloc_id"]].add(
            row["status"],
            n=row["n"],
            late=row["late_n"],
            waived=row["waived_n"],
            overdue=today > deadlines[row["bloc_id"]].enterprise,
        )
    blocs = []
    for review in page.object_list:
        deadline = deadlines[review.bloc_id]
        review_overdue = review.status in (
            ReviewStatus.OPEN,
            ReviewStatus.CONSOLIDATING,
            ReviewStatus.RETURNED,
        ) and (today > deadline.bloc)
        blocs.append(
            {
                "review": review,
                "tally": by_bloc[review.bloc_id],
                "deadlines": deadline,
                "overdue": review_overdue,
            }
        )
    totals = park_tallies(period)
    return {
        "page_obj": page,
        "blocs": blocs,
        "parks": totals["parks"],
        "board": totals["board"],
    }


def park_tallies(period: ReportingPeriod) -> dict:
    """The members' submission status per industrial park (``parks``: name and tally, by name) and for the
    whole Board (``board``): one grouped query."""
    parks: dict[object, dict] = {}
    board = Tally()
    for row in _status_groups(period, "enterprise__park_id").values(
        "enterprise__park_id", "enterprise__park__name", "status", "n", "late_n", "waived_n"
    ):
        key = row["enterprise__park_id"]
        entry = parks.setdefault(key, {"name": row["enterprise__park__name"], "tally": Tally()})
        entry["tally"].add(
            row["status"], n=row["n"], late=row["late_n"], waived=row["waived_n"], overdue=False
        )
    for entry in parks.values():
        board.merge(entry["tally"])
    return {"parks": sorted(parks.values(), key=lambda p: p["name"] or ""), "board": board}


def bloc_tallies(period: ReportingPeriod) -> list[tuple[BlocReview, Tally]]:
    """Every bloc's report of the period, by bloc code, with its members' submission status: two queries
    (a Board has tens of blocs; the status page pages them, the Board's report lists them all)."""
    reviews = list(
        BlocReview.objects.filter(period=period).select_related("bloc").order_by("bloc__code", "id")
    )
    by_bloc: dict[int, Tally] = defaultdict(Tally)
    for row in _status_groups(period, "bloc_id"):
        by_bloc[row["bloc_id"]].add(
            row["status"], n=row["n"], late=row["late_n"], waived=row["waived_n"], overdue=False
        )
    return [(review, by_bloc[review.bloc_id]) for review in reviews]


def board_review_of(period: ReportingPeriod) -> BoardReview | None:
    """The period's report of the Board across its blocs, if one was written."""
    return BoardReview.objects.filter(period=period).select_related("signer", "document").first()


def reports_for_export(period: ReportingPeriod) -> QuerySet[EnterpriseReport]:
    return (
        EnterpriseReport.objects.filter(period=period)
        .select_related("enterprise", "enterprise__park", "bloc")
        .order_by("bloc__code", "enterprise__name", "id")
    )


def values_for_export(period: ReportingPeriod):
    """Every value of the period as (report id, indicator id, value, ytd, not applicable), streamed."""
    return (
        IndicatorValue.objects.filter(report__period=period)
        .order_by("report_id", "indicator_id")
        .values_list("report_id", "indicator_id", "value", "ytd_value", "not_applicable")
        .iterator(chunk_size=5000)
    )


def members_of_bloc_in(period: ReportingPeriod, bloc_id: int) -> QuerySet[BlocMembership]:
    return BlocMembership.objects.filter(
        bloc_id=bloc_id, year_id=period.year_id, status=MembershipStatus.ACTIVE
    )


def active_blocs_with_members(period: ReportingPeriod) -> QuerySet[Bloc]:
    return Bloc.objects.filter(
        organization_id=period.organization_id,
        active=True,
        memberships__year_id=period.year_id,
        memberships__status=MembershipStatus.ACTIVE,
    ).distinct()


# ---------------------------------------------------------------------------
# What waits on the home page (a fixed number of queries per role)
# ---------------------------------------------------------------------------
DUE_STATUSES = (ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED)


def reviews_to_accept(board) -> int:
    """Bloc reviews submitted to the Board. One query."""
    return BlocReview.objects.filter(organization=board, status=ReviewStatus.SUBMITTED).count()


def enterprise_waiting_counts(user) -> dict[str, int]:
    """For an enterprise user, in one query over the open periods: ``review``, the submitted reports of the
    members of the blocs its enterprise leads (never its own); ``due``, its own reports still to submit
    (not waived)."""
    enterprise_id = own_enterprise_id(user)
    if enterprise_id is None:
        return {"review": 0, "due": 0}
    leads_it = Exists(
        BlocMembership.objects.filter(
            enterprise_id=enterprise_id,
            role=MembershipRole.LEADER,
            status=MembershipStatus.ACTIVE,
            bloc_id=OuterRef("bloc_id"),
            year_id=OuterRef("period__year_id"),
        )
    )
    own = Q(enterprise_id=enterprise_id)
    return EnterpriseReport.objects.filter(period__status=PeriodStatus.OPEN).aggregate(
        review=Count("pk", filter=Q(leads_it, status=ReportStatus.SUBMITTED) & ~own),
        due=Count("pk", filter=own & Q(status__in=DUE_STATUSES, waived=False)),
    )
