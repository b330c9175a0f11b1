"""Measure the quarterly reads on the national data set of ``bench/generate.py`` (issue 12).

For a bench Board: the bloc review's consolidated table and members' table (the largest bloc), the Board's
status page and its consolidated table, for 2026 Q3 (in progress) and 2025 Q4 (locked); then the pages
themselves through Django's test client, signed in as a Board officer who passed the second factor. Every
SQL statement's time is captured (warm runs), and the slowest statement of each read is reported.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench .venv/bin/python bench/quarterly.py [--runs 20]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from scoring.quarterly import documents, queries  # noqa: E402
from scoring.quarterly.models import (  # noqa: E402
    BlocReview,
    BoardReview,
    EnterpriseReport,
    IndicatorValue,
    ReportingPeriod,
)
from thidua.accounts.enums import BoardRole  # noqa: E402
from thidua.accounts.models import BoardMembership, User  # noqa: E402
from thidua.accounts.session_refresh import REFRESHED_KEY  # noqa: E402

MARK = " (bench)"


def measure(label: str, call, runs: int) -> dict:
    """Run ``call`` once to warm up, then ``runs`` times; the per-run wall time and every statement's time."""
    call()
    walls, statements, counts = [], [], set()
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            call()
            walls.append((time.perf_counter() - started) * 1000)
        counts.add(len(captured.captured_queries))
        statements += [float(q["time"]) * 1000 for q in captured.captured_queries]
    row = {
        "label": label,
        "queries": "/".join(str(n) for n in sorted(counts)),
        "wall_p50": statistics.median(walls),
        "wall_max": max(walls),
        "slowest_statement": max(statements) if statements else 0.0,
    }
    print(
        f"| {label} | {row['queries']} | {row['wall_p50']:.1f} ms | {row['wall_max']:.1f} ms "
        f"| {row['slowest_statement']:.1f} ms |"
    )
    return row


def officer_client(board) -> Client:
    user, _created = User.objects.get_or_create(
        email="bench.officer@example.invalid", defaults={"full_name": "Bench officer", "organization": board}
    )
    BoardMembership.objects.get_or_create(
        user=user, role=BoardRole.OFFICER, defaults={"organization": board, "title": "Chuyên viên"}
    )
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session[REFRESHED_KEY] = int(time.time())
    session.save()
    return client


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    period = (
        ReportingPeriod.objects.filter(organization__name__endswith=MARK, year__year=2026, kind="Q3")
        .select_related("year", "organization")
        .order_by("organization__name")
        .first()
    )
    if period is None:
        print("No bench data: run bench/generate.py first.", file=sys.stderr)
        return 1
    closed = ReportingPeriod.objects.select_related("year").get(
        organization=period.organization, year__year=2025, kind="Q4"
    )
    print(
        f"{IndicatorValue.objects.count():,} values, {EnterpriseReport.objects.count():,} reports in the "
        f"database; Board: {period.organization.name}"
    )
    print("| Read | SQL statements | wall p50 | wall max | slowest statement |")
    print("|---|---|---|---|---|")
    for current in (period, closed):
        bloc_id = (
            EnterpriseReport.objects.filter(period=current)
            .values("bloc_id")
            .annotate(n=Count("id"))
            .order_by("-n")
            .values_list("bloc_id", flat=True)
            .first()
        )
        review = BlocReview.objects.select_related("period__year", "bloc").get(
            period=current, bloc_id=bloc_id
        )
        members = EnterpriseReport.objects.filter(period=current, bloc_id=bloc_id).count()
        name = f"{current.kind} {current.year.year}"

        def bloc_table(current=current, bloc_id=bloc_id):
            catalogue = queries.consolidated_catalogue(current, bloc_id=bloc_id)
            return queries.consolidated_table(current, bloc_id=bloc_id, catalogue=catalogue)

        def members_table(current=current, bloc_id=bloc_id, review=review):
            indicators = queries.headline_indicators(queries.consolidated_catalogue(current, bloc_id=bloc_id))
            return queries.members_table(review, indicators)

        measure(f"bloc's consolidated table, {name} ({members} members)", bloc_table, args.runs)
        measure(f"bloc's members' table, {name}", members_table, args.runs)
        measure(
            f"Board's status page data, {name}",
            lambda current=current: queries.period_status(current),
            args.runs,
        )
        measure(
            f"Board's consolidated table, {name}",
            lambda current=current: queries.consolidated_table(current),
            args.runs,
        )
        measure(
            f"Board's report data (every bloc, every park, the Board's table), {name}",
            lambda current=current: documents.board_review_data(
                BoardReview(organization=current.organization, period=current, results_text="Đánh giá.")
            ),
            args.runs,
        )
        client = officer_client(current.organization)
        for url_name, pk in (
            ("period_status", current.pk),
            ("period_summary", current.pk),
            ("review_detail", review.pk),
        ):
            url = reverse(f"scoring:{url_name}", args=[pk])
            measure(
                f"page {url_name}, {name} (HTTP, Board officer)",
                lambda url=url, client=client: (
                    client.get(url).status_code == 200 or sys.exit(f"{url} failed")
                ),
                args.runs,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
