"""PDF rendering benchmark (issue 3): `make bench-pdf`.

Measures, on this machine:
- warm p50/p95 of a 2-page decision (sample "decision") and a 250-row report of ~15 pages (sample "report"),
  over RUNS renders each in one process with the shared FontConfiguration and parsed stylesheet;
- cold: a new Python process that sets Django up, imports WeasyPrint and renders the 2-page decision;
- documents per minute with one worker process, through the real pipeline (claim, render, store, hash, done);
- resident memory over 300 consecutive 2-page renders;
- p95 of the web requests of the signing workflow (they only enqueue): the officer sends a notice for
  signature (snapshot, unnumbered preview, audit, on-commit send), and the signer signs it (re-authentication
  with password and a one-time code, number, issue, audit, on-commit send). The password hasher is the test
  settings' MD5: the real PBKDF2 check adds its own cost (see docs/benchmarks.md).

Runs against a throw-away test database (SQLite file unless DATABASE_URL is set); nothing is kept.
"""

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.test_settings")
os.environ.setdefault("TEST_MEDIA_ROOT", "/tmp/thidua-bench-media")

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
RSS_RENDERS = int(os.environ.get("BENCH_RSS_RENDERS", "300"))
COLD_RUNS = 5

COLD_SCRIPT = """
import os, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {base!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.test_settings")
import django
django.setup()
from thidua.documents import rendering, samples
pdf = rendering.render_pdf(samples.build_sample_document(samples.all_samples()["decision"]()))
assert pdf.startswith(b"%PDF")
print(time.perf_counter() - t0)
"""


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def pages_of(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


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


def run(connection) -> None:
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories.accounts import TEST_PASSWORD, OrganizationFactory, staff_user
    from tests.factories.documents import NoticeFactory
    from thidua.accounts.enums import BoardRole
    from thidua.celery import app as celery_app
    from thidua.documents import queries, rendering, samples, services

    settings.DOCUMENTS_ISSUE_RATE = (10_000, 600)  # one officer asks for every document of the benchmark

    results: list[tuple[str, str]] = []

    def sample_doc(kind):
        return samples.build_sample_document(samples.all_samples()[kind]())

    # Warm: the first render in the process is measured apart.
    decision, report = sample_doc("decision"), sample_doc("report")
    start = time.perf_counter()
    first_pdf = rendering.render_pdf(decision)
    first = time.perf_counter() - start
    decision_pages = pages_of(first_pdf)
    warm2 = timed(lambda: rendering.render_pdf(decision), RUNS)
    report_pdf = rendering.render_pdf(report)
    report_pages = pages_of(report_pdf)
    warm15 = timed(lambda: rendering.render_pdf(report), RUNS)
    results += [
        (f"decision, {decision_pages} pages, first render in process", fmt_ms(first)),
        (
            f"decision, {decision_pages} pages, warm p50 / p95 (n={RUNS})",
            f"{fmt_ms(statistics.median(warm2))} / {fmt_ms(percentile(warm2, 95))}",
        ),
        (
            f"report, 250 rows, {report_pages} pages, warm p50 / p95 (n={RUNS})",
            f"{fmt_ms(statistics.median(warm15))} / {fmt_ms(percentile(warm15, 95))}",
        ),
        ("PDF sizes (decision / report)", f"{len(first_pdf) // 1024} KiB / {len(report_pdf) // 1024} KiB"),
    ]

    # Cold: a new process, Django set-up and WeasyPrint import included.
    cold, cold_inside = [], []
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", COLD_SCRIPT.format(base=str(BASE_DIR))],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        cold.append(time.perf_counter() - start)
        cold_inside.append(float(done.stdout.strip().splitlines()[-1]))
    results.append(
        (
            f"decision, cold: new process, wall time incl. interpreter start (n={COLD_RUNS}) median / max",
            f"{fmt_ms(statistics.median(cold))} / {fmt_ms(max(cold))}",
        )
    )
    results.append(
        (
            "decision, cold: inside that process, Django set-up + WeasyPrint import + first render "
            "median / max",
            f"{fmt_ms(statistics.median(cold_inside))} / {fmt_ms(max(cold_inside))}",
        )
    )

    # The pipeline with one worker: issue (queue only), then claim + render + store + hash, in turn.
    board = OrganizationFactory(name="Ban Quản lý các KCN tỉnh Thái Nguyên (bench)")
    officer = staff_user(board, BoardRole.OFFICER, full_name="Hoàng Văn Đức")
    signer = staff_user(board, BoardRole.SIGNER, full_name="Lương Văn Khởi")
    celery_app.conf.task_always_eager = False  # memory:// broker: the request only enqueues
    sample = samples.all_samples()["decision"]()
    ids = [
        services.issue_document(
            organization=board,
            kind="decision",
            doc_type="QĐ",
            title=sample.title,
            template_name=sample.template_name,
            context=sample.context,
            requested_by=officer,
            signer=sample.signer,
            recipients=sample.recipients,
        ).pk
        for _ in range(RUNS)
    ]
    start = time.perf_counter()
    for document_id in ids:
        services.render_claimed_document(document_id)
    elapsed = time.perf_counter() - start
    results.append(
        (
            f"one worker process, 2-page decisions through the pipeline (n={RUNS})",
            f"{RUNS / elapsed * 60:,.0f} documents/minute",
        )
    )

    # Memory over consecutive renders.
    marks = [rss_mib()]
    for i in range(1, RSS_RENDERS + 1):
        rendering.render_pdf(decision)
        if i % 50 == 0:
            marks.append(rss_mib())
    growth = (marks[-1] - marks[1]) / marks[1] * 100
    results.append(
        (
            f"RSS before, then every 50 of {RSS_RENDERS} 2-page renders",
            ", ".join(f"{m:.0f}" for m in marks) + " MiB",
        )
    )
    results.append(("RSS growth from render 50 to the last", f"{growth:+.1f} %"))

    # The web requests of the signing workflow: they only enqueue.
    def verified_client(user, device) -> Client:
        client = Client()
        client.force_login(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
        return client

    client = verified_client(officer, TOTPDevice.objects.create(user=officer, name="bench", confirmed=True))
    # The signer proves the second factor with backup codes: one fresh code per signature.
    backup = StaticDevice.objects.create(user=signer, name="backup", confirmed=True)
    codes = [f"bench{n:05d}" for n in range(RUNS + 5)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    signer_client = verified_client(signer, backup)
    notices = [NoticeFactory(created_by=officer, signer=signer) for _ in range(RUNS + 5)]
    submit_times, sign_times = [], []
    for index, notice in enumerate(notices):
        start = time.perf_counter()
        response = client.post(reverse("documents:notice_submit", args=[notice.pk]))
        submitted = time.perf_counter() - start
        assert response.status_code == 302, response.status_code
        signature_request = queries.signature_requests_for_owner(notice).first()
        start = time.perf_counter()
        response = signer_client.post(
            reverse("documents:signature_sign", args=[signature_request.pk]),
            {"password": TEST_PASSWORD, "otp_token": codes[index]},
        )
        signed = time.perf_counter() - start
        assert response.status_code == 302, response.status_code
        if index >= 5:  # the first requests warm up URL resolving and templates
            submit_times.append(submitted)
            sign_times.append(signed)
    results += [
        (
            f"POST send notice for signature (snapshot + preview + audit + enqueue; n={RUNS}) p50 / p95",
            f"{fmt_ms(statistics.median(submit_times))} / {fmt_ms(percentile(submit_times, 95))}",
        ),
        (
            f"POST sign (re-authentication + number + issue + audit + enqueue; n={RUNS}) p50 / p95",
            f"{fmt_ms(statistics.median(sign_times))} / {fmt_ms(percentile(sign_times, 95))}",
        ),
    ]

    print_report(results, connection.vendor)


def print_report(results, vendor) -> None:
    import celery
    import django
    import weasyprint

    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.rstrip()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    print("| Measure | Result |\n|---|---|")
    for name, value in results:
        print(f"| {name} | {value} |")
    print()
    print(
        f"Machine: nproc={os.cpu_count()}, {cpu}; Python {platform.python_version()}, Django "
        f"{django.get_version()}, WeasyPrint {weasyprint.__version__}, Celery {celery.__version__}, "
        f"database {vendor}; fonts Liberation Serif (static/fonts)."
    )
    print("free -h:\n" + free)


if __name__ == "__main__":
    main()
