"""Load benchmark of the blocs pages at national scale (issue 4), on PostgreSQL, loopback only.

    createdb -h 127.0.0.1 -U postgres thidua_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench
    DEBUG=1 .venv/bin/python manage.py migrate && .venv/bin/python bench/generate.py
    .venv/bin/python bench/load.py [--workers 4] [--duration 15]

Starts gunicorn on 127.0.0.1:8011 with ``bench.settings`` (production settings plus a baseline view), signs a
Board officer in with a real session that passed 2FA, and runs wrk at 10 and 50 connections against each
target. Prints a Markdown table (req/s, p50/p90/p99, errors, ratio to the baseline).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from blocs.models import Enterprise  # noqa: E402
from thidua.accounts.enums import BoardRole  # noqa: E402
from thidua.accounts.models import BoardMembership, Organization, User  # noqa: E402
from thidua.pagination import PAGE_SIZE  # noqa: E402

HOST = "127.0.0.1:8011"
LUA = """
math.randomseed(42)
local pages = %(pages)d
local paths = {%(paths)s}
request = function()
  local p = paths[math.random(#paths)]
  return wrk.format("GET", (p:gsub("PAGE", tostring(math.random(pages)))))
end
"""


def officer_session() -> tuple[str, Organization]:
    """A session of a Board officer that has passed 2FA, built the way django.contrib.auth.login does."""
    board = Organization.objects.filter(name__endswith=" (bench)").order_by("id").first()
    if board is None:
        sys.exit("Run bench/generate.py first.")
    user, _ = User.objects.get_or_create(
        email="bench.officer@example.vn", defaults={"full_name": "Chuyên Viên Bench", "organization": board}
    )
    BoardMembership.objects.get_or_create(user=user, organization=board, role=BoardRole.OFFICER)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session["otp_device_id"] = device.persistent_id
    session.set_expiry(3600)
    session.save()
    return session.session_key, board


def wait_ready(cookie: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            req = urllib.request.Request(f"http://{HOST}/bench/baseline/", headers={"Cookie": cookie})
            with urllib.request.urlopen(req, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    sys.exit("gunicorn did not answer in time")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def check(path: str, cookie: str) -> None:
    """The page must answer 200 itself: a redirect (to sign-in or 2FA) would make wrk measure the wrong page."""
    req = urllib.request.Request(f"http://{HOST}{path.replace('PAGE', '1')}", headers={"Cookie": cookie})
    try:
        with urllib.request.build_opener(NoRedirect).open(req, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != 200:
        sys.exit(f"{path}: HTTP {status} instead of 200")


def to_ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def run_wrk(script: Path, cookie: str, conns: int, duration: int) -> dict:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{conns}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            str(script),
            "-H",
            f"Cookie: {cookie}",
            f"http://{HOST}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    )
    text = out.stdout
    pct = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", text, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": to_ms(pct["50"]),
        "p90": to_ms(pct["90"]),
        "p99": to_ms(pct["99"]),
        "errors": errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--conns", default="10,50")
    args = parser.parse_args()

    session_key, board = officer_session()
    cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"
    enterprises = Enterprise.objects.filter(organization=board)
    pages = max(1, -(-enterprises.count() // PAGE_SIZE))
    detail_ids = list(enterprises.order_by("id").values_list("id", flat=True)[:200])
    targets = {
        "baseline (same page query, no template)": ['"/bench/baseline/?page=PAGE"'],
        "enterprise list, random page": ['"/blocs/enterprises/?page=PAGE"'],
        "enterprise list, search “hong ngoc”": ['"/blocs/enterprises/?q=hong+ngoc&page=1"'],
        "enterprise detail": [f'"/blocs/enterprises/{pk}/"' for pk in detail_ids],
        "participation statistics": ['"/blocs/statistics/"'],
    }
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-w",
            str(args.workers),
            "-b",
            HOST,
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
            "thidua.wsgi",
        ],
        cwd=ROOT,
        env=env,
    )
    results = []
    try:
        wait_ready(cookie, time.monotonic() + 30)
        with tempfile.TemporaryDirectory() as tmp:
            for label, paths in targets.items():
                check(paths[0].strip('"'), cookie)
                script = Path(tmp) / "rand.lua"
                script.write_text(LUA % {"pages": pages, "paths": ", ".join(paths)})
                for conns in (int(c) for c in args.conns.split(",")):
                    results.append((label, conns, run_wrk(script, cookie, conns, args.duration)))
                    print(label, conns, results[-1][2], file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)

    base = {conns: r["rps"] for label, conns, r in results if label.startswith("baseline")}
    print("| Page | conns | req/s | p50 | p90 | p99 | errors | req/s vs baseline |")
    print("|---|---|---|---|---|---|---|---|")
    for label, conns, r in results:
        print(
            f"| {label} | {conns} | {r['rps']:.0f} | {r['p50']:.0f} ms | {r['p90']:.0f} ms | {r['p99']:.0f} ms "
            f"| {r['errors']} | {r['rps'] / base[conns]:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
