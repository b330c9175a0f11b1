"""Vietnamese by default, a switch to English, Vietnamese number and date formats."""

import datetime
import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

pytestmark = pytest.mark.unit

LOGIN_URL = "/accounts/login/"


def html_lang(response) -> str:
    match = re.search(r'<html lang="([a-z-]+)"', response.content.decode())
    assert match, "no <html lang> attribute"
    return match.group(1)


def test_login_page_is_vietnamese_by_default(client):
    response = client.get(LOGIN_URL)

    assert response.status_code == 200
    assert html_lang(response) == "vi"
    assert response.wsgi_request.LANGUAGE_CODE == "vi"
    assert response["Content-Language"] == "vi"


def test_login_page_text_is_vietnamese(client):
    """Needs the committed and compiled vi catalogue (the lead regenerates it at the end)."""
    response = client.get(LOGIN_URL)

    assert "Đăng nhập" in response.content.decode()


def test_browser_asking_for_english_still_gets_a_page_in_a_supported_language(client):
    response = client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert html_lang(response) in {"vi", "en"}


def test_language_switch_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": LOGIN_URL})

    page = client.get(LOGIN_URL)

    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert html_lang(page) == "en"
    assert page.wsgi_request.LANGUAGE_CODE == "en"
    assert page["Content-Language"] == "en"
    assert "Sign in to the emulation portal" in page.content.decode()


def test_language_switch_back_to_vietnamese(client):
    client.post("/i18n/setlang/", {"language": "en", "next": LOGIN_URL})

    client.post("/i18n/setlang/", {"language": "vi", "next": LOGIN_URL})

    assert html_lang(client.get(LOGIN_URL)) == "vi"


def test_language_switch_works_for_a_signed_in_officer(world, client_for):
    client = client_for(world.a.officer)

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/")

    assert page.status_code == 200
    assert html_lang(page) == "en"
    assert world.a.board.name in page.content.decode()


def test_language_switch_refuses_an_unsupported_language(client):
    client.post("/i18n/setlang/", {"language": "fr", "next": LOGIN_URL})

    assert html_lang(client.get(LOGIN_URL)) == "vi"


def test_vietnamese_number_format():
    template = Template("{{ value|floatformat:2 }}")

    with translation.override("vi"):
        rendered = template.render(Context({"value": Decimal("1234567.89")}))

    assert rendered == "1.234.567,89"


def test_vietnamese_short_date_format():
    template = Template('{{ day|date:"SHORT_DATE_FORMAT" }}')

    with translation.override("vi"):
        rendered = template.render(Context({"day": datetime.date(2026, 1, 5)}))

    assert rendered == "05/01/2026"


def test_english_formats_differ():
    template = Template('{{ value|floatformat:2 }} {{ day|date:"SHORT_DATE_FORMAT" }}')

    with translation.override("en"):
        rendered = template.render(
            Context({"value": Decimal("1234567.89"), "day": datetime.date(2026, 1, 5)})
        )

    assert rendered.startswith("1,234,567.89 ")
