"""A Board officer signs in, passes 2FA, sees the Vietnamese home page, switches to English; and the phone view."""

import pytest

from tests.e2e.conftest import PHONE, login
from tests.factories.accounts import TOTPDeviceFactory

pytestmark = pytest.mark.e2e

SCREENSHOT = "/tmp/thidua-home-phone.png"


def test_officer_signs_in_with_2fa_and_switches_to_english(live_server, world, page):
    officer = world.a.officer
    device = TOTPDeviceFactory(user=officer)

    login(page, live_server, officer.email, totp_device=device)
    vietnamese_lang = page.get_attribute("html", "lang")
    vietnamese_board = page.inner_text("[data-testid=home-board]")
    vietnamese_heading = page.inner_text("h1")
    page.click("[data-testid=lang-en]")
    page.wait_for_selector("html[lang=en]")
    english_heading = page.inner_text("h1")

    assert page.url == f"{live_server.url}/"
    assert vietnamese_lang == "vi"
    assert vietnamese_board == world.a.board.name
    assert vietnamese_heading.startswith("Xin chào")
    assert english_heading.startswith("Hello")
    assert page.inner_text("[data-testid=home-board]") == world.a.board.name
    assert page.bad_responses == []
    assert page.console_errors == []


def test_new_officer_enrols_an_authenticator_app_on_first_sign_in(live_server, world, page):
    login(page, live_server, world.b.officer.email)

    assert page.url == f"{live_server.url}/"
    assert page.inner_text("[data-testid=home-board]") == world.b.board.name
    assert page.bad_responses == []
    assert page.console_errors == []


def test_home_page_on_a_phone(live_server, world, phone_page):
    officer = world.a.officer
    device = TOTPDeviceFactory(user=officer)

    login(phone_page, live_server, officer.email, totp_device=device)
    phone_page.screenshot(path=SCREENSHOT, full_page=True)
    scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")
    toggler_visible = phone_page.is_visible(".navbar-toggler")
    phone_page.click(".navbar-toggler")
    phone_page.wait_for_selector("#mainNav.show")

    assert toggler_visible
    assert scroll_width <= PHONE["width"]
    assert phone_page.is_visible("[data-testid=lang-en]")
    assert phone_page.bad_responses == []
    assert phone_page.console_errors == []
