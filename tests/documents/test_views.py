import io
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from tests.documents.conftest import totp_now
from tests.factories.accounts import TEST_PASSWORD, UserFactory
from tests.factories.documents import NoticeFactory
from thidua.documents import queries
from thidua.documents.enums import DocumentStatus
from thidua.documents.models import GeneratedDocument, Notice

pytestmark = pytest.mark.unit


def notice_signature(notice):
    return queries.signature_requests_for_owner(notice).first()


@pytest.fixture
def rendered(issued_notice):
    """An issued notice of Board A whose PDF is rendered."""
    return issued_notice


# --- notices ---------------------------------------------------------------
@pytest.mark.slow
def test_officer_creates_and_submits_then_the_signer_signs(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.a.officer)
    signer_client = client_for(world.a.signer)
    data = {
        "title": "Về việc nộp báo cáo quý I",
        "audience": "Các doanh nghiệp",
        "body": "Đoạn một.\nĐoạn hai.",
        "recipients": "Như trên;\nLưu: VT.",
        "signer": world.a.signer.pk,
    }

    response = client.post(reverse("documents:notice_create"), data)
    notice = Notice.objects.get()
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("documents:notice_submit", args=[notice.pk]))
    waiting = client.get(reverse("documents:notice_detail", args=[notice.pk])).content.decode()
    signature_request = notice_signature(notice)
    with django_capture_on_commit_callbacks(execute=True):
        signed = signer_client.post(
            reverse("documents:signature_sign", args=[signature_request.pk]),
            {"password": TEST_PASSWORD, "otp_token": totp_now(world.a.signer)},
        )
    page = client.get(reverse("documents:notice_detail", args=[notice.pk])).content.decode()

    notice.refresh_from_db()
    assert signed.status_code == 302
    assert "DỰ THẢO" in waiting
    assert notice.status == "issued"
    assert notice.document.number_and_symbol == "01/TB-BQL"
    assert notice.document.status == DocumentStatus.DONE
    assert reverse("documents:document_download", args=[notice.document.pk]) in page
    assert "01/TB-BQL" in page


def test_notice_form_proposes_the_boards_recipients(world, client_for):
    world.a.board.filing_unit = "VP"
    world.a.board.save()

    response = client_for(world.a.officer).get(reverse("documents:notice_create"))

    assert response.context["form"].fields["recipients"].initial == "Như trên;\nLãnh đạo Ban;\nLưu: VT, VP."


def test_notice_form_offers_only_signers_of_my_board(world, client_for):
    response = client_for(world.a.officer).get(reverse("documents:notice_create"))

    assert list(response.context["form"].fields["signer"].queryset) == [world.a.signer]


@pytest.mark.parametrize("item_count", [1, 3])
def test_notice_list_query_count(world, client_for, django_assert_num_queries, item_count):
    for _ in range(item_count):
        NoticeFactory(created_by=world.a.officer, signer=world.a.signer)
    NoticeFactory(created_by=world.b.officer, signer=world.b.signer)
    client = client_for(world.a.officer)

    with django_assert_num_queries(6):  # session, user+Board, 2FA device, roles, then the page
        response = client.get(reverse("documents:notice_list"))

    assert len(response.context["page_obj"]) == item_count


def test_notice_detail_trio(world, client_for):
    notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer)
    url = reverse("documents:notice_detail", args=[notice.pk])
    outsider_of_roles = UserFactory(organization=world.a.board)

    assert client_for(world.a.council).get(url).status_code == 200
    assert client_for(outsider_of_roles).get(url).status_code == 403
    assert client_for(world.b.admin).get(url).status_code == 404


def test_notice_submit_trio(world, client_for):
    notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer)
    url = reverse("documents:notice_submit", args=[notice.pk])

    assert client_for(world.a.council).post(url).status_code == 403
    assert client_for(world.b.admin).post(url).status_code == 404
    assert client_for(world.a.admin).get(url).status_code == 405
    assert client_for(world.a.admin).post(url).status_code == 302
    assert GeneratedDocument.objects.get().is_draft  # the preview; no number yet


