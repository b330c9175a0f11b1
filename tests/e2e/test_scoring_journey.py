"""A member self-scores with evidence and submits, the leader cross-scores with a reason, the Board verifies
and makes it final, computes and publishes the ranking; the leader contests one criterion, the Board answers
and, once the window has passed, locks the ranking; the ranking table renders and downloads."""

import datetime
from decimal import Decimal

import pytest

from scoring.ranking.enums import RankingStatus, ScorecardStatus
from scoring.ranking.models import Ranking, ScoreChange
from tests.e2e.conftest import login, submit_and_wait
from tests.factories.accounts import TOTPDeviceFactory
from tests.pdf_tools import minimal_pdf
from tests.pdf_tools import pdf_text as read_pdf_text
from tests.scoring.ranking.conftest import final, make_scoring_world

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders a real PDF


def test_scoring_journey(live_server, world, new_page, tmp_path):
    sw = make_scoring_world(world)
    qw = sw.qw
    final(sw, qw.leader, qw.leader_rep, qw.deputy_rep)
    final(sw, qw.deputy, qw.deputy_rep, qw.leader_rep)
    final(sw, qw.other, qw.other_rep, qw.leader_rep)
    card = sw.card(qw.member)
    card_url = f"{live_server.url}/scoring/scorecards/{card.pk}/"
    evidence = tmp_path / "bien-lai.pdf"
    evidence.write_bytes(minimal_pdf("Biên lai nộp thuế"))
    member, leader, board = new_page(), new_page(), new_page()

    login(member, live_server, qw.member_rep.email)
    member.goto(card_url)
    for field in member.query_selector_all("[data-testid=scores-form] input[name^=value_]"):
        if not field.input_value():
            field.fill("0")
    member.fill(f"input[name=value_{card.entries.get(criterion__code='A3').criterion_id}]", "10")
    member.fill(f"input[name=value_{card.entries.get(criterion__code='B1').criterion_id}]", "8")
    submit_and_wait(member, "[data-testid=scores-save]")
    member.select_option(
        "[data-testid=evidence-form] select[name=entry]", str(card.entries.get(criterion__code="A3").pk)
    )
    member.set_input_files("[data-testid=evidence-form] input[type=file]", str(evidence))
    submit_and_wait(member, "[data-testid=evidence-attach]")
    submit_and_wait(member, "[data-testid=scorecard-submit]")
    member_status = member.inner_text("[data-testid=scorecard-status]")

    login(leader, live_server, qw.leader_rep.email)
    leader.goto(card_url)
    b1 = card.entries.get(criterion__code="B1").criterion_id
    leader.fill(f"input[name=value_{b1}]", "6")
    leader.fill(f"input[name=reason_{b1}]", "Còn chậm trả lương tháng 3")
    submit_and_wait(leader, "[data-testid=scores-save]")
    submit_and_wait(leader, "[data-testid=scorecard-submit]")

    device = TOTPDeviceFactory(user=world.a.officer)
    login(board, live_server, world.a.officer.email, totp_device=device)
    board.goto(card_url)
    submit_and_wait(board, "[data-testid=scorecard-submit]")
    board.goto(f"{live_server.url}/scoring/")
    board.select_option("select[name=compute-bloc]", str(qw.bloc.pk))
    board.select_option("select[name=compute-year]", str(qw.year.pk))
    board.select_option("select[name=compute-period]", "MIDYEAR")
    submit_and_wait(board, "[data-testid=ranking-compute]")
    submit_and_wait(board, "[data-testid=ranking-publish]")
    ranking = Ranking.objects.get()

    leader.goto(f"{live_server.url}/scoring/rankings/{ranking.pk}/")
    leader.select_option(
        "[data-testid=objection-form] select[name=entry]",
        str(sw.card(qw.leader).entries.get(criterion__code="A4").pk),
    )
    leader.fill(
        "[data-testid=objection-form] textarea[name=text]", "Đã đầu tư dây chuyền mới, đề nghị chấm lại."
    )
    submit_and_wait(leader, "[data-testid=objection-send]")

    board.reload()
    board.check("[data-testid=answer-form] input[name=accept][value='0']")
    board.fill("[data-testid=answer-form] textarea[name=answer]", "Chưa có hóa đơn đầu tư kèm theo.")
    submit_and_wait(board, "[data-testid=objection-answer]")
    Ranking.objects.filter(pk=ranking.pk).update(
        objection_deadline=datetime.date(2026, 1, 1)
    )  # the window passed
    board.reload()
    submit_and_wait(board, "[data-testid=ranking-lock]")
    board.wait_for_selector("[data-testid=ranking-document] a[href*='/download/']", timeout=60_000)
    with board.expect_download() as download_info:
        board.click("[data-testid=ranking-document] a[href*='/download/']")
    pdf_path = tmp_path / "bang-xep-hang.pdf"
    download_info.value.save_as(pdf_path)
    text = read_pdf_text(pdf_path)

    card.refresh_from_db()
    ranking.refresh_from_db()
    assert "Awaiting the cross score" in member_status or "Chờ chấm chéo" in member_status
    assert card.status == ScorecardStatus.FINAL
    assert card.entries.get(criterion__code="B1").final_value == Decimal(6)
    assert (
        ScoreChange.objects.get(entry__criterion__code="B1", entry__scorecard=card).reason
        == "Còn chậm trả lương tháng 3"
    )
    assert card.entries.get(criterion__code="A3").evidence.count() == 1
    assert ranking.status == RankingStatus.LOCKED
    assert ranking.objections.get().status == "REJECTED"
    assert pdf_path.read_bytes()[:4] == b"%PDF"
    assert "Kết quả chấm điểm, xếp hạng thi đua" in " ".join(text.split())
    assert member.console_errors == [] and leader.console_errors == [] and board.console_errors == []
