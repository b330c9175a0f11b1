"""A member fills and submits its Q1 report, the leader returns it, the member corrects and resubmits, the
leader accepts, writes the bloc's review and submits it, the Board accepts it and issues it; the PDF renders
and downloads. The same in Vietnamese and in English."""

from decimal import Decimal

import pytest
from django.conf import settings

from blocs.models import Indicator
from scoring.quarterly.enums import ReportStatus, ReviewStatus
from tests.e2e.conftest import login, submit_and_wait
from tests.factories.accounts import TOTPDeviceFactory
from tests.pdf_tools import pdf_text as read_pdf_text
from tests.scoring.quarterly.conftest import accepted, make_quarterly_world

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # the journey renders a real PDF
INCIDENTS = {"TNLD", "CHAY", "MT_VP", "DC", "BHXH_NO"}
# The same journey in each language, the average income typed the way people of that language type it.
LANGUAGES = [("vi", "8,5", "8,7"), ("en", "8.5", "8.7")]


def _fill_report(page, *, income: str, output: str) -> None:
    for indicator in Indicator.objects.filter(organization__isnull=True, optional=False):
        code = indicator.code
        if indicator.kind == "YES_NO":
            page.select_option(f"select[name=value_{code}]", "1")
        elif code in INCIDENTS:
            page.fill(f"input[name=value_{code}]", "")
            page.check(f"input[name=na_{code}]")
        else:
            page.fill(f"input[name=value_{code}]", "10")
    page.fill("input[name=value_TNBQ]", income)
    page.fill("input[name=value_GTSX]", output)
    submit_and_wait(page, "[data-testid=report-save]")


@pytest.mark.parametrize(
    ("language", "income", "corrected_income"), LANGUAGES, ids=[lang for lang, *_ in LANGUAGES]
)
def test_quarterly_journey(live_server, world, new_page, tmp_path, language, income, corrected_income):
    qw = make_quarterly_world(world)
    for enterprise, user, reviewer in (
        (qw.deputy, qw.deputy_rep, qw.leader_rep),
        (qw.other, qw.other_rep, qw.leader_rep),
        (qw.leader, qw.leader_rep, qw.deputy_rep),
    ):
        accepted(qw, enterprise, user, reviewer)
    report_url = f"{live_server.url}/quarterly/reports/{qw.report(qw.member).pk}/"
    review_url = f"{live_server.url}/quarterly/reviews/{qw.review().pk}/"
    cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}

    def person():
        page = new_page()
        page.context.add_cookies([cookie])
        return page

    member, leader, board = person(), person(), person()

    login(member, live_server, qw.member_rep.email)
    member.goto(f"{live_server.url}/quarterly/mine/")
    member.click(f"a[href='/quarterly/reports/{qw.report(qw.member).pk}/']")
    member.click("[data-testid=report-edit]")
    _fill_report(member, income=income, output="100")
    submit_and_wait(member, "[data-testid=report-submit]")
    member.wait_for_selector(".q-status-submitted")

    login(leader, live_server, qw.leader_rep.email)
    leader.goto(report_url)
    leader.fill("[data-testid=return-form] textarea[name=reason]", "Thu nhập bình quân chưa khớp bảng lương")
    submit_and_wait(leader, "[data-testid=report-return]")
    leader.wait_for_selector("[data-testid=return-reason]")

    member.goto(report_url)
    returned_text = member.inner_text("[data-testid=return-reason]")
    member.click("[data-testid=report-edit]")
    member.fill("input[name=value_TNBQ]", corrected_income)
    submit_and_wait(member, "[data-testid=report-save]")
    submit_and_wait(member, "[data-testid=report-submit]")

    leader.goto(report_url)
    submit_and_wait(leader, "[data-testid=report-accept]")
    leader.goto(review_url)
    leader.click("[data-testid=review-edit]")
    leader.fill("textarea[name=economic_text]", "Các doanh nghiệp duy trì sản xuất ổn định.")
    leader.fill("textarea[name=shortcomings]", "Một doanh nghiệp nộp báo cáo chậm.")
    leader.fill("textarea[name=directions]", "Đẩy mạnh phong trào thi đua quý II.")
    leader.fill("textarea[name=proposals]", "Đề nghị Ban Quản lý tổ chức tập huấn báo cáo.")
    submit_and_wait(leader, "[data-testid=review-save]")
    submit_and_wait(leader, "[data-testid=review-submit]")
    leader.wait_for_selector(".q-status-submitted")

    device = TOTPDeviceFactory(user=world.a.officer)
    login(board, live_server, world.a.officer.email, totp_device=device)
    board.goto(review_url)
    submit_and_wait(board, "[data-testid=review-accept]")
    submit_and_wait(board, "[data-testid=review-publish]")
    board.wait_for_selector("a[href*='/download/']", timeout=60_000)
    with board.expect_download() as download_info:
        board.click("a[href*='/download/']")
    pdf_path = tmp_path / "bao-cao-quy.pdf"
    download_info.value.save_as(pdf_path)
    text = read_pdf_text(pdf_path)

    report, review = qw.report(qw.member), qw.review()
    assert member.get_attribute("html", "lang") == language
    assert "Thu nhập bình quân" in returned_text
    assert report.status == ReportStatus.ACCEPTED
    assert report.values.get(indicator__code="TNBQ").value == Decimal("8.7")
    assert review.status == ReviewStatus.PUBLISHED
    assert pdf_path.read_bytes()[:4] == b"%PDF"
    assert "BÁO CÁO" in text  # the official document is in Vietnamese whatever the interface language
    assert "KẾT QUẢ THỰC HIỆN" in text
    assert qw.bloc.name.split()[0] in text
    assert member.console_errors == [] and leader.console_errors == [] and board.console_errors == []
