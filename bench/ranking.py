"""Measure the ranking (issue 13): one bloc's ranking recomputed, and every bloc of a national year.

Builds its own data set in the database it is given (a bench Board "Bench ranking" with 1,500 blocs of 10
members, 15,000 final year-end scorecards on the default 100-point table: 24 criteria, 360,000 scores), once;
then measures, warm:

- ``ranked_rows`` for one bloc (the SQL ranking: totals with group caps, RANK over the tie-breaks, bands);
- ``compute_ranking`` for one bloc (the query plus rewriting the bloc's 10 rows, in a transaction);
- ``ranked_rows`` for every bloc of the year at once (15,000 rows).

    createdb thidua_bench_ranking && DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench_ranking \\
        .venv/bin/python manage.py migrate && DATABASE_URL=... .venv/bin/python bench/ranking.py [--runs 20]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from blocs.models import Bloc, EmulationYear, Enterprise  # noqa: E402
from scoring.criteria.services import adopt_set, create_default_set  # noqa: E402
from scoring.ranking.enums import ScorecardStatus, ScoringPeriod  # noqa: E402
from scoring.ranking.models import Scorecard  # noqa: E402
from scoring.ranking.queries import policy_for, ranked_rows  # noqa: E402
from scoring.ranking.services.rankings import compute_ranking  # noqa: E402
from thidua.accounts.models import Organization, User  # noqa: E402

BLOCS, MEMBERS = 1500, 10
BOARD = "Bench ranking"

ENTRIES_SQL = """
INSERT INTO scoring_scoreentry (scorecard_id, criterion_id, self_value, cross_value, verified_value,
                                self_note, explanation, measure)
SELECT s.id, c.id,
       CASE c.kind WHEN 'NORMAL' THEN round((c.max_points * (0.6 + 0.4 * random()))::numeric, 1)
                   WHEN 'BONUS' THEN round((c.max_points * random())::numeric, 0)
                   WHEN 'DEDUCTION' THEN CASE WHEN random() < 0.2 THEN LEAST(c.max_points, 2) ELSE 0 END
                   ELSE CASE WHEN random() < 0.02 THEN 1 ELSE 0 END END,
       NULL, NULL, '', '', NULL
FROM scoring_scorecard s
JOIN scoring_criterion c ON c.group_id IN (SELECT id FROM scoring_criteriagroup WHERE criteria_set_id = s.criteria_set_id)
WHERE s.year_id = %(year)s
"""


def build() -> EmulationYear:
    board, _created = Organization.objects.get_or_create(
        name=BOARD,
        defaults={
            "parent_body_line": "UBND TỈNH BENCH",
            "issuing_body_line": "BAN QUẢN LÝ BENCH",
            "short_code": "BENCH",
            "place_name": "Bench",
        },
    )
    year, _ = EmulationYear.objects.get_or_create(organization=board, year=2025)
    if Scorecard.objects.filter(year=year).exists():
        return year
    started = time.perf_counter()
    user, _ = User.objects.get_or_create(
        email="bench.ranking@example.invalid", defaults={"full_name": "Bench", "organization": board}
    )
    criteria_set = create_default_set(year=year, created_by=user)
    adopt_set(criteria_set=criteria_set, adopted_on=year.opened_at.date(), note="Bench", adopted_by=user)
    blocs = Bloc.objects.bulk_create(
        Bloc(organization=board, code=f"B{n:04d}", name=f"Khối bench {n}") for n in range(BLOCS)
    )
    enterprises = Enterprise.objects.bulk_create(
        Enterprise(
            organization=board, tax_code=f"9{n:09d}", name=f"Doanh nghiệp bench {n}", search_name=f"bench {n}"
        )
        for n in range(BLOCS * MEMBERS)
    )
    Scorecard.objects.bulk_create(
        Scorecard(
            organization=board,
            year=year,
            period=ScoringPeriod.YEAR_END,
            bloc=blocs[n // MEMBERS],
            enterprise=enterprise,
            criteria_set=criteria_set,
            status=ScorecardStatus.FINAL,
            completion_pct=90 + n % 20,
            women_share=30 + n % 40,
            registered_in_pledge=True,
        )
        for n, enterprise in enumerate(enterprises)
    )
    with connection.cursor() as cursor:
        cursor.execute(ENTRIES_SQL, {"year": year.pk})
        cursor.execute("ANALYZE scoring_scoreentry; ANALYZE scoring_scorecard;")
    print(f"built {BLOCS} blocs, {BLOCS * MEMBERS} scorecards in {time.perf_counter() - started:.1f} s")
    return year


def timed(call, runs: int) -> tuple[float, float]:
    call()
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        walls.append((time.perf_counter() - started) * 1000)
    return statistics.median(walls), max(walls)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    year = build()
    policy = policy_for(year)
    bloc = Bloc.objects.filter(organization=year.organization).order_by("code")[BLOCS // 2]
    user = User.objects.get(email="bench.ranking@example.invalid")

    def one_bloc_compute():
        with transaction.atomic():
            compute_ranking(bloc=bloc, year=year, period=ScoringPeriod.YEAR_END, computed_by=user)

    results = [
        (
            "ranked_rows, one bloc (10 members)",
            *timed(
                lambda: ranked_rows(year=year, period=ScoringPeriod.YEAR_END, policy=policy, bloc_id=bloc.pk),
                args.runs,
            ),
        ),
        ("compute_ranking, one bloc (query + 10 rows written + audit)", *timed(one_bloc_compute, args.runs)),
        (
            "ranked_rows, every bloc (1,500 blocs, 15,000 members)",
            *timed(
                lambda: ranked_rows(year=year, period=ScoringPeriod.YEAR_END, policy=policy),
                max(3, args.runs // 5),
            ),
        ),
    ]
    rows = len(ranked_rows(year=year, period=ScoringPeriod.YEAR_END, policy=policy))
    print("| measure | p50 | max |\n| --- | --- | --- |")
    for label, p50, worst in results:
        print(f"| {label} | {p50:.1f} ms | {worst:.1f} ms |")
    print(f"({rows} ranked rows)")


if __name__ == "__main__":
    main()
