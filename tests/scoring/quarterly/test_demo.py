"""The demo quarters: 2025 closed with four quarters reported and reviewed for both Boards, 2026 Q1 to Q3,
plausible figures, and a second run that changes nothing."""

from decimal import Decimal
from io import StringIO

import pytest
from django.db.models import Count

from blocs.enums import YearStatus
from blocs.membership.demo import seed as seed_blocs
from blocs.models import EmulationYear
from blocs.pledges.demo import seed as seed_pledges
from scoring.quarterly.demo import seed
from scoring.quarterly.models import (
    BlocReview,
    BoardReview,
    EnterpriseReport,
    IndicatorValue,
    ReportingPeriod,
)
from thidua.accounts.demo import seed as seed_accounts

pytestmark = pytest.mark.unit


def _statuses(queryset):
    return dict(queryset.values_list("status").annotate(n=Count("id")))


def test_the_demo_covers_2025_and_2026_for_both_boards_and_runs_twice(db):
    seed_accounts(StringIO())
    seed_blocs(StringIO())
    seed_pledges([])
    seed([])
    counts = (
        ReportingPeriod.objects.count(),
        EnterpriseReport.objects.count(),
        IndicatorValue.objects.count(),
    )

    seed([])

    assert (
        ReportingPeriod.objects.count(),
        EnterpriseReport.objects.count(),
        IndicatorValue.objects.count(),
    ) == counts
    for short_code in ("BQL", "BQLKKT"):
        last = ReportingPeriod.objects.filter(organization__short_code=short_code, year__year=2025)
        assert _statuses(last) == {"CLOSED": 4}
        assert set(_statuses(EnterpriseReport.objects.filter(period__in=last))) == {"LOCKED"}
        assert set(_statuses(BlocReview.objects.filter(period__in=last))) == {"ACCEPTED"}
        this = ReportingPeriod.objects.filter(organization__short_code=short_code, year__year=2026)
        assert dict(this.values_list("kind", "status")) == {
            "Q1": "CLOSED",
            "Q2": "OPEN",
            "Q3": "OPEN",
            "Q4": "PLANNED",
        }
        assert BoardReview.objects.get(period__in=this, period__kind="Q1").status == "draft"
        q3 = _statuses(EnterpriseReport.objects.filter(period__in=this, period__kind="Q3"))
        assert {"ACCEPTED", "SUBMITTED", "RETURNED", "NOT_STARTED"} <= set(q3)
    assert EmulationYear.objects.get(organization__short_code="BQL", year=2025).status == YearStatus.CLOSED
    member_q3 = EnterpriseReport.objects.get(
        enterprise__user_links__user__email="member.tn@thidua.demo",
        period__year__year=2026,
        period__kind="Q3",
    )
    assert member_q3.status == "NOT_STARTED"
    tnbq = IndicatorValue.objects.filter(
        indicator__code="TNBQ", report__organization__short_code="BQL", value__isnull=False
    ).values_list("value", flat=True)
    assert min(tnbq) > Decimal(7)  # average income in Thanh Bình above 7 million VND a month
    budget_share = [
        (v.value, IndicatorValue.objects.get(report=v.report, indicator__code="DT").value)
        for v in IndicatorValue.objects.filter(indicator__code="NNS").select_related("report")[:20]
    ]
    assert all(nns < revenue / 10 for nns, revenue in budget_share)