# --- document status, download, retry --------------------------------------
def test_status_partial_polls_while_pending(world, client_for, issue):
    document = issue()

    html = (
        client_for(world.a.council)
        .get(reverse("documents:document_status", args=[document.pk]))
        .content.decode()
    )

    assert 'hx-trigger="every 2s"' in html
    assert 'hx-swap="outerHTML"' in html
    assert "document_download" not in html


@pytest.mark.slow
def test_status_partial_shows_download_when_done(world, client_for, rendered):
    url = reverse("documents:document_status", args=[rendered.document.pk])

    html = client_for(world.a.council).get(url).content.decode()

    assert "every 2s" not in html
    assert reverse("documents:document_download", args=[rendered.document.pk]) in html


@pytest.mark.slow
def test_download_trio_and_rfc5987_name(world, client_for, rendered):
    document = rendered.document
    url = reverse("documents:document_download", args=[document.pk])
    insider_without_role = UserFactory(organization=world.a.board)

    response = client_for(world.a.council).get(url)
    body = b"".join(response.streaming_content)

    assert response.status_code == 200
    assert body == document.file.open("rb").read()
    assert response["Content-Type"] == "application/pdf"
    expected_name = quote(f"01-TB-BQL {document.title}.pdf")
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{expected_name}"
    assert client_for(insider_without_role).get(url).status_code == 403
    assert client_for(world.b.admin).get(url).status_code == 404


@pytest.mark.slow
def test_requester_outside_board_staff_may_download(
    world, client_for, issue, django_capture_on_commit_callbacks
):
    requester = UserFactory(organization=world.a.board)
    with django_capture_on_commit_callbacks(execute=True):
        document = issue(requested_by=requester)

    response = client_for(requester).get(reverse("documents:document_download", args=[document.pk]))

    assert response.status_code == 200


@pytest.mark.slow
def test_retry_trio(world, client_for, issue, django_capture_on_commit_callbacks):
    document = issue()
    GeneratedDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED, error="boom")
    url = reverse("documents:document_retry", args=[document.pk])

    assert client_for(world.a.council).post(url).status_code == 403
    assert client_for(world.b.admin).post(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.a.officer).post(url)

    assert response.status_code == 200
    assert GeneratedDocument.objects.get(pk=document.pk).status == DocumentStatus.DONE  # eager


def test_failed_status_offers_retry_to_staff(world, client_for, issue):
    document = issue()
    GeneratedDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED, error="boom")

    html = (
        client_for(world.a.officer)
        .get(reverse("documents:document_status", args=[document.pk]))
        .content.decode()
    )

    assert reverse("documents:document_retry", args=[document.pk]) in html
    assert "boom" in html


# --- public verification ---------------------------------------------------
def _upload(data: bytes, name="van-ban.pdf"):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


@pytest.mark.slow
def test_verify_page_is_public_and_shows_the_fingerprint(rendered):
    document = rendered.document

    response = Client().get(reverse("documents:verify", args=[document.verification_token]))

    html = response.content.decode()
    assert response.status_code == 200
    assert document.sha256 in html
    assert "01/TB-BQL" in html


@pytest.mark.slow
def test_verify_accepts_the_registered_pdf_and_rejects_a_changed_one(rendered):
    document = rendered.document
    url = reverse("documents:verify", args=[document.verification_token])
    original = document.file.open("rb").read()

    same = Client().post(url, {"file": _upload(original)})
    changed = Client().post(url, {"file": _upload(original + b"\n%%")})

    assert same.context["result"] is True
    assert changed.context["result"] is False


@pytest.mark.slow
def test_verify_refuses_a_file_that_is_not_pdf(rendered):
    url = reverse("documents:verify", args=[rendered.document.verification_token])

    response = Client().post(url, {"file": _upload(b"GIF89a....", "x.pdf")})

    assert response.context["result"] is None
    assert response.context["form"].errors["file"]


def test_verify_unknown_token_is_404(db):
    assert Client().get(reverse("documents:verify", args=["nope"])).status_code == 404
