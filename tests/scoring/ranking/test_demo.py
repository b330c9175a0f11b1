"""The demo scoring: 2025 scored, published, contested once and locked for both Boards, 2026 mid-year scored;
a second run changes nothing."""

from io import StringIO

import pytest

from blocs.enums import YearStatus
from blocs.membership.demo import seed as seed_blocs
from blocs.models import EmulationYear
from blocs.pledges.demo import seed as seed_pledges
from scoring.quarterly.demo import seed as seed_quarterly
from scoring.ranking.demo import seed
from scoring.ranking.enums import RankingStatus, ScorecardStatus
from scoring.ranking.models import Objection, Ranking, Scorecard
from thidua.accounts.demo import seed as seed_accounts

pytestmark = pytest.mark.unit


def test_the_demo_scores_2025_and_2026_for_both_boards_and_runs_twice(db, django_capture_on_commit_callbacks):
    seed_accounts(StringIO())
    seed_blocs(StringIO())
    seed_pledges([])
    seed_quarterly([])
    with django_capture_on_commit_callbacks():
        seed([])
    counts = (Scorecard.objects.count(), Ranking.objects.count())

    seed([])

    assert (Scorecard.objects.count(), Ranking.objects.count()) == counts
    for short_code in ("BQL", "BQLKKT"):
        last = Ranking.objects.filter(organization__short_code=short_code, year__year=2025)
        assert last.exists() and set(last.values_list("status", flat=True)) == {RankingStatus.LOCKED}
        assert all(r.document_id and r.locked_fingerprint for r in last)
        assert Objection.objects.filter(ranking__in=last, status="ACCEPTED").count() == last.count()
        this = Ranking.objects.filter(organization__short_code=short_code, year__year=2026)
        assert set(this.values_list("status", flat=True)) == {RankingStatus.DRAFT}
        assert set(
            Scorecard.objects.filter(organization__short_code=short_code).values_list("status", flat=True)
        ) == {ScorecardStatus.FINAL}
        assert (
            EmulationYear.objects.get(organization__short_code=short_code, year=2025).status
            == YearStatus.CLOSED
        )
    vetoed = Scorecard.objects.filter(year__year=2025, vetoed=True)
    assert [r["code"] for card in vetoed for r in card.veto_reasons] == ["DISCIPLINE"] * vetoed.count()
    assert vetoed.count() == 2  # one member under inspection in the first bloc of each Board
