"""A newly invited Board staff member sets a password, enrols an authenticator app by scanning the QR image
the page shows (decoded here from the browser's own rendering), keeps the backup codes, and signs in."""

import base64
import io
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from django_otp.oath import TOTP
from PIL import Image

from tests.e2e.conftest import submit_and_wait
from thidua.accounts import services
from thidua.accounts.enums import BoardRole

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "Mật-khẩu-mới-2026!"


def code_from_otpauth(uri: str) -> str:
    query = parse_qs(urlsplit(uri).query)
    secret = query["secret"][0]
    totp = TOTP(base64.b32decode(secret + "=" * (-len(secret) % 8)))
    return f"{totp.token():06d}"


def test_new_staff_member_enrols_two_factor_by_scanning_the_qr_image(live_server, world, page, tmp_path):
    _invitation, token = services.invite_user(
        organization=world.a.board,
        email="nhan.vien.moi@example.vn",
        full_name="Nhân Viên Mới",
        roles=[BoardRole.OFFICER],
        title="Chuyên viên",
        invited_by=world.a.admin,
    )
    page.goto(f"{live_server.url}/accounts/invitations/accept/{token}/")
    page.fill("input[name=new_password1]", NEW_PASSWORD)
    page.fill("input[name=new_password2]", NEW_PASSWORD)
    submit_and_wait(page)
    page.fill("input[name=username]", "nhan.vien.moi@example.vn")
    page.fill("input[name=password]", NEW_PASSWORD)
    submit_and_wait(page)

    qr = page.locator("img.qr-code")
    qr.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('img.qr-code').complete")
    natural_width = qr.evaluate("img => img.naturalWidth")
    scanned = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    assert [barcode.format.name for barcode in scanned] == ["QRCode"]
    otpauth = scanned[0].text
    page.fill("input[name=token]", code_from_otpauth(otpauth))
    submit_and_wait(page)
    codes = page.locator("[data-testid=backup-codes] li").all_inner_texts()
    with page.expect_download() as download_info:
        page.click("[data-testid=backup-codes-download]")
    saved = tmp_path / "codes.txt"
    download_info.value.save_as(saved)
    print_button_visible = page.is_visible("button[data-print]")
    with page.expect_navigation():
        page.click("a.btn-primary")

    assert natural_width > 0
    assert otpauth.startswith("otpauth://totp/")
    assert len(codes) == services.BACKUP_CODE_COUNT
    assert download_info.value.suggested_filename.endswith(".txt")
    assert saved.read_text(encoding="utf-8").split()[-len(codes) :] == codes
    assert print_button_visible
    assert page.url == f"{live_server.url}/"
    assert page.inner_text("[data-testid=home-board]") == world.a.board.name
    assert page.bad_responses == []
    assert page.console_errors == []
