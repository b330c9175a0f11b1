"""Quarterly screens: allowed / insider 403 / outsider 404 on every URL, what the pages show, and their
query counts (lists pinned with one and three rows)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from scoring.quarterly.enums import ReportStatus, ReviewStatus
from scoring.quarterly.models import EvidenceFile
from scoring.quarterly.services import reports as report_services
from tests.conftest import english
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    enterprise_user,
)
from tests.factories.scoring import BlocReviewFactory, EnterpriseReportFactory, ReportingPeriodFactory
from tests.pdf_tools import minimal_pdf
from tests.scoring.quarterly.conftest import accepted, complete, entries, submitted

pytestmark = pytest.mark.unit
PDF = minimal_pdf("Biên lai nộp thuế")


def status(client_as, user, url, method="get", data=None):
    client = client_as(user)
    return (client.post(url, data or {}) if method == "post" else client.get(url)).status_code


@pytest.fixture
def outsider(world):
    """An enterprise user of Board B."""
    return enterprise_user(EnterpriseFactory(organization=world.b.board))


# ---------------------------------------------------------------------------
# Landing and lists
# ---------------------------------------------------------------------------
def test_home_sends_each_role_to_its_page(qw, world, client_as):
    url = reverse("scoring:quarterly_home")

    assert client_as(world.a.officer).get(url).url == reverse("scoring:period_list")
    assert client_as(qw.leader_rep).get(url).url == reverse("scoring:review_list")
    assert client_as(qw.member_rep).get(url).url == reverse("scoring:my_reports")


def test_my_reports_lists_only_my_enterprises(qw, world, client_as):
    response = client_as(qw.reporter).get(reverse("scoring:my_reports"))

    assert {r.enterprise_id for r in response.context["page_obj"]} == {qw.member.pk}  # this year's and last
    assert status(client_as, world.a.officer, reverse("scoring:my_reports")) == 404


def _enterprise_with_reports(world, rows):
    board = world.b.board
    enterprise = EnterpriseFactory(organization=board)
    user = enterprise_user(enterprise)
    bloc = BlocFactory(organization=board)
    for n in range(rows):
        year = EmulationYearFactory(organization=board, year=2020 + n)
        period = ReportingPeriodFactory(year=year)
        EnterpriseReportFactory(period=period, enterprise=enterprise, bloc=bloc)
        BlocMembershipFactory(bloc=bloc, enterprise=enterprise, year=year, role="LEADER")
        BlocReviewFactory(period=period, bloc=bloc)
    return user


@pytest.mark.parametrize("rows", [1, 3])
def test_my_reports_query_count_is_constant(world, client_as, django_assert_num_queries, rows):
    user = _enterprise_with_reports(world, rows)
    client = client_as(user)
    client.get(reverse("scoring:my_reports"))

    with django_assert_num_queries(7):
        response = client.get(reverse("scoring:my_reports"))

    assert len(response.context["page_obj"].object_list) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_review_list_query_count_is_constant(world, client_as, django_assert_num_queries, rows):
    user = _enterprise_with_reports(world, rows)
    client = client_as(user)
    client.get(reverse("scoring:review_list"))

    with django_assert_num_queries(8):
        response = client.get(reverse("scoring:review_list"))

    assert len(response.context["page_obj"].object_list) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_period_list_query_count_is_constant(world, client_as, django_assert_num_queries, rows):
    for n in range(rows):
        ReportingPeriodFactory(year=EmulationYearFactory(organization=world.b.board, year=2020 + n))
    client = client_as(world.b.officer)
    client.get(reverse("scoring:period_list"))

    with django_assert_num_queries(7):
        response = client.get(reverse("scoring:period_list"))

    assert len(response.context["page_obj"].object_list) == rows


def test_period_list_trio(qw, world, client_as, outsider):
    url = reverse("scoring:period_list")

    assert status(client_as, world.a.council, url) == 200
    assert status(client_as, qw.leader_rep, url) == 403
    assert status(client_as, outsider, url) == 403  # an insider of its own Board, without the role


# ---------------------------------------------------------------------------
# The Board's pages
# ---------------------------------------------------------------------------
def test_set_up_is_for_the_boards_officers(qw, world, client_as):
    year = EmulationYearFactory(organization=world.a.board, year=2027)
    url = reverse("scoring:period_setup")

    assert status(client_as, world.a.council, url, "post", {"year": year.pk}) == 403
    assert status(client_as, world.a.officer, url, "post", {"year": year.pk}) == 302
    assert year.periods.count() == 4


@pytest.mark.parametrize("name", ["period_edit", "period_open", "period_close"])
def test_period_writes_trio(qw, world, client_as, name):
    url = reverse(f"scoring:{name}", args=[qw.period("Q2").pk])
    method = "get" if name == "period_edit" else "post"

    assert status(client_as, world.a.council, url, method) == 403
    assert status(client_as, qw.leader_rep, url, method) == 403
    assert status(client_as, world.b.officer, url, method) == 404
    assert status(client_as, world.a.officer, url, method) in (200, 302)


def test_period_edit_saves_and_shows_errors(qw, world, client_as):
    url = reverse("scoring:period_edit", args=[qw.q1.pk])
    client = client_as(world.a.officer)

    bad = client.post(
        url,
        {"review_kind": "EXTRA_REVIEW", "enterprise_deadline": "2026-03-01", "bloc_deadline": "2026-04-20"},
    )
    good = client.post(
        url,
        {"review_kind": "EXTRA_REVIEW", "enterprise_deadline": "2026-04-12", "bloc_deadline": "2026-04-22"},
    )

    assert bad.status_code == 200 and bad.context["form"].errors["enterprise_deadline"]
    assert good.status_code == 302
    qw.q1.refresh_from_db()
    assert qw.q1.review_kind == "EXTRA_REVIEW"


@pytest.mark.parametrize("name", ["period_status", "period_summary", "period_export"])
def test_period_reads_trio(qw, world, client_as, name):
    url = reverse(f"scoring:{name}", args=[qw.q1.pk])

    assert status(client_as, world.a.council, url) == 200
    assert status(client_as, qw.leader_rep, url) == 403
    assert status(client_as, world.b.officer, url) == 404


def _board_with_blocs(world, rows):
    board = world.b.board
    year = EmulationYearFactory(organization=board, year=2026)
    period = ReportingPeriodFactory(year=year)
    for _n in range(rows):
        bloc = BlocFactory(organization=board)
        BlocReviewFactory(period=period, bloc=bloc)
        for role in ("LEADER", "MEMBER"):
            membership = BlocMembershipFactory(bloc=bloc, year=year, role=role)
            EnterpriseReportFactory(period=period, enterprise=membership.enterprise, bloc=bloc)
    return period


@pytest.mark.parametrize("rows", [1, 3])
def test_period_status_query_count_is_constant(world, client_as, django_assert_num_queries, rows):
    period = _board_with_blocs(world, rows)
    client = client_as(world.b.officer)
    url = reverse("scoring:period_status", args=[period.pk])
    client.get(url)

    with django_assert_num_queries(10):
        response = client.get(url)

    assert len(response.context["blocs"]) == rows
    assert response.context["board"].members == 2 * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_period_summary_query_count_is_constant(world, client_as, django_assert_num_queries, rows):
    period = _board_with_blocs(world, rows)
    client = client_as(world.b.officer)
    url = reverse("scoring:period_summary", args=[period.pk])
    client.get(url)

    with django_assert_num_queries(9):
        response = client.get(url)

    assert response.status_code == 200


def test_period_summary_refuses_an_unknown_park(qw, world, client_as):
    url = reverse("scoring:period_summary", args=[qw.q1.pk])

    assert client_as(world.a.officer).get(url, {"park": "999999"}).status_code == 404


def test_the_export_has_every_report_and_value(qw, world, client_as):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)

    response = client_as(world.a.officer).get(reverse("scoring:period_export", args=[qw.q1.pk]))

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    member = next(r for r in rows if r[2] == qw.member.tax_code)
    assert len(rows) == 1 + 5
    assert member[header.index("GTSX (tỷ đồng)")] == 100
    assert member[header.index("CHAY (vụ)")] == "KPS"


def test_the_status_page_shows_every_bloc(qw, world, client_as):
    response = english(client_as(world.a.officer)).get(reverse("scoring:period_status", args=[qw.q1.pk]))

    assert qw.bloc.name in response.content.decode()
    assert "Whole Board" in response.content.decode()


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------
def test_report_detail_trio(qw, world, client_as, outsider):
    url = reverse("scoring:report_detail", args=[qw.report(qw.member).pk])

    for user in (qw.reporter, qw.member_rep, qw.leader_rep, world.a.council):
        assert status(client_as, user, url) == 200, user
    for user in (qw.other_rep, qw.deputy_rep, qw.stranger_rep, outsider, world.b.officer):
        assert status(client_as, user, url) == 404, user


def test_the_deputy_sees_the_leaders_report_once_submitted(qw, client_as):
    url = reverse("scoring:report_detail", args=[qw.report(qw.leader).pk])
    before = status(client_as, qw.deputy_rep, url)
    submitted(qw, qw.leader, qw.leader_rep)

    assert before == 404  # the leader's draft is not yet the deputy's to review
    assert status(client_as, qw.deputy_rep, url) == 200


def test_report_detail_query_count(qw, client_as, django_assert_num_queries):
    report = submitted(qw, qw.member, qw.member_rep)
    client = client_as(qw.leader_rep)
    url = reverse("scoring:report_detail", args=[report.pk])
    client.get(url)

    with django_assert_num_queries(11):
        response = client.get(url)

    assert response.context["can_review"]


def test_report_edit_trio(qw, world, client_as):
    url = reverse("scoring:report_edit", args=[qw.report(qw.member).pk])

    assert status(client_as, qw.reporter, url) == 200
    assert status(client_as, qw.leader_rep, url) == 200  # on the member's behalf
    assert status(client_as, world.a.officer, url) == 403
    assert status(client_as, qw.other_rep, url) == 404


def _form_data(response, **values):
    data = {}
    for name in response.context["form"].fields:
        initial = response.context["form"].initial.get(name)
        if name.startswith("na_"):
            if initial:
                data[name] = "on"
        elif initial is not None:
            data[name] = str(initial)
    data.update(values)
    return data


def test_the_form_starts_from_the_previous_report(qw, world, client_as):
    from scoring.quarterly.services import periods as period_services

    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    q2 = period_services.open_period(period=qw.period("Q2"), opened_by=world.a.officer)

    response = client_as(qw.member_rep).get(
        reverse("scoring:report_edit", args=[qw.report(qw.member, q2).pk])
    )

    assert response.context["started_from"]
    assert response.context["form"].initial["value_GTSX"] == 100


@pytest.mark.django_db(transaction=True)  # the service's transaction is the outermost one, as in production
def test_the_form_saves_in_at_most_fifteen_queries(qw, client_as, django_assert_max_num_queries):
    report = report_services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=complete(qw)
    )
    client = english(client_as(qw.member_rep))
    url = reverse("scoring:report_edit", args=[report.pk])
    data = _form_data(client.get(url), value_GTSX="123.5", value_DT="", na_DT="on")

    with django_assert_max_num_queries(15):
        response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    values = {v.indicator.code: v for v in report.values.select_related("indicator")}
    assert values["GTSX"].value == 123.5
    assert values["DT"].not_applicable


def test_the_form_shows_service_errors_on_their_fields(qw, client_as):
    client = english(client_as(qw.member_rep))
    url = reverse("scoring:report_edit", args=[qw.report(qw.member).pk])

    response = client.post(url, {"value_GTSX": "-4", "value_LN": "3"})

    assert response.status_code == 200
    assert response.context["form"].errors["value_GTSX"] == ["The value cannot be negative."]
    assert "ytd_LN" in response.context["form"].errors


def test_vietnamese_numbers_are_read_in_the_form(qw, client_as):
    client = client_as(qw.member_rep)  # Vietnamese by default
    url = reverse("scoring:report_edit", args=[qw.report(qw.member).pk])

    assert client.post(url, {"value_GTSX": "1.234,5"}).status_code == 302
    assert qw.report(qw.member).values.get(indicator__code="GTSX").value == 1234.5


@pytest.mark.parametrize("name", ["report_accept", "report_return"])
def test_review_steps_trio(qw, world, client_as, name):
    report = submitted(qw, qw.member, qw.member_rep)
    url = reverse(f"scoring:{name}", args=[report.pk])
    data = {"reason": "Thiếu số liệu"}

    assert status(client_as, qw.member_rep, url, "post", data) == 403
    assert status(client_as, world.a.council, url, "post", data) == 403
    assert status(client_as, qw.other_rep, url, "post", data) == 404
    assert status(client_as, qw.leader_rep, url, "post", data) == 302
    report.refresh_from_db()
    assert report.status == (ReportStatus.ACCEPTED if name == "report_accept" else ReportStatus.RETURNED)


def test_a_return_without_reason_is_a_message_not_an_error(qw, client_as):
    report = submitted(qw, qw.member, qw.member_rep)

    response = english(client_as(qw.leader_rep)).post(
        reverse("scoring:report_return", args=[report.pk]), follow=True
    )

    assert "Say why the report is returned." in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_submit_trio(qw, world, client_as):
    report = report_services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=complete(qw)
    )
    url = reverse("scoring:report_submit", args=[report.pk])

    assert status(client_as, world.a.officer, url, "post") == 403
    assert status(client_as, qw.other_rep, url, "post") == 404
    assert status(client_as, qw.reporter, url, "post") == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_reopen_trio(qw, world, client_as):
    report = accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    url = reverse("scoring:report_reopen", args=[report.pk])
    data = {"reason": "Sai số liệu"}

    assert status(client_as, qw.leader_rep, url, "post", data) == 403
    assert status(client_as, world.a.council, url, "post", data) == 403
    assert status(client_as, world.b.officer, url, "post", data) == 404
    assert status(client_as, world.a.officer, url, "post", data) == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED


def test_waive_trio(qw, world, client_as):
    url = reverse("scoring:report_waive", args=[qw.report(qw.other).pk])
    data = {"reason": "Ngừng hoạt động"}

    assert status(client_as, qw.other_rep, url, "post", data) == 403
    assert status(client_as, qw.member_rep, url, "post", data) == 404
    assert status(client_as, qw.leader_rep, url, "post", data) == 302
    assert qw.report(qw.other).waived


def test_evidence_upload_download_remove(qw, world, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = qw.report(qw.member)
    upload_url = reverse("scoring:evidence_upload", args=[report.pk])

    assert (
        status(client_as, world.a.officer, upload_url, "post", {"file": SimpleUploadedFile("a.pdf", PDF)})
        == 403
    )
    assert (
        status(client_as, qw.other_rep, upload_url, "post", {"file": SimpleUploadedFile("a.pdf", PDF)}) == 404
    )
    response = client_as(qw.reporter).post(
        upload_url, {"file": SimpleUploadedFile("a.pdf", PDF), "label": "Biên lai"}
    )
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get(report=report)

    download = reverse("scoring:evidence_download", args=[evidence.pk])
    assert status(client_as, qw.leader_rep, download) == 200
    assert status(client_as, world.a.council, download) == 200
    assert status(client_as, qw.other_rep, download) == 404
    response = client_as(qw.member_rep).get(download)
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF

    remove = reverse("scoring:evidence_remove", args=[evidence.pk])
    assert status(client_as, world.a.council, remove, "post") == 403
    assert status(client_as, qw.other_rep, remove, "post") == 404
    assert status(client_as, qw.reporter, remove, "post") == 302
    assert not EvidenceFile.objects.exists()


def test_an_evidence_that_is_not_a_pdf_is_a_message(qw, client_as):
    url = reverse("scoring:evidence_upload", args=[qw.report(qw.member).pk])

    response = english(client_as(qw.reporter)).post(
        url, {"file": SimpleUploadedFile("a.pdf", b"GIF89a")}, follow=True
    )

    assert "This is not a PDF file." in response.content.decode()
    assert not EvidenceFile.objects.exists()


# ---------------------------------------------------------------------------
# Reviews
# ---------------------------------------------------------------------------
def test_review_detail_trio(qw, world, client_as, outsider):
    review = qw.review()
    url = reverse("scoring:review_detail", args=[review.pk])

    assert status(client_as, qw.leader_rep, url) == 200
    assert status(client_as, world.a.council, url) == 200
    assert status(client_as, qw.member_rep, url) == 403  # a member reads it once the Board accepts it
    assert status(client_as, qw.stranger_rep, url) == 404  # another bloc's
    assert status(client_as, outsider, url) == 404
    assert status(client_as, world.b.officer, url) == 404


def test_a_member_reads_the_accepted_review(qw, client_as):
    review = qw.review()
    type(review).objects.filter(pk=review.pk).update(status=ReviewStatus.ACCEPTED)

    assert status(client_as, qw.member_rep, reverse("scoring:review_detail", args=[review.pk])) == 200


def test_review_detail_query_count(qw, client_as, django_assert_num_queries):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    client = client_as(qw.leader_rep)
    url = reverse("scoring:review_detail", args=[qw.review().pk])
    client.get(url)

    with django_assert_num_queries(12):
        response = client.get(url)

    assert len(response.context["members"]) == 4


@pytest.mark.parametrize("name", ["review_edit", "review_submit", "review_template", "review_upload"])
def test_leader_steps_trio(qw, world, client_as, name):
    url = reverse(f"scoring:{name}", args=[qw.review().pk])
    method = "post" if name == "review_submit" else "get"

    assert status(client_as, qw.member_rep, url, method) == 403
    assert status(client_as, world.a.officer, url, method) == 403
    assert status(client_as, qw.stranger_rep, url, method) == 404
    assert status(client_as, qw.leader_rep, url, method) in (200, 302)


@pytest.mark.parametrize("name", ["review_accept", "review_return"])
def test_board_steps_trio(qw, world, client_as, name):
    url = reverse(f"scoring:{name}", args=[qw.review().pk])

    assert status(client_as, qw.leader_rep, url, "post", {"reason": "x"}) == 403
    assert status(client_as, world.a.council, url, "post", {"reason": "x"}) == 403
    assert status(client_as, world.b.officer, url, "post", {"reason": "x"}) == 404
    assert status(client_as, world.a.officer, url, "post", {"reason": "x"}) == 302  # refused step: a message


def test_publish_trio(qw, world, client_as):
    url = reverse("scoring:review_publish", args=[qw.review().pk])

    assert status(client_as, qw.member_rep, url, "post") == 403
    assert status(client_as, world.a.council, url, "post") == 403
    assert status(client_as, qw.stranger_rep, url, "post") == 404
    assert status(client_as, qw.leader_rep, url, "post") == 302


def test_the_leader_writes_the_review_through_the_form(qw, client_as):
    url = reverse("scoring:review_edit", args=[qw.review().pk])

    response = client_as(qw.leader_rep).post(url, {"shortcomings": "Nộp chậm", "directions": "Đôn đốc"})

    assert response.status_code == 302
    review = qw.review()
    assert (review.status, review.shortcomings) == (ReviewStatus.CONSOLIDATING, "Nộp chậm")


def test_the_upload_page_shows_row_errors(qw, client_as):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Mã số thuế", "Tên doanh nghiệp", "GTSX"])
    book.active.append([qw.member.tax_code, qw.member.name, "abc"])
    buffer = io.BytesIO()
    book.save(buffer)
    url = reverse("scoring:review_upload", args=[qw.review().pk])

    response = english(client_as(qw.leader_rep)).post(
        url, {"file": SimpleUploadedFile("x.xlsx", buffer.getvalue())}
    )

    assert response.status_code == 200
    assert [(e.row, e.column) for e in response.context["row_errors"]] == [(2, "GTSX")]
    assert "Nothing was imported" in response.content.decode()


def test_the_upload_imports_and_redirects(qw, client_as):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Mã số thuế", "Tên doanh nghiệp", "GTSX"])
    book.active.append([qw.member.tax_code, qw.member.name, 42])
    buffer = io.BytesIO()
    book.save(buffer)
    url = reverse("scoring:review_upload", args=[qw.review().pk])

    response = client_as(qw.leader_rep).post(url, {"file": SimpleUploadedFile("x.xlsx", buffer.getvalue())})

    assert response.status_code == 302
    assert qw.report(qw.member).values.get(indicator__code="GTSX").value == 42


def test_the_report_page_shows_the_completion_warning(qw, client_as):
    report_services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, GTSX="10")
    )

    response = english(client_as(qw.member_rep)).get(
        reverse("scoring:report_detail", args=[qw.report(qw.member).pk])
    )

    assert "Far behind the pace of the pledge" in response.content.decode()
