"""The UI shell: Content Security Policy, no inline script or style in templates, styled error pages."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import path

from tests.factories.accounts import UserFactory
from thidua.urls import urlpatterns as project_urlpatterns

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [ROOT / "templates", *(ROOT / app / "templates" for app in ("blocs", "scoring", "awards"))]
TEMPLATE_DIRS += sorted((ROOT / "thidua").glob("*/templates"))

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"=\s*[\"']\s*javascript:", re.IGNORECASE)


# --- a view that fails, for the 500 page --------------------------------------------------------------


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [*project_urlpatterns, path("test-boom/", boom)]
handler403 = "thidua.views.error_403"
handler404 = "thidua.views.error_404"
handler500 = "thidua.views.error_500"


# --- Content Security Policy ------------------------------------------------------------------------


def test_login_page_has_a_strict_csp(db, client):
    response = client.get("/accounts/login/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_signed_in_pages_have_the_csp(world, client_for):
    client = client_for(world.a.admin)

    for url in ("/", "/board/", "/board/staff/", "/audit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "unsafe-inline" not in response["Content-Security-Policy"], url
        assert "script-src 'self'" in response["Content-Security-Policy"], url


def test_security_headers_on_pages(db, client):
    response = client.get("/accounts/login/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


# --- templates are CSP-clean --------------------------------------------------------------------------


def template_files() -> list[Path]:
    return sorted(file for folder in TEMPLATE_DIRS if folder.is_dir() for file in folder.rglob("*.html"))


@pytest.mark.parametrize(
    ("pattern", "what"),
    [
        (INLINE_SCRIPT, "inline <script>"),
        (STYLE_ATTRIBUTE, 'style="" attribute'),
        (STYLE_ELEMENT, "<style> element"),
        (EVENT_HANDLER, "on*= event handler attribute"),
        (JAVASCRIPT_URL, "javascript: URL"),
    ],
)
def test_no_template_needs_unsafe_inline(pattern, what):
    offences = [
        f"{file.relative_to(ROOT)}:{number}: {line.strip()}"
        for file in template_files()
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]

    assert template_files()
    assert offences == [], f"{what} found"


def test_the_template_lint_catches_offences():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/js/app.js" defer></script>')
    assert STYLE_ATTRIBUTE.search('<div style="color: red">')
    assert EVENT_HANDLER.search('<button onclick="go()">')
    assert not EVENT_HANDLER.search('<button hx-on:click="x" data-confirm="Sure?">')
    assert JAVASCRIPT_URL.search('<a href="javascript:void(0)">')


# --- tables on a phone ---------------------------------------------------------------------------------
# A table scrolls inside its own box on a 390 px phone (never the page), and that box can be reached with the
# keyboard to scroll it (axe: scrollable-region-focusable). The crawl in tests/e2e/test_every_page.py checks
# the pages it reaches; this checks the templates of the pages it may not (PDF and e-mail templates aside).
SCREEN_TABLE = re.compile(r"<table\b")
TABLE_BOX = '<div class="table-responsive'


def screen_template_files() -> list[Path]:
    return [file for file in template_files() if not {"pdf", "emails"} & set(file.relative_to(ROOT).parts)]


def test_every_table_scrolls_in_a_focusable_box_of_its_own():
    offences = []
    for file in screen_template_files():
        lines = file.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if SCREEN_TABLE.search(line):
                box = lines[number - 2] if number > 1 else ""
                if TABLE_BOX not in box or 'tabindex="0"' not in box:
                    offences.append(f"{file.relative_to(ROOT)}:{number}: {line.strip()[:80]}")

    assert offences == [], 'wrap each table in <div class="table-responsive" tabindex="0">'


# --- styled error pages -------------------------------------------------------------------------------


def test_403_is_the_styled_page(world, client_for):
    response = client_for(world.a.officer).get("/board/staff/")

    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    assert '<div class="error-code">403</div>' in response.content.decode()


def test_404_is_the_styled_page(world, client_for):
    response = client_for(world.a.officer).get("/no-such-page/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert '<div class="error-code">404</div>' in response.content.decode()


def test_unknown_page_for_anonymous_visitor_is_the_styled_404(db, client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert '<div class="error-code">404</div>' in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_failing_view_renders_500_html(db, client):
    client.raise_request_exception = False
    client.force_login(UserFactory())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get("/test-boom/")

    assert response.status_code == 500
    assert "500.html" in [t.name for t in response.templates]
    assert '<div class="error-code">500</div>' in response.content.decode()
    assert "Something went wrong on our side" in response.content.decode()
    assert "unsafe-inline" not in response["Content-Security-Policy"]
