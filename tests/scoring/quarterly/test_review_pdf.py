"""The bloc's review renders to a real PDF in the Decree 30 report layout, in Vietnamese."""

import pytest

from scoring.quarterly.services import reports as report_services
from scoring.quarterly.services import reviews as services
from tests.pdf_tools import pdf_text
from tests.scoring.quarterly.conftest import accepted
from tests.scoring.quarterly.test_reviews import TEXTS
from thidua.documents.enums import DocumentStatus

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # renders, then reads it with pdftotext


def test_the_bloc_review_pdf_has_the_report_layout(qw, world, django_capture_on_commit_callbacks):
    for enterprise, rep, reviewer in (
        (qw.member, qw.member_rep, qw.leader_rep),
        (qw.deputy, qw.deputy_rep, qw.leader_rep),
        (qw.leader, qw.leader_rep, qw.deputy_rep),
    ):
        accepted(qw, enterprise, rep, reviewer)
    report_services.waive_report(
        report=qw.report(qw.other), waived_by=qw.leader_rep, reason="Ngừng hoạt động"
    )
    review = services.save_review(review=qw.review(), written_by=qw.leader_rep, texts=TEXTS)
    review = services.submit_review(review=review, submitted_by=qw.leader_rep)
    review = services.accept_review(review=review, accepted_by=world.a.officer)

    with django_capture_on_commit_callbacks(execute=True):
        review = services.publish_review(review=review, requested_by=qw.leader_rep)

    document = review.document
    document.refresh_from_db()
    pdf = document.file.read()
    flat = " ".join(pdf_text(pdf).split())
    assert document.status == DocumentStatus.DONE
    assert pdf.startswith(b"%PDF")
    for text in (
        "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua quý I năm 2026",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Giá trị sản xuất công nghiệp",
        "TM. KHỐI THI ĐUA",
        "PHỤ LỤC",
        "Một số doanh nghiệp nộp báo cáo chậm.",
    ):
        assert text in flat, text
    assert "300" in flat.split()  # the bloc's output: three accepted reports of 100
