"""A Board officer writes a notice, issues it, watches it render, downloads the PDF and verifies it."""

import hashlib
import re

import pytest

from tests.e2e.conftest import login, submit_and_wait
from tests.factories.accounts import TOTPDeviceFactory
from tests.pdf_tools import pdf_text as read_pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders real PDFs


def test_officer_issues_a_notice_downloads_and_verifies_it(live_server, world, page, tmp_path):
    officer = world.a.officer
    device = TOTPDeviceFactory(user=officer)
    page.on("dialog", lambda dialog: dialog.accept())

    login(page, live_server, officer.email, totp_device=device)
    page.goto(f"{live_server.url}/notices/new/")
    page.fill("input[name=title]", "Về việc tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2026")
    page.fill("input[name=audience]", "Các doanh nghiệp trong Khối thi đua KCN Thanh Bình")
    page.fill("textarea[name=body]", "Đề nghị các doanh nghiệp cử đại diện lãnh đạo dự Hội nghị.")
    page.select_option("select[name=signer]", label=world.a.signer.full_name)
    submit_and_wait(page, "main form button[type=submit]")
    submit_and_wait(page, "main form button[type=submit]")  # "Issue" on the notice page, confirmed
    download_button = page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)
    with page.expect_download() as download_info:
        download_button.click()
    pdf_path = tmp_path / "notice.pdf"
    download_info.value.save_as(pdf_path)
    sha256_on_page = re.search(r"[0-9a-f]{64}", page.inner_text(".document-status")).group(0)
    page.click("text=/Trang xác thực|Verification page/")
    page.wait_for_selector("input[type=file]")
    page.set_input_files("input[type=file]", str(pdf_path))
    submit_and_wait(page, "main form button[type=submit]")
    pdf_text = read_pdf_text(pdf_path)

    assert download_info.value.suggested_filename.endswith(".pdf")
    assert hashlib.sha256(pdf_path.read_bytes()).hexdigest() == sha256_on_page
    assert "THÔNG BÁO" in pdf_text
    assert "Hội nghị sơ kết công tác thi đua" in pdf_text
    assert world.a.signer.full_name in pdf_text
    assert page.locator(".alert-success").count() == 1
    assert page.console_errors == []
