"""A member fills and submits its pledge, the leader returns it, the member corrects and resubmits, the leader
accepts, the member signs with re-authentication, the Board closes signing, downloads and verifies the PDF."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from tests.blocs.pledges.conftest import make_pledge_world, signed
from tests.e2e.conftest import login
from tests.factories.accounts import TEST_PASSWORD, TOTPDeviceFactory
from tests.pdf_tools import pdf_text as read_pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders real PDFs


def _fill_targets(page, values):
    for code, value in values.items():
        page.fill(f"input[name=value_{code}]", value)
    page.click("[data-testid=pledge-save]")
    page.wait_for_selector("[data-testid=pledge-submit]")


# The same journey in each language, numbers typed the way people of that language type them.
LANGUAGES = [("vi", "3,5", "4,2"), ("en", "3.5", "4.2")]


@pytest.mark.parametrize(
    ("language", "first_export", "corrected_export"), LANGUAGES, ids=[lang for lang, *_ in LANGUAGES]
)
def test_pledge_journey(live_server, world, new_page, tmp_path, language, first_export, corrected_export):
    pw = make_pledge_world(world)
    pledge_url = f"{live_server.url}/blocs/pledges/{pw.pledge_of(pw.member).pk}/"
    cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}

    def person():
        page = new_page()
        page.context.add_cookies([cookie])
        return page

    rep, leader = person(), person()

    login(rep, live_server, pw.member_rep.email)
    rep.goto(f"{live_server.url}/blocs/pledges/mine/")
    rep.click("[data-testid=pledge-edit]")
    _fill_targets(rep, {"GTSX": "120", "DT": "110", "XK": first_export})
    rep.click("[data-testid=pledge-submit]")
    rep.wait_for_selector(".pledge-status-submitted")

    login(leader, live_server, pw.leader_rep.email)
    leader.goto(pledge_url)
    leader.fill("[data-testid=return-form] textarea[name=reason]", "Kim ngạch xuất khẩu chưa khớp kế hoạch")
    leader.click("[data-testid=pledge-return]")
    leader.wait_for_selector("[data-testid=return-reason]")

    rep.goto(pledge_url)
    returned_text = rep.inner_text("[data-testid=return-reason]")
    rep.click("[data-testid=pledge-edit]")
    _fill_targets(rep, {"XK": corrected_export})
    rep.click("[data-testid=pledge-submit]")
    rep.wait_for_load_state()

    leader.goto(pledge_url)
    leader.click("[data-testid=pledge-accept]")
    leader.wait_for_load_state()

    rep.goto(pledge_url)
    rep.click("[data-testid=pledge-sign]")
    rep.fill("input[name=password]", TEST_PASSWORD)
    rep.check("input[name=confirm]")
    rep.click("[data-testid=sign-submit]")
    rep.wait_for_selector("[data-testid=signature-valid]")
    # The joint pledge is signed in the bloc's name by the leader's representative: they sign theirs too.
    signed(pw, pw.leader, pw.leader_rep, world.a.officer)

    officer = world.a.officer
    device = TOTPDeviceFactory(user=officer)
    board = person()
    login(board, live_server, officer.email, totp_device=device)
    board.goto(f"{live_server.url}/blocs/pledges/templates/{pw.template.pk}/")
    board.click("[data-testid=close-signing]")
    board.wait_for_selector("a[href*='/download/']", timeout=60_000)
    with board.expect_download() as download_info:
        board.click("a[href*='/download/']")
    pdf_path = tmp_path / "giao-uoc-thi-dua.pdf"  # the verification form takes only files named .pdf
    download_info.value.save_as(pdf_path)
    board.click("a[href*='/verify/']")
    board.wait_for_load_state()
    board.set_input_files("input[type=file]", pdf_path)
    board.click("form[enctype='multipart/form-data'] button[type=submit]")
    board.wait_for_selector(".alert-success, .alert-danger")

    pdf_text = read_pdf_text(pdf_path)
    page_language = rep.get_attribute("html", "lang")

    assert page_language == language
    assert "Kim ngạch xuất khẩu" in returned_text
    assert Path(pdf_path).read_bytes()[:4] == b"%PDF"
    assert "4,2" in pdf_text.split()  # the official document prints 4,2 whatever the interface language
    assert f"01/GƯTĐ-{pw.bloc.code}" in pdf_text and "TM. KHỐI THI ĐUA" in pdf_text
    assert pw.pledge_of(pw.member).targets.get(indicator__code="XK").value == Decimal("4.2")
    assert board.locator(".alert-success").count() >= 1
    assert rep.console_errors == [] and leader.console_errors == [] and board.console_errors == []
