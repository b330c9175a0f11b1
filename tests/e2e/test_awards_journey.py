"""The year's awards, end to end: the bloc votes (bình xét) and proposes its member; the member completes its
dossier and submits; the Board reviews and sends it to the council; the council member votes; the officer
closes the session, drafts the Giấy khen decision and sends it to the signer, who signs (re-authentication);
the decision is numbered, rendered by the worker and downloaded; the certificates print. In each language."""

import pytest
from django.conf import settings
from django.utils import translation

from awards.nominations.models import Nomination
from blocs.enums import MembershipRole
from tests.awards.nominations.conftest import complete_dossier, pdf_upload
from tests.e2e.conftest import login, submit_and_wait
from tests.e2e.test_documents_journey import next_totp_code
from tests.factories.accounts import TEST_PASSWORD, TOTPDeviceFactory
from tests.factories.awards import award_type, ensure_catalogue
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user
from tests.pdf_tools import pdf_text as read_pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders real PDFs


def _speak(page, language: str) -> None:
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": page.url}])


@pytest.mark.parametrize("language", ["vi", "en"])
def test_from_the_bloc_vote_to_the_printed_certificate(live_server, world, new_page, tmp_path, language):
    ensure_catalogue()
    officer, signer, member_of_council = world.a.officer, world.a.signer, world.a.council
    year = EmulationYearFactory(organization=world.a.board, year=2025)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1", name="Khối thi đua KCN Thanh Bình")
    leader = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER).enterprise
    member = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    leader_rep, member_rep = enterprise_user(leader), enterprise_user(member)
    devices = {user.pk: TOTPDeviceFactory(user=user) for user in (officer, signer, member_of_council)}
    leader_page, member_page, officer_page, council_page, signer_page = (new_page() for _ in range(5))
    for page in (leader_page, member_page, officer_page, council_page, signer_page):
        page.on("dialog", lambda dialog: dialog.accept())

    # 1. The leader prepares the bình xét, both member units vote, the leader concludes.
    login(leader_page, live_server, leader_rep.email)
    _speak(leader_page, language)
    leader_page.goto(f"{live_server.url}/awards/blocs/{bloc.pk}/votes/new/")
    leader_page.select_option("select[name=year]", str(year.pk))
    leader_page.select_option("select[name=purpose]", "BINH_XET")
    leader_page.select_option("select[name=award_type]", str(award_type("GK_BQL").pk))
    leader_page.check(f"input[name=candidates][value='{member.pk}']")
    leader_page.fill("textarea[name=achievement]", "Hoàn thành xuất sắc nhiệm vụ năm 2025")
    submit_and_wait(leader_page)
    vote_url = leader_page.url
    submit_and_wait(leader_page, "[data-testid=bloc-vote-open]")
    leader_page.check("input[name=chosen]")
    submit_and_wait(leader_page, "[data-testid=bloc-vote-cast]")
    login(member_page, live_server, member_rep.email)
    _speak(member_page, language)
    member_page.goto(vote_url)
    member_page.check("input[name=chosen]")
    submit_and_wait(member_page, "[data-testid=bloc-vote-cast]")
    submit_and_wait(leader_page, "[data-testid=bloc-vote-close]")
    submit_and_wait(leader_page, "[data-testid=bloc-vote-conclude]")
    nomination = Nomination.objects.get(enterprise=member)

    # 2. The member uploads its tờ trình in the page (the other documents as the arrangement) and submits.
    member_page.goto(f"{live_server.url}/awards/nominations/{nomination.pk}/")
    member_page.select_option("select[name=document_type]", "TO_TRINH")
    upload = tmp_path / "to-trinh.pdf"
    upload.write_bytes(pdf_upload().read())
    member_page.set_input_files("input[name=file]", str(upload))
    submit_and_wait(member_page, "[data-testid=dossier-upload]")
    complete_dossier(nomination, member_rep)
    member_page.reload()
    dossier_complete = member_page.locator("[data-testid=dossier-complete]").count()
    submit_and_wait(member_page, "[data-testid=nomination-submit]")

    # 3. The Board reviews, sends it to the council, prepares and opens the session.
    login(officer_page, live_server, officer.email, totp_device=devices[officer.pk])
    _speak(officer_page, language)
    officer_page.goto(f"{live_server.url}/awards/nominations/{nomination.pk}/")
    submit_and_wait(officer_page, "[data-testid=nomination-review]")
    submit_and_wait(officer_page, "[data-testid=nomination-council]")
    officer_page.goto(f"{live_server.url}/awards/council/new/")
    officer_page.select_option("select[name=year]", str(year.pk))
    officer_page.fill("input[name=title]", "Phiên họp xét khen thưởng năm 2025")
    officer_page.fill("input[name=meets_on]", "2025-12-05")
    officer_page.fill("input[name=chair]", "Hoàng Văn Khởi")
    officer_page.fill("input[name=secretary]", "Chuyên Viên")
    officer_page.check(f"input[name=nominations][value='{nomination.pk}']")
    submit_and_wait(officer_page)
    session_url = officer_page.url
    submit_and_wait(officer_page, "[data-testid=council-open]")

    # 4. The council member approves; the officer closes the session.
    login(council_page, live_server, member_of_council.email, totp_device=devices[member_of_council.pk])
    council_page.goto(session_url)
    council_page.check("input[type=checkbox][name^=item_]")
    submit_and_wait(council_page, "[data-testid=council-cast]")
    officer_page.goto(session_url)
    submit_and_wait(officer_page, "[data-testid=council-close]")
    outcome = officer_page.inner_text("[data-testid=item-outcome]")

    # 5. The decision: drafted, sent to the signer, signed, then numbered, rendered and downloaded.
    officer_page.goto(f"{live_server.url}/awards/decisions/new/")
    officer_page.select_option("select[name=year]", str(year.pk))
    officer_page.select_option("select[name=award_type]", str(award_type("GK_BQL").pk))
    officer_page.check(f"input[name=nominations][value='{nomination.pk}']")
    submit_and_wait(officer_page)
    decision_url = officer_page.url
    officer_page.select_option("select[name=signer]", label=signer.full_name)
    submit_and_wait(officer_page, "[data-testid=decision-submit]")
    login(signer_page, live_server, signer.email, totp_device=devices[signer.pk])
    signer_page.goto(f"{live_server.url}/signatures/")
    with signer_page.expect_navigation():
        signer_page.click("main table a")
    signer_page.fill("input[name=password]", TEST_PASSWORD)
    signer_page.fill("input[name=otp_token]", next_totp_code(devices[signer.pk]))
    submit_and_wait(signer_page, "[data-testid=sign-button]")
    officer_page.goto(decision_url)
    download_button = officer_page.wait_for_selector("text=/Tải PDF|Download PDF/", timeout=30_000)
    with officer_page.expect_download() as download_info:
        download_button.click()
    pdf_path = tmp_path / "decision.pdf"
    download_info.value.save_as(pdf_path)
    pdf_text = " ".join(read_pdf_text(pdf_path).split())
    officer_page.click("[data-testid=decision-certificates]")
    officer_page.wait_for_selector("[data-testid=certificate]")
    certificates = officer_page.locator("[data-testid=certificate]").count()
    print_button = officer_page.is_visible("[data-testid=certificates-print]")

    nomination.refresh_from_db()
    assert dossier_complete == 1
    with translation.override(language):
        assert outcome == str(nomination.council_items.get().get_outcome_display())
    assert nomination.status == "DECIDED"
    assert "Số: 01/QĐ-BQL" in pdf_text and "DANH SÁCH" in pdf_text and member.name in pdf_text
    assert "Điều 1. Tặng Giấy khen" in pdf_text
    assert (certificates, print_button) == (1, True)
    for page in (leader_page, member_page, officer_page, council_page, signer_page):
        assert page.console_errors == []
