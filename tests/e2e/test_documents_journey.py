"""A Board officer writes a notice and sends it for signature; the signer reads the preview marked "DỰ THẢO"
and signs it after entering the password and the authenticator code again; then the number appears, the PDF
renders, and the officer downloads and verifies it."""

import hashlib
import re
import time

import pytest
from django_otp.oath import TOTP

from tests.e2e.conftest import login, submit_and_wait
from tests.factories.accounts import TEST_PASSWORD, TOTPDeviceFactory
from tests.pdf_tools import pdf_text as read_pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders real PDFs


def next_totp_code(device) -> str:
    """The code of the next time step: the one used to sign in moments ago is not accepted twice, and the
    device tolerates one step of drift, as a signer who waits for the app's next code would type."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + device.step
    return f"{totp.token():0{device.digits}d}"


def test_officer_drafts_signer_signs_then_the_number_appears(live_server, world, new_page, tmp_path):
    officer, signer = world.a.officer, world.a.signer
    officer_device = TOTPDeviceFactory(user=officer)
    signer_device = TOTPDeviceFactory(user=signer)
    page = new_page()
    signer_page = new_page()
    login(page, live_server, officer.email, totp_device=officer_device)
    page.goto(f"{live_server.url}/notices/new/")
    page.fill("input[name=title]", "Về việc tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2026")
    page.fill("input[name=audience]", "Các doanh nghiệp trong Khối thi đua KCN Thanh Bình")
    page.fill("textarea[name=body]", "Đề nghị các doanh nghiệp cử đại diện lãnh đạo dự Hội nghị.")
    page.select_option("select[name=signer]", label=signer.full_name)
    submit_and_wait(page, "main form button[type=submit]")
    notice_url = page.url
    submit_and_wait(page, "main form button[type=submit]")  # "Send … for signature"
    assert page.inner_text("[data-testid=notice-status]") in {"Chờ ký", "Waiting for signature"}
    page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)  # the preview rendered

    login(signer_page, live_server, signer.email, totp_device=signer_device)
    signer_page.goto(f"{live_server.url}/signatures/")
    with signer_page.expect_navigation():
        signer_page.click("main table a")
    signer_page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)
    with signer_page.expect_download() as preview_info:
        signer_page.click("text=/Tải PDF|Download PDF/")
    preview_path = tmp_path / "preview.pdf"
    preview_info.value.save_as(preview_path)
    signer_page.fill("input[name=password]", TEST_PASSWORD)
    signer_page.fill("input[name=otp_token]", next_totp_code(signer_device))
    submit_and_wait(signer_page, "[data-testid=sign-button]")
    signed_message = signer_page.inner_text(".alert-success")

    page.goto(notice_url)
    download_button = page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)
    number = page.inner_text(".document-status strong")
    with page.expect_download() as download_info:
        download_button.click()
    pdf_path = tmp_path / "notice.pdf"
    download_info.value.save_as(pdf_path)
    sha256_on_page = re.search(r"[0-9a-f]{64}", page.inner_text(".document-status")).group(0)
    page.click("text=/Trang xác thực|Verification page/")
    page.wait_for_selector("input[type=file]")
    page.set_input_files("input[type=file]", str(pdf_path))
    submit_and_wait(page, "main form button[type=submit]")
    pdf_text = " ".join(read_pdf_text(pdf_path).split())
    preview_text = " ".join(read_pdf_text(preview_path).split())

    assert "01/TB-BQL" in signed_message
    assert "01/TB-BQL" in number
    assert "DỰ THẢO" in preview_text and "01/TB-BQL" not in preview_text
    assert hashlib.sha256(pdf_path.read_bytes()).hexdigest() == sha256_on_page
    assert "THÔNG BÁO" in pdf_text
    assert "Số: 01/TB-BQL" in pdf_text
    assert "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN" in pdf_text
    assert signer.full_name in pdf_text
    assert page.locator(".alert-success").count() == 1
    assert page.console_errors == [] and signer_page.console_errors == []
