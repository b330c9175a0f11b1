"""An officer drafts the year's consolidation decision and sends it to the signer she chooses; the signer
reads the preview marked "DỰ THẢO" and signs after entering the password and the authenticator code again;
only then does the number appear on the decision (Decree 30/2020, Art. 15)."""

import pytest

from blocs.enums import MembershipRole
from tests.e2e.conftest import login, submit_and_wait
from tests.e2e.test_documents_journey import next_totp_code
from tests.factories.accounts import TEST_PASSWORD, TOTPDeviceFactory
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory
from tests.pdf_tools import pdf_text as read_pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders real PDFs


def test_officer_drafts_the_decision_signer_signs_then_the_number_appears(
    live_server, world, new_page, tmp_path
):
    officer, signer = world.a.officer, world.a.signer
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1", name="Khối thi đua KCN Thanh Bình")
    leader = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER)
    BlocMembershipFactory(bloc=bloc, year=year)
    officer_device = TOTPDeviceFactory(user=officer)
    signer_device = TOTPDeviceFactory(user=signer)
    page, signer_page = new_page(), new_page()
    login(page, live_server, officer.email, totp_device=officer_device)
    page.goto(f"{live_server.url}/blocs/decisions/")
    submit_and_wait(page, "main form button[type=submit]")  # "Soạn quyết định kiện toàn …"
    decision_url = page.url
    page.select_option("select[name=signer]", label=signer.full_name)
    submit_and_wait(page, "[data-testid=submit-form] button[type=submit]")
    state_while_waiting = page.inner_text("[data-testid=decision-state]")
    page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)  # the preview rendered
    number_before_signing = page.locator(".document-status strong").all_inner_texts()

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

    page.goto(decision_url)
    download_button = page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)
    number = page.inner_text(".document-status strong")
    with page.expect_download() as download_info:
        download_button.click()
    pdf_path = tmp_path / "decision.pdf"
    download_info.value.save_as(pdf_path)
    pdf_text = " ".join(read_pdf_text(pdf_path).split())
    preview_text = " ".join(read_pdf_text(preview_path).split())

    assert state_while_waiting in {"Chờ ký", "Waiting for signature"}
    assert not any("01/QĐ-BQL" in text for text in number_before_signing)
    assert "01/QĐ-BQL" in signed_message and "01/QĐ-BQL" in number
    assert "DỰ THẢO" in preview_text and "01/QĐ-BQL" not in preview_text
    assert "Số: 01/QĐ-BQL" in pdf_text and "DỰ THẢO" not in pdf_text
    assert "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN" in pdf_text and signer.full_name in pdf_text
    assert leader.enterprise.name in pdf_text
    assert page.console_errors == [] and signer_page.console_errors == []
