import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories.documents import NoticeFactory
from thidua.audit.models import AuditEvent
from thidua.documents import queries, services
from thidua.documents.enums import DocumentStatus
from thidua.documents.models import GeneratedDocument

pytestmark = pytest.mark.unit  # the tests that render a real PDF in-process (eager Celery) are slow too


def test_issue_document_snapshots_and_audits(world, issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        document = issue(issued_on=timezone.localdate().replace(month=1, day=5))

    assert len(callbacks) == 1
    assert document.status == DocumentStatus.PENDING
    assert document.number_and_symbol == "01/TB-BQL"
    assert document.letterhead["place_name"] == world.a.board.place_name
    assert document.context == {"audience": "Các doanh nghiệp", "paragraphs": ["Đoạn một.", "Đoạn hai./."]}
    assert len(document.verification_token) >= 32
    assert AuditEvent.objects.filter(action="document.issued", object_id=str(document.pk)).count() == 1


def test_issue_document_refuses_reserved_context_keys(issue):
    with pytest.raises(ValueError, match="reserved"):
        issue(context={"document": "x"})


@pytest.mark.slow
def test_render_on_commit_ends_done_with_matching_sha256(issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = issue()

    document.refresh_from_db()
    data = document.file.read()
    assert document.status == DocumentStatus.DONE
    assert document.attempts == 1
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == document.sha256


@pytest.mark.slow
def test_render_is_idempotent_and_deterministic(issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = issue()
    document.refresh_from_db()
    first_sha = document.sha256

    again = services.render_claimed_document(document.pk)
    GeneratedDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.PENDING)
    rerendered = services.render_claimed_document(document.pk)

    assert again is None
    assert rerendered.sha256 == first_sha
    assert rerendered.file.name == document.file.name


@pytest.mark.slow
def test_stale_rendering_claim_is_taken_over(issue, settings):
    document = issue()
    long_ago = timezone.now() - timedelta(seconds=settings.DOCUMENTS_RENDER_STALE_AFTER + 1)
    GeneratedDocument.objects.filter(pk=document.pk).update(
        status=DocumentStatus.RENDERING, claimed_at=long_ago, attempts=1
    )

    rendered = services.render_claimed_document(document.pk)

    assert (rendered.status, rendered.attempts) == (DocumentStatus.DONE, 2)


def test_fresh_rendering_claim_is_left_alone(issue):
    document = issue()
    GeneratedDocument.objects.filter(pk=document.pk).update(
        status=DocumentStatus.RENDERING, claimed_at=timezone.now()
    )

    assert services.render_claimed_document(document.pk) is None


def test_document_fails_after_too_many_attempts(issue, settings):
    document = issue()
    GeneratedDocument.objects.filter(pk=document.pk).update(attempts=settings.DOCUMENTS_MAX_ATTEMPTS)

    assert services.render_claimed_document(document.pk) is None

    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert AuditEvent.objects.filter(action="document.failed", object_id=str(document.pk)).count() == 1


@pytest.mark.slow
def test_template_error_fails_at_once_and_retry_renders(world, issue, django_capture_on_commit_callbacks):
    document = issue(template_name="pdf/no_such_template.html")
    rendered = services.render_claimed_document(document.pk)
    assert (rendered.status, rendered.attempts) == (DocumentStatus.FAILED, 1)
    assert "TemplateDoesNotExist" in GeneratedDocument.objects.get(pk=document.pk).error
    GeneratedDocument.objects.filter(pk=document.pk).update(template_name="pdf/notice.html")

    with django_capture_on_commit_callbacks(execute=True):
        services.retry_document(document=rendered, retried_by=world.a.officer)

    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE


def test_retry_refuses_a_document_that_did_not_fail(world, issue):
    with pytest.raises(ValidationError):
        services.retry_document(document=issue(), retried_by=world.a.officer)


@pytest.mark.slow
def test_sweeper_re_enqueues_old_pending_and_stale_rendering_only(issue, settings):
    old, fresh, stale, done = issue(), issue(), issue(), issue()
    past = timezone.now() - timedelta(hours=1)
    GeneratedDocument.objects.filter(pk=old.pk).update(queued_at=past)
    GeneratedDocument.objects.filter(pk=stale.pk).update(status=DocumentStatus.RENDERING, claimed_at=past)
    GeneratedDocument.objects.filter(pk=done.pk).update(status=DocumentStatus.DONE, queued_at=past)

    swept = services.sweep_pending_documents()

    assert swept == [old.pk, stale.pk]
    assert GeneratedDocument.objects.get(pk=old.pk).status == DocumentStatus.DONE  # eager: rendered at once
    assert GeneratedDocument.objects.get(pk=fresh.pk).status == DocumentStatus.PENDING


def test_documents_for_owner(world, issue):
    notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer)
    mine = issue(owner=notice)
    issue()

    assert list(queries.documents_for_owner(notice)) == [mine]


@pytest.mark.slow
def test_the_signed_notice_carries_the_signers_block_and_recipients(issued_notice):
    document = issued_notice.document

    assert document.status == DocumentStatus.DONE
    assert (document.signer_prefix, document.signer_title) == ("KT.", "Phó Trưởng ban")
    assert document.recipients == ["Như trên;", "Lưu: VT, TĐKT."]


def test_create_notice_refuses_a_signer_of_another_board(world):
    with pytest.raises(ValidationError) as excinfo:
        services.create_notice(
            organization=world.a.board,
            created_by=world.a.officer,
            title="Về việc x",
            body="Nội dung",
            recipients="Lưu: VT.",
            signer=world.b.signer,
        )

    assert "signer" in excinfo.value.message_dict
