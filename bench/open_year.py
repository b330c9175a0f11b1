"""Opening a year for a national Board: `make bench-open-year` (issue 8).

One Board with 1,500 blocs and 15,000 member enterprises in the closed year 2025 (10 per bloc: a leader, a
deputy and 8 members; every bloc with a confirmed regulation, a third of them allowing the leader a second
term), then ``open_year(2026, copy_from=2025)`` as the Board's officer: every active membership copied with
next term's roles (the leader rotates, the deputy takes over), one audit event. Measures the wall time and
the number of SQL queries of each run; each run is rolled back so that the next opens the same year again.

Runs against a throw-away test database (SQLite file unless DATABASE_URL is set); nothing is kept.
"""

import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.test_settings")

BLOCS = int(os.environ.get("BENCH_OPEN_YEAR_BLOCS", "1500"))
MEMBERS_PER_BLOC = 10
RUNS = int(os.environ.get("BENCH_OPEN_YEAR_RUNS", "5"))


def main() -> None:
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(connection)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def national_board():
    """The Board, its officer and the closed year 2025 with BLOCS blocs of MEMBERS_PER_BLOC members."""
    from blocs.enums import MembershipRole, RegulationStatus, YearStatus
    from blocs.membership.models import Bloc, BlocMembership, BlocRegulation, EmulationYear
    from blocs.register.models import Enterprise
    from blocs.validators import with_check_digit
    from tests.factories.accounts import OrganizationFactory, staff_user
    from thidua.accounts.enums import BoardRole

    board = OrganizationFactory(name="Ban Quản lý các KCN tỉnh Bắc Ninh")
    officer = staff_user(board, BoardRole.OFFICER, full_name="Hoàng Văn Đức")
    year = EmulationYear.objects.create(organization=board, year=2025, status=YearStatus.CLOSED)
    codes = []
    serial = 0
    while len(codes) < BLOCS * MEMBERS_PER_BLOC:
        serial += 1
        if (code := with_check_digit(f"23{serial:07d}")) is not None:
            codes.append(code)
    enterprises = Enterprise.objects.bulk_create(
        [
            Enterprise(
                organization=board, tax_code=code, name=f"Công ty TNHH Bắc Ninh số {i + 1}", search_name=""
            )
            for i, code in enumerate(codes)
        ],
        batch_size=2000,
    )
    blocs = Bloc.objects.bulk_create(
        [Bloc(organization=board, code=f"KTĐ{i + 1}", name=f"Khối thi đua số {i + 1}") for i in range(BLOCS)],
        batch_size=2000,
    )
    BlocRegulation.objects.bulk_create(
        [
            BlocRegulation(
                bloc=bloc,
                version=1,
                status=RegulationStatus.CONFIRMED,
                adopted_on=datetime.date(2025, 1, 15),
                leader_consecutive_terms_allowed=i % 3 == 0,
            )
            for i, bloc in enumerate(blocs)
        ],
        batch_size=2000,
    )
    roles = [MembershipRole.LEADER, MembershipRole.DEPUTY] + [MembershipRole.MEMBER] * (MEMBERS_PER_BLOC - 2)
    BlocMembership.objects.bulk_create(
        [
            BlocMembership(
                bloc=bloc,
                enterprise=enterprises[b * MEMBERS_PER_BLOC + m],
                year=year,
                role=roles[m],
                valid_from=datetime.date(2025, 1, 1),
                valid_to=datetime.date(2025, 12, 31),
            )
            for b, bloc in enumerate(blocs)
            for m in range(MEMBERS_PER_BLOC)
        ],
        batch_size=2000,
    )
    return board, officer, year


def run(connection) -> None:
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from blocs.enums import MembershipRole
    from blocs.membership.models import BlocMembership
    from blocs.membership.services import open_year

    started = time.perf_counter()
    board, officer, last_year = national_board()
    print(
        f"data: {BLOCS:,} blocs, {BLOCS * MEMBERS_PER_BLOC:,} memberships in 2025 "
        f"({time.perf_counter() - started:.1f} s to write)"
    )
    seconds, queries = [], []
    for _ in range(RUNS):
        with transaction.atomic():
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                new = open_year(organization=board, year=2026, opened_by=officer, copy_from=last_year)
                seconds.append(time.perf_counter() - began)
            queries.append(len(captured.captured_queries))
            copied = BlocMembership.objects.filter(year=new)
            leaders = copied.filter(role=MembershipRole.LEADER).count()
            total = copied.count()
            transaction.set_rollback(True)
    engine = f"PostgreSQL {connection.pg_version // 10000}" if connection.vendor == "postgresql" else "SQLite"
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {engine}")
    print(f"open_year(2026, copy_from=2025), n={RUNS}: median {statistics.median(seconds) * 1000:,.0f} ms, "
          f"min {min(seconds) * 1000:,.0f} ms, max {max(seconds) * 1000:,.0f} ms")
    print(f"queries per opening: {sorted(set(queries))}; copied {total:,} memberships, {leaders:,} leaders")


if __name__ == "__main__":
    main()
