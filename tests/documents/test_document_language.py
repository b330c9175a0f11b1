"""Official documents are always in Vietnamese, whatever the language of the person who asks for them: real
PDFs read back with pdftotext."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.conftest import english
from tests.documents.conftest import totp_now
from tests.factories.accounts import TEST_PASSWORD
from tests.pdf_tools import english_words, pdf_text
from thidua.documents import rendering
from thidua.documents.models import Notice
from thidua.documents.queries import signature_requests_for_owner
from thidua.documents.samples import all_samples, build_sample_document

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # pdftotext; real PDFs
KINDS = sorted(all_samples())


@pytest.mark.parametrize("kind", KINDS)
def test_samples_rendered_with_the_english_ui_are_the_vietnamese_documents(kind, tmp_path):
    document = build_sample_document(all_samples()[kind]())
    with translation.override("vi"):
        vietnamese = rendering.render_pdf(document)
    with translation.override("en"):
        in_english = rendering.render_pdf(document)

    text = pdf_text(in_english)

    assert in_english == vietnamese
    assert english_words(text, ignore=(rendering.verification_url(document.verification_token),)) == []


def test_render_sample_writes_the_draft_preview(tmp_path):
    out = tmp_path / "notice_draft.pdf"

    call_command("render_sample", "notice_draft", str(out), stdout=io.StringIO())

    text = " ".join(pdf_text(out).split())
    assert "DỰ THẢO" in text
    assert "Xác thực văn bản" not in text


def test_issued_with_the_english_ui_the_pdf_is_vietnamese(
    world, client_for, django_capture_on_commit_callbacks
):
    officer = english(client_for(world.a.officer))
    signer = english(client_for(world.a.signer))
    officer.post(
        reverse("documents:notice_create"),
        {
            "title": "Về việc nộp báo cáo quý I năm 2026",
            "audience": "Các doanh nghiệp trong khu công nghiệp",
            "body": "Đề nghị các doanh nghiệp nộp báo cáo trước ngày 10 tháng 4 năm 2026./.",
            "recipients": "Như trên;\nLưu: VT, TĐKT.",
            "signer": world.a.signer.pk,
        },
    )
    notice = Notice.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(reverse("documents:notice_submit", args=[notice.pk]))
    signature_request = signature_requests_for_owner(notice).first()
    with django_capture_on_commit_callbacks(execute=True):
        signer.post(
            reverse("documents:signature_sign", args=[signature_request.pk]),
            {"password": TEST_PASSWORD, "otp_token": totp_now(world.a.signer)},
        )

    notice.refresh_from_db()
    document = notice.document
    preview = signature_request.preview
    preview.refresh_from_db()
    text = pdf_text(document.file.open("rb").read())
    preview_text = pdf_text(preview.file.open("rb").read())
    flat = " ".join(text.split())

    assert "THÔNG BÁO" in flat
    assert "Số: 01/TB-BQL" in flat
    assert "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN" in flat
    assert "DỰ THẢO" in preview_text
    assert english_words(text, ignore=(rendering.verification_url(document.verification_token),)) == []
    assert english_words(preview_text) == []
