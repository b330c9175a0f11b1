"""TOTP two-factor authentication: required for Board staff and for anyone with a confirmed device,
enrolment by QR code, backup codes, a new session key at each privilege change."""

import base64
import io
import re
from io import StringIO
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import zxingcpp
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from tests.factories.accounts import TEST_PASSWORD, TOTPDeviceFactory, UserFactory
from thidua.accounts import services
from thidua.accounts.demo import DEMO_PASSWORD, demo_totp_key_hex
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit

TWO_FACTOR_URL = "/accounts/2fa/"


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def next_of(response) -> str:
    """Where the 2FA gate will send the user back to (the ``next`` of its redirect)."""
    location = urlsplit(response["Location"])
    assert location.path == TWO_FACTOR_URL
    return parse_qs(location.query)["next"][0]


def sign_in(client, user, password: str = TEST_PASSWORD):
    response = client.post("/accounts/login/", {"username": user.email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


@pytest.mark.parametrize("path", ["/", "/board/", "/board/staff/", "/accounts/profile/", "/audit/"])
def test_staff_are_sent_to_the_second_factor_for_every_page(world, client, path):
    sign_in(client, world.a.admin)

    response = client.get(path)

    assert response.status_code == 302
    assert next_of(response) == path


def test_the_gate_keeps_the_whole_query_string(world, client):
    sign_in(client, world.a.admin)

    response = client.get("/audit/?page=2&action=auth.login")

    assert next_of(response) == "/audit/?page=2&action=auth.login"


def test_password_reset_is_reachable_before_the_second_factor(world, client):
    sign_in(client, world.a.admin)

    response = client.get("/password/reset/")

    assert response.status_code == 200


def test_the_second_factor_page_shows_no_app_menus(world, client):
    sign_in(client, world.a.admin)

    html = client.get(TWO_FACTOR_URL).content.decode()

    assert 'href="/board/"' not in html
    assert "hx-get=" not in html
    assert 'data-testid="lang-en"' in html


def test_verified_staff_see_the_app_menus(world, client_for):
    html = client_for(world.a.admin).get("/").content.decode()

    assert 'href="/board/"' in html


def test_sign_in_redirects_staff_to_the_second_factor(world, client):
    response = sign_in(client, world.a.officer)

    followed = client.get(response["Location"])

    assert followed.status_code == 302
    assert followed["Location"].startswith(TWO_FACTOR_URL)


def test_staff_without_a_device_see_the_enrolment_page(world, client):
    sign_in(client, world.a.officer)

    response = client.get(TWO_FACTOR_URL)

    html = response.content.decode()
    device = TOTPDevice.objects.get(user=world.a.officer, confirmed=False)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert response.status_code == 200
    assert 'src="/accounts/2fa/qr.png"' in html
    assert "data:image" not in html
    assert secret in html


def test_the_enrolment_qr_is_a_png_of_the_pending_device(world, client):
    sign_in(client, world.a.officer)
    client.get(TWO_FACTOR_URL)
    device = TOTPDevice.objects.get(user=world.a.officer, confirmed=False)

    response = client.get("/accounts/2fa/qr.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert [barcode.text for barcode in decoded] == [device.config_url]


def test_the_enrolment_qr_is_gone_once_a_device_is_confirmed(world, client):
    TOTPDeviceFactory(user=world.a.officer)
    sign_in(client, world.a.officer)

    response = client.get("/accounts/2fa/qr.png")

    assert response.status_code == 404
    assert not TOTPDevice.objects.filter(user=world.a.officer, confirmed=False).exists()


def test_enrolment_reuses_the_pending_device_on_reload(world, client):
    sign_in(client, world.a.officer)

    client.get(TWO_FACTOR_URL)
    client.get(TWO_FACTOR_URL)

    assert TOTPDevice.objects.filter(user=world.a.officer, confirmed=False).count() == 1


def test_valid_code_confirms_enrolment_and_shows_ten_backup_codes(world, client):
    sign_in(client, world.a.officer)
    client.get(TWO_FACTOR_URL)
    device = TOTPDevice.objects.get(user=world.a.officer, confirmed=False)

    response = client.post(TWO_FACTOR_URL, {"token": current_code(device), "next": "/"})

    html = response.content.decode()
    codes = re.findall(r"<li>([a-z0-9]+)</li>", html)
    device.refresh_from_db()
    assert response.status_code == 200
    assert device.confirmed
    assert len(codes) == services.BACKUP_CODE_COUNT == 10
    assert StaticToken.objects.filter(device__user=world.a.officer).count() == 10
    assert AuditEvent.objects.filter(action="2fa.enrolled", actor=world.a.officer).exists()
    assert "data-print" in html
    download = re.search(r'download="([^"]+)"\s+href="data:text/plain;charset=utf-8,([^"]+)"', html)
    assert download is not None and download.group(1).endswith(".txt")
    assert unquote(download.group(2)).split("\r\n")[2:12] == codes
    home = client.get("/")
    assert home.status_code == 200
    assert world.a.board.name in home.content.decode()


def test_wrong_code_during_enrolment_shows_the_error(world, client, english):
    sign_in(english(client), world.a.officer)
    client.get(TWO_FACTOR_URL)

    response = client.post(TWO_FACTOR_URL, {"token": "000000"})

    assert response.status_code == 200
    assert "This code is not valid" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=world.a.officer, confirmed=True).exists()
    assert client.get("/").status_code == 302


def test_confirmed_device_code_verifies_the_session(world, client):
    device = TOTPDeviceFactory(user=world.a.signer)
    sign_in(client, world.a.signer)

    response = client.post(TWO_FACTOR_URL, {"token": current_code(device), "next": "/board/"})

    assert response.status_code == 302
    assert response["Location"] == "/board/"
    assert client.get("/board/").status_code == 200
    assert AuditEvent.objects.filter(action="2fa.verified", actor=world.a.signer).exists()


def test_wrong_code_for_a_confirmed_device_is_refused_and_audited(world, client, english):
    TOTPDeviceFactory(user=world.a.signer)
    sign_in(english(client), world.a.signer)

    response = client.post(TWO_FACTOR_URL, {"token": "000000"})

    assert response.status_code == 200
    assert "This code is not valid" in response.content.decode()
    assert AuditEvent.objects.filter(action="2fa.failed", actor=world.a.signer).exists()
    assert client.get("/").status_code == 302


def test_external_next_is_ignored_after_verification(world, client):
    device = TOTPDeviceFactory(user=world.a.signer)
    sign_in(client, world.a.signer)

    response = client.post(TWO_FACTOR_URL, {"token": current_code(device), "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_backup_code_works_once(world, client, english):
    TOTPDeviceFactory(user=world.a.council)
    code = services.replace_backup_codes(user=world.a.council)[0]
    sign_in(english(client), world.a.council)

    first = client.post(TWO_FACTOR_URL, {"token": code})
    client.post("/accounts/logout/")
    sign_in(client, world.a.council)
    second = client.post(TWO_FACTOR_URL, {"token": code})

    assert first.status_code == 302
    assert second.status_code == 200
    assert "This code is not valid" in second.content.decode()
    assert not StaticToken.objects.filter(token=code).exists()


def test_user_without_a_board_role_is_not_forced_to_two_factor(world, client):
    enterprise_user = UserFactory(organization=world.a.board)
    sign_in(client, enterprise_user)

    response = client.get("/")

    assert response.status_code == 200


def test_demo_otp_prints_a_code_that_verifies_for_a_demo_user(db, client):
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("demo_otp", stdout=out, stderr=StringIO())
    code = out.getvalue().strip()
    response = client.post(
        "/accounts/login/", {"username": "officer.tn@thidua.demo", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302

    verified = client.post(TWO_FACTOR_URL, {"token": code, "next": "/"})

    assert re.fullmatch(r"\d{6}", code)
    assert verified.status_code == 302
    assert verified["Location"] == "/"
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(("now", "waits"), [(1_000_020.0, False), (1_000_045.0, True)])
def test_demo_otp_waits_for_a_fresh_window_when_the_current_one_is_nearly_spent(db, monkeypatch, now, waits):
    from thidua.accounts.management.commands import demo_otp

    clock = {"now": now}
    monkeypatch.setattr(demo_otp.time, "time", lambda: clock["now"])
    monkeypatch.setattr(demo_otp.time, "sleep", lambda seconds: clock.update(now=clock["now"] + seconds))
    out = StringIO()

    call_command("demo_otp", stdout=out, stderr=StringIO())

    window_start = now - now % 30 + (30 if waits else 0)
    expected = TOTP(bytes.fromhex(demo_totp_key_hex()))
    expected.time = window_start + 1
    assert out.getvalue().strip() == f"{expected.token():06d}"
    assert demo_otp.seconds_left(clock["now"]) >= demo_otp.MIN_REMAINING


def test_seed_demo_is_safe_to_run_twice_and_prints_the_logins(db):
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()

    call_command("seed_demo", stdout=out)

    text = out.getvalue()
    assert "officer.tn@thidua.demo" in text
    assert DEMO_PASSWORD in text
    assert "Ban Quản lý Khu kinh tế tỉnh Đắk Lắk" in text
    assert TOTPDevice.objects.filter(user__email="officer.tn@thidua.demo").count() == 1


# ---------------------------------------------------------------------------
# A confirmed device is always asked for; the session key changes at every privilege change
# ---------------------------------------------------------------------------
def test_an_enterprise_user_with_a_confirmed_device_is_asked_for_it(world, client):
    enterprise_user = UserFactory(organization=world.a.board)
    device = TOTPDeviceFactory(user=enterprise_user)
    sign_in(client, enterprise_user)

    gated = client.get("/accounts/profile/")
    client.post(TWO_FACTOR_URL, {"token": current_code(device), "next": "/accounts/profile/"})
    after = client.get("/accounts/profile/")

    assert gated.status_code == 302
    assert next_of(gated) == "/accounts/profile/"
    assert after.status_code == 200


def test_an_unconfirmed_device_does_not_gate_an_enterprise_user(world, client):
    enterprise_user = UserFactory(organization=world.a.board)
    TOTPDevice.objects.create(user=enterprise_user, name="pending", confirmed=False)
    sign_in(client, enterprise_user)

    assert client.get("/accounts/profile/").status_code == 200


def test_the_session_key_changes_at_sign_in(world, client):
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key

    sign_in(client, world.a.signer)

    assert client.session.session_key != before


def test_the_session_key_changes_after_the_second_factor(world, client):
    device = TOTPDeviceFactory(user=world.a.signer)
    sign_in(client, world.a.signer)
    after_password = client.session.session_key

    client.post(TWO_FACTOR_URL, {"token": current_code(device), "next": "/"})

    assert client.session.session_key != after_password
    assert client.get("/board/").status_code == 200
    assert not Session.objects.filter(session_key=after_password).exists()


def test_the_session_key_changes_after_enrolment(world, client):
    sign_in(client, world.a.officer)
    client.get(TWO_FACTOR_URL)
    after_password = client.session.session_key
    device = TOTPDevice.objects.get(user=world.a.officer, confirmed=False)

    client.post(TWO_FACTOR_URL, {"token": current_code(device), "next": "/"})

    assert client.session.session_key != after_password
    assert client.get("/").status_code == 200


def test_a_wrong_code_keeps_the_session_key(world, client):
    TOTPDeviceFactory(user=world.a.signer)
    sign_in(client, world.a.signer)
    after_password = client.session.session_key

    client.post(TWO_FACTOR_URL, {"token": "000000"})

    assert client.session.session_key == after_password


def test_the_session_key_changes_after_a_password_change(world, client_for):
    client = client_for(world.a.officer)
    before = client.session.session_key
    new = "Mat-khau-moi-2026!"

    response = client.post(
        "/password/change/", {"old_password": TEST_PASSWORD, "new_password1": new, "new_password2": new}
    )

    assert response.status_code == 302
    assert client.session.session_key != before
    assert client.get("/board/").status_code == 200
