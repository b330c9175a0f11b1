"""An enterprise applies to join a bloc, the Board approves it, drafts the consolidation decision and sends it
to its signer: the preview PDF lists the new member (the signature itself: test_decision_journey)."""

import pytest

from blocs.enums import MembershipRole
from tests.e2e.conftest import login, submit_and_wait
from tests.factories.accounts import TOTPDeviceFactory
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    IndustrialParkFactory,
    enterprise_user,
)
from tests.pdf_tools import pdf_text as read_pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders real PDFs


def test_enterprise_applies_board_approves_and_drafts_the_decision(live_server, world, new_page, tmp_path):
    board = world.a.board
    park = IndustrialParkFactory(organization=board, name="KCN Thanh Bình")
    year = EmulationYearFactory(organization=board, year=2026)
    bloc = BlocFactory(organization=board, code="KTĐ1", name="Khối thi đua các doanh nghiệp KCN Thanh Bình")
    leader = EnterpriseFactory(organization=board, park=park, name="Công ty Cổ phần Ván dán Hồng Ngọc")
    BlocMembershipFactory(bloc=bloc, enterprise=leader, year=year, role=MembershipRole.LEADER)
    applicant = EnterpriseFactory(organization=board, park=park, name="Công ty TNHH Lechenwood Việt Nam")
    representative = enterprise_user(applicant, full_name="Lê Văn Đại Diện")
    officer = world.a.officer
    device = TOTPDeviceFactory(user=officer)
    enterprise_page = new_page()
    board_page = new_page()

    login(enterprise_page, live_server, representative.email)
    enterprise_page.goto(f"{live_server.url}/blocs/my/enterprise/")
    enterprise_page.select_option("select[name=preferred_bloc]", value=str(bloc.pk))
    submit_and_wait(enterprise_page, "form[action$='/my/application/'] button[type=submit]")
    status_after_applying = enterprise_page.inner_text("[data-testid=my-application-status]")

    login(board_page, live_server, officer.email, totp_device=device)
    board_page.goto(f"{live_server.url}/blocs/applications/")
    board_page.click(f"text={applicant.name}")
    board_page.select_option("select[name=bloc]", value=str(bloc.pk))
    submit_and_wait(board_page, "form[action$='/approve/'] button[type=submit]")
    board_page.goto(f"{live_server.url}/blocs/decisions/")
    submit_and_wait(board_page, "main form button[type=submit]")  # "Soạn quyết định kiện toàn …"
    board_page.select_option("select[name=signer]", label=world.a.signer.full_name)
    submit_and_wait(board_page, "[data-testid=submit-form] button[type=submit]")
    download_button = board_page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)
    with board_page.expect_download() as download_info:
        download_button.click()
    pdf_path = tmp_path / "decision.pdf"
    download_info.value.save_as(pdf_path)
    pdf_text = read_pdf_text(pdf_path)
    enterprise_page.goto(f"{live_server.url}/blocs/my/enterprise/")

    assert status_after_applying in {"Đã gửi", "Submitted"}
    assert "QUYẾT ĐỊNH" in pdf_text
    assert applicant.tax_code in pdf_text  # names wrap inside table cells; the tax code does not
    assert "Lechenwood" in pdf_text
    assert leader.tax_code in pdf_text
    assert bloc.name in enterprise_page.inner_text("main")
    assert enterprise_page.console_errors == []
    assert board_page.console_errors == []
