"""Browser journeys: Playwright (Python, sync API) driving Debian's Chromium against pytest-django's live_server.

Fixtures for every journey:
- ``browser``: one Chromium for the whole session (never downloaded: ``/usr/bin/chromium``);
- ``page``: a fresh context and page per test (desktop viewport); ``page.console_errors`` collects the
  console messages of type error (CSP violations show up there) and uncaught page errors, and
  ``page.bad_responses`` every response with a status of 400 or more (``"404 http://…"``); every confirmation
  dialog (``data-confirm``) is accepted and its question kept in ``page.confirmations``;
- ``phone_page``: the same at a phone viewport (390 x 844);
- ``new_page(**context_options)``: more pages/contexts inside one test (two people at once);
- ``login(page, live_server, email, password, totp_device=None)``: signs in and passes the 2FA step.

Journeys need committed data: ``live_server`` makes the test transactional, so ``world`` and factories work.
"""

import base64
import os
import re
import shutil
from collections.abc import Callable, Iterator

import pytest
from django.core.servers.basehttp import WSGIServer
from django_otp.oath import TOTP
from pytest_django.live_server_helper import LiveServer

from tests.factories.accounts import TEST_PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test are still sync.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    """Every test in tests/e2e is an e2e test, whether or not its module says so."""
    for item in items:
        if "/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


class SerialWSGIServer(WSGIServer):
    """One request at a time (``Connection: close``): what in-memory SQLite can serve safely."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server; on in-memory SQLite it serves requests one after the other.

    The test database's single connection is shared with the server thread; with the default threaded
    server, the page's parallel requests (htmx polling next to a form post) then fail with
    "database is locked". PostgreSQL keeps the threaded server.
    """
    addr = (
        request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    )
    server = LiveServer(addr, start=False)
    if server.thread.connections_override:
        server.thread.server_class = SerialWSGIServer
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()
    playwright.stop()


def _open_page(browser, **context_options):
    options = {"viewport": DESKTOP, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}
    options.update(context_options)
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(f"pageerror: {error}"))
    # Irreversible actions ask first (data-confirm): the person confirms, and the question is kept to assert on.
    page.confirmations = []
    page.on("dialog", lambda dialog: (page.confirmations.append(dialog.message), dialog.accept()))
    page.bad_responses = []
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and page.bad_responses.append(f"{response.status} {response.url}")
        ),
    )
    return context, page


@pytest.fixture
def new_page(browser) -> Iterator[Callable]:
    contexts = []

    def factory(**context_options):
        context, page = _open_page(browser, **context_options)
        contexts.append(context)
        return page

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def phone_page(new_page):
    return new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


def totp_code(device) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def totp_code_from_secret(secret_base32: str) -> str:
    padded = secret_base32 + "=" * (-len(secret_base32) % 8)
    return f"{TOTP(base64.b32decode(padded)).token():06d}"


def submit_and_wait(page, selector: str = "main form button[type=submit]") -> None:
    """Submit a form and wait until the answer (after any redirects) is the page shown: checking the page
    right after ``click`` could still see the old one."""
    with page.expect_navigation():
        page.click(selector)


def login(page, live_server, email: str, password: str = TEST_PASSWORD, totp_device=None) -> None:
    """Sign in through the form; pass the 2FA step with ``totp_device``'s current code, or enrol a new app
    from the secret the enrolment page shows (then continue past the backup codes)."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    submit_and_wait(page)
    if "/accounts/2fa/" not in page.url:
        return
    secret = page.locator("[data-testid=totp-secret]")
    if secret.count():
        code = totp_code_from_secret(secret.inner_text().strip())
    else:
        assert totp_device is not None, "this user has a confirmed device: pass totp_device="
        code = totp_code(totp_device)
    page.fill("input[name=token]", code)
    submit_and_wait(page)
    if page.locator("[data-testid=backup-codes]").count():
        with page.expect_navigation():
            page.click("a.btn-primary")
    assert "/accounts/2fa/" not in page.url, f"2FA step not passed: {page.url}\n{page.inner_text('main')}"
    assert not re.search(r"/accounts/login/", page.url), f"still on the login page: {page.url}"
