"""Enterprise Excel import benchmark: `make bench-import`.

Builds a workbook of BENCH_IMPORT_ROWS enterprise rows (15,000 by default: a large province's whole register),
then, as a Board officer through the real screens, uploads it, opens the preview (the workbook is parsed and
every row checked) and commits it (parsed again, bulk insert, one audit event). Prints the wall time of each
step and the memory it took:

- the process's peak resident set (VmHWM) after the timed run;
- the peak of Python allocations during upload + preview + commit, measured on a second, separate run under
  tracemalloc (which slows Python down, so that run is not timed).

Runs against a throw-away test database (SQLite file unless DATABASE_URL is set); nothing is kept.
"""

import os
import platform
import sys
import time
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.test_settings")
os.environ.setdefault("TEST_MEDIA_ROOT", "/tmp/thidua-bench-media")

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "15000"))


def status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def mib(kib: float) -> str:
    return f"{kib / 1024:,.0f} MiB"


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


def signed_in_officer(board_name: str, park_code: str):
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories.accounts import OrganizationFactory, staff_user
    from tests.factories.blocs import IndustrialParkFactory
    from thidua.accounts.enums import BoardRole

    board = OrganizationFactory(name=board_name)
    IndustrialParkFactory(organization=board, code=park_code, name=f"KCN {park_code}")
    officer = staff_user(board, BoardRole.OFFICER, full_name="Hoàng Văn Đức")
    client = Client()
    client.force_login(officer)
    device = TOTPDevice.objects.create(user=officer, name="bench", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return board, client


def import_workbook(client, content: bytes) -> dict[str, float]:
    """Upload, preview and commit through the screens; the seconds each step took."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    steps = {}
    start = time.perf_counter()
    upload = SimpleUploadedFile("doanh-nghiep.xlsx", content, content_type="application/octet-stream")
    response = client.post(reverse("register:enterprise_import"), {"file": upload})
    assert response.status_code == 302, response.status_code
    url = response["Location"]
    steps["upload (size and type checks, file stored)"] = time.perf_counter() - start

    start = time.perf_counter()
    preview = client.get(url)
    parsed = preview.context["parsed"]
    assert preview.status_code == 200 and not parsed.file_error and not parsed.errors, (
        "the workbook has errors"
    )
    steps["preview (parse and check every row)"] = time.perf_counter() - start

    start = time.perf_counter()
    response = client.post(url + "commit/")
    assert response.status_code == 200, response.status_code
    steps["commit (parse again, bulk insert, audit)"] = time.perf_counter() - start
    return steps


def run(connection) -> None:
    from blocs.models import Enterprise
    from tests.blocs.xlsx import row, xlsx_bytes
    from tests.factories.blocs import valid_tax_code

    start = time.perf_counter()
    rows = [row(valid_tax_code(n), f"Công ty TNHH Số {n}", park="TB") for n in range(1, ROWS + 1)]
    content = xlsx_bytes(rows)
    built = time.perf_counter() - start
    rss_before = status_kib("VmRSS")

    # Timed run.
    board, client = signed_in_officer("Ban Quản lý các KCN (bench, timed)", "TB")
    steps = import_workbook(client, content)
    assert Enterprise.objects.filter(organization=board).count() == ROWS
    peak_rss = status_kib("VmHWM")

    # Memory run: the same import into another Board, under tracemalloc.
    board, client = signed_in_officer("Ban Quản lý các KCN (bench, memory)", "TB")
    tracemalloc.start()
    import_workbook(client, content)
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert Enterprise.objects.filter(organization=board).count() == ROWS

    total = sum(steps.values())
    print(f"| Enterprise import, {ROWS:,} rows ({len(content) / 1024:,.0f} KiB workbook) | Result |")
    print("|---|---|")
    print(f"| build the workbook (not part of the import) | {built:.1f} s |")
    for name, seconds in steps.items():
        print(f"| {name} | {seconds:.1f} s |")
    print(f"| upload + preview + commit | **{total:.1f} s** |")
    print(
        f"| process peak RSS (VmHWM) after the timed run; RSS before the import | {mib(peak_rss)}; "
        f"{mib(rss_before)} |"
    )
    print(
        f"| peak Python allocations during upload + preview + commit (tracemalloc) | "
        f"{mib(traced_peak / 1024)} |"
    )
    print()
    print(
        f"Machine: nproc={os.cpu_count()}; Python {platform.python_version()}, database {connection.vendor}; "
        f"load average {os.getloadavg()[0]:.1f} at the end."
    )


if __name__ == "__main__":
    main()
