"""A member admitted mid-year, after the bloc's joint pledge was issued, is told its pledge is open, fills and
submits it, the leader accepts it, the member signs with re-authentication, and the joint pledge issued again
lists it in its signature table with its fingerprint."""

import pytest

from blocs.membership.services import add_member
from blocs.pledges.models import PledgeSignature
from tests.blocs.pledges.conftest import make_pledge_world, signed
from tests.e2e.conftest import login
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.blocs import EnterpriseFactory, enterprise_user
from tests.pdf_tools import pdf_text as read_pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders real PDFs


def test_a_member_admitted_mid_year_signs_and_appears_in_the_joint_pledge(
    live_server, world, new_page, tmp_path
):
    pw = make_pledge_world(world)
    for enterprise, rep in ((pw.leader, pw.leader_rep), (pw.member, pw.member_rep), (pw.other, pw.other_rep)):
        signed(pw, enterprise, rep, world.a.officer)
    newcomer = EnterpriseFactory(organization=world.a.board, name="Công ty TNHH Nông sản Thanh Bình")
    newcomer_rep = enterprise_user(newcomer, full_name="Đỗ Thị Mới")
    add_member(bloc=pw.bloc, enterprise=newcomer, year=pw.template.year, added_by=world.a.officer)
    rep, leader = new_page(), new_page()

    login(rep, live_server, newcomer_rep.email)
    rep.goto(f"{live_server.url}/notifications/")
    notification = rep.inner_text("main")
    rep.goto(f"{live_server.url}/blocs/pledges/mine/")
    pledge_url = rep.url
    rep.click("[data-testid=pledge-edit]")
    for code, value in {"GTSX": "95", "DT": "90", "XK": "2,5"}.items():
        rep.fill(f"input[name=value_{code}]", value)
    rep.click("[data-testid=pledge-save]")
    rep.wait_for_selector("[data-testid=pledge-submit]")
    rep.click("[data-testid=pledge-submit]")
    rep.wait_for_selector(".pledge-status-submitted")

    login(leader, live_server, pw.leader_rep.email)
    leader.goto(pledge_url)
    leader.click("[data-testid=pledge-accept]")
    leader.wait_for_load_state()

    rep.goto(pledge_url)
    rep.click("[data-testid=pledge-sign]")
    rep.fill("input[name=password]", TEST_PASSWORD)
    rep.check("input[name=confirm]")
    rep.click("[data-testid=sign-submit]")
    rep.wait_for_selector("[data-testid=signature-valid]")

    leader.goto(f"{live_server.url}/blocs/pledges/templates/{pw.template.pk}/")
    leader.wait_for_selector("a[href*='/download/']", timeout=60_000)
    with leader.expect_download() as download_info:
        leader.click("a[href*='/download/']")
    pdf_path = tmp_path / "giao-uoc-bo-sung.pdf"
    download_info.value.save_as(pdf_path)
    pdf_text = " ".join(read_pdf_text(pdf_path).split())
    signature = PledgeSignature.objects.get(pledge__enterprise=newcomer)

    assert pw.bloc.name in notification and "2026" in notification
    assert f"02/GƯTĐ-{pw.bloc.code}" in pdf_text  # the joint pledge issued again in the bloc's register
    assert "Công ty TNHH Nông sản Thanh Bình" in pdf_text and "Đỗ Thị Mới" in pdf_text
    assert signature.short_fingerprint in pdf_text
    assert rep.console_errors == [] and leader.console_errors == []
