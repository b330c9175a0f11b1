"""Every page each demo role reaches: it fits a 390 px phone and axe-core finds nothing critical or serious.

One crawl serves both checks (issue 11, items 7 and 8). The demo data is loaded as ``make run`` loads it; each
role signs in on a phone-sized Chromium page and follows the same-site links from its home page, breadth first,
GET only. Pages with the same shape (the path with its ids replaced, the names of its query parameters) are
visited at most ``PER_SHAPE`` times, and at most ``PAGES_PER_ROLE`` pages per role, so the crawl stays bounded
as the portal grows. On each page:

- ``document.documentElement.scrollWidth`` must not exceed the phone's 390 px (the page does not scroll
  sideways: long hashes and tables wrap or scroll inside their own box). Not ``innerWidth``: on a phone
  Chromium zooms out to show a page that is too wide, and ``innerWidth`` grows with it;
- axe-core (vendored in ``static/vendor/axe-core``, injected by the test through the DevTools protocol, never
  served in a page) must report no violation of impact ``critical`` or ``serious``.

The home page is also checked by axe at the desktop width, where the navigation bar is expanded.
"""

import re
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.e2e.conftest import DESKTOP, PHONE, login
from thidua.accounts.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # a crawled page can render a PDF

AXE = Path(settings.BASE_DIR, "static", "vendor", "axe-core", "axe.min.js")
# One login per demo role (README, "Demo logins"): the Thái Nguyên Board has every role of the demo.
ROLES = [
    "admin.tn@thidua.demo",
    "officer.tn@thidua.demo",
    "signer.tn@thidua.demo",
    "council.tn@thidua.demo",
    "leader.tn@thidua.demo",
    "member.tn@thidua.demo",
    "applicant.tn@thidua.demo",
    "rep1.tn@thidua.demo",
]
PAGES_PER_ROLE = 60
PER_SHAPE = 1
# Not pages of the portal (Django's admin, the language switch, signing out) or not HTML (files to download).
SKIPPED = re.compile(
    r"^/(django-admin/|i18n/|accounts/logout/|static/|media/)"
    r"|/(download|export|pdf|xlsx|qr\.png|backup-codes\.txt)/?$"
    r"|\.(pdf|xlsx|png|txt|csv)$"
)
SERIOUS = ["critical", "serious"]
AXE_RUN = """async (impacts) => {
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations
        .filter((violation) => impacts.includes(violation.impact))
        .map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
        }));
}"""
# How wide the page is, and if it is wider than the phone, the outermost elements that stick out.
OVERFLOW = """(limit) => {
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= limit) {
        return {scrollWidth, wide: []};
    }
    const sticksOut = (element) => element.getBoundingClientRect().right > limit + 0.5;
    const wide = [...document.body.querySelectorAll("*")]
        .filter((element) => sticksOut(element) && !(element.parentElement !== document.body && sticksOut(element.parentElement)))
        .slice(0, 3)
        .map((element) => element.tagName.toLowerCase() + [...element.classList].map((name) => "." + name).join(""));
    return {scrollWidth, wide};
}"""


def shape(path: str, query: str) -> str:
    keys = sorted({key for key, _value in parse_qsl(query, keep_blank_values=True)})
    return re.sub(r"/[0-9a-f-]{8,}|/\d+", "/N", path) + ("?" + "&".join(keys) if keys else "")


def same_site_links(page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]:not([download])", "links => links.map((link) => link.href)")
    links = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin or SKIPPED.search(parts.path):
            continue
        links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def crawl(page, origin: str):
    """Yield each HTML page reached from the home page, loaded in ``page``."""
    queue, queued, shapes = ["/"], {"/"}, {}
    visited = 0
    while queue and visited < PAGES_PER_ROLE:
        url = queue.pop(0)
        try:
            response = page.goto(origin + url)
        except Exception as error:  # a link that turns out to be a download
            if "Download is starting" in str(error):
                continue
            raise
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited += 1
        yield url, response.status
        for link in same_site_links(page, origin):
            parts = urlsplit(link)
            key = shape(parts.path, parts.query)
            if link in queued or shapes.get(key, 0) >= PER_SHAPE:
                continue
            shapes[key] = shapes.get(key, 0) + 1
            queued.add(link)
            queue.append(link)


def axe_violations(page, axe_source: str, where: str) -> list[str]:
    page.evaluate(axe_source)
    return [
        f"{where}: {violation['impact']} {violation['id']} ({violation['help']}) at {violation['nodes']}"
        for violation in page.evaluate(AXE_RUN, SERIOUS)
    ]


def test_every_page_of_every_demo_role_fits_a_phone_and_passes_axe(live_server, transactional_db, new_page):
    call_command("seed_demo", stdout=StringIO())
    axe_source = AXE.read_text(encoding="utf-8")
    origin = live_server.url
    too_wide, inaccessible, broken = [], [], []
    checked_by_axe: set[str] = set()  # shapes: what one role's page shows, another's repeats
    crawled: dict[str, int] = {}

    for email in ROLES:
        page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
        device = TOTPDevice.objects.filter(user__email=email, confirmed=True).first()
        login(page, live_server, email, password=DEMO_PASSWORD, totp_device=device)
        for url, status in crawl(page, origin):
            crawled[email] = crawled.get(email, 0) + 1
            where = f"{email} {url}"
            if status >= 400:
                broken.append(f"{where}: HTTP {status}")
            overflow = page.evaluate(OVERFLOW, PHONE["width"])
            if overflow["scrollWidth"] > PHONE["width"]:
                too_wide.append(f"{where}: {overflow['scrollWidth']} px wide, {overflow['wide']}")
            parts = urlsplit(url)
            key = shape(parts.path, parts.query)
            if key not in checked_by_axe:
                checked_by_axe.add(key)
                inaccessible += axe_violations(page, axe_source, where)
        page.set_viewport_size(DESKTOP)
        page.goto(origin + "/")
        inaccessible += axe_violations(page, axe_source, f"{email} / (desktop)")
        broken += [f"{email}: {problem}" for problem in page.bad_responses + page.console_errors]
        page.context.close()

    print(f"pages crawled per role: {crawled}; {len(checked_by_axe)} shapes checked by axe")
    assert too_wide == [], "pages wider than the phone:\n" + "\n".join(too_wide)
    assert inaccessible == [], "axe-core, critical or serious:\n" + "\n".join(inaccessible)
    assert broken == [], "errors met on the way:\n" + "\n".join(broken)
