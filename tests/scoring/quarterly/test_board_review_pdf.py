"""The Board's report across its blocs and the bloc's review as real PDFs: issued through the signing workflow
and rendered by the worker, and as `render_sample` draws them (Decree 30 report layout, in Vietnamese)."""

import io

import pytest
from django.core.management import call_command

from scoring.quarterly.services import board_reviews as services
from tests.factories.accounts import TEST_PASSWORD
from tests.pdf_tools import pdf_text
from tests.scoring.quarterly.conftest import accepted
from tests.scoring.quarterly.test_board_reviews import TEXTS
from thidua.documents import services as document_services
from thidua.documents.enums import DocumentStatus, SignatureRequestStatus
from thidua.documents.models import SignatureRequest

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # renders, then reads it with pdftotext


def flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_the_boards_report_is_signed_numbered_and_rendered(qw, world, django_capture_on_commit_callbacks):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    review = services.save_board_review(
        period=qw.period("Q1"), written_by=world.a.officer, signer=world.a.signer, texts=TEXTS
    )
    review = services.submit_board_review(review=review, submitted_by=world.a.officer)
    request = SignatureRequest.objects.get(status=SignatureRequestStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        document_services.sign_document(signature_request=request, signed_by=world.a.signer, password=TEST_PASSWORD)

    review.refresh_from_db()
    document = review.document
    text = flat(document.file.read())
    assert document.status == DocumentStatus.DONE
    for expected in (
        "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua của các Khối thi đua doanh nghiệp quý I năm 2026",
        f"Số: 01/BC-{world.a.board.short_code}",
        "I. KẾT QUẢ THỰC HIỆN",
        "Toàn Ban",
        "Giá trị sản xuất công nghiệp",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        TEXTS["proposals"],
        "KT. TRƯỞNG BAN",
        "PHỤ LỤC",
        qw.bloc.name,
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "bloc_review",
            (
                "KHỐI THI ĐUA CÁC DOANH NGHIỆP KCN ĐIỀM THỤY",
                "Số: 03/BC-KTĐ1",
                "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026",
                "TM. KHỐI THI ĐUA",
                "PHỤ LỤC",
            ),
        ),
        (
            "board_review",
            (
                "Số: 41/BC-BQL",
                "Sơ kết phong trào thi đua của các Khối thi đua doanh nghiệp 6 tháng đầu năm 2026",
                "Kính gửi: Ủy ban nhân dân tỉnh Thái Nguyên",
                "Toàn Ban",
                "KT. TRƯỞNG BAN",
                "Khối thi đua các doanh nghiệp KCN Sông Công (KTĐ3)",
            ),
        ),
    ],
)
def test_render_sample_draws_the_report(tmp_path, kind, expected):
    out = tmp_path / f"{kind}.pdf"

    call_command("render_sample", kind, str(out), stdout=io.StringIO())

    text = flat(out.read_bytes())
    for line in expected:
        assert line in text, line
