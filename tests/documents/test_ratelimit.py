from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.conftest import english
from tests.factories.documents import NoticeFactory
from thidua.audit.models import AuditEvent
from thidua.documents import services
from thidua.documents.enums import DocumentStatus
from thidua.documents.models import GeneratedDocument, NumberSequence
from thidua.documents.ratelimit import recent_requests

pytestmark = pytest.mark.unit

LIMIT, WINDOW = 30, 600


@pytest.fixture(autouse=True)
def default_rate(settings):
    settings.DOCUMENTS_ISSUE_RATE = (LIMIT, WINDOW)


def _fill_the_window(issue):
    return [issue() for _ in range(LIMIT)]


def test_the_31st_issue_in_the_window_is_refused_and_writes_nothing(world, issue):
    _fill_the_window(issue)
    events_before = AuditEvent.objects.count()

    with pytest.raises(ValidationError) as refused:
        issue()

    assert refused.value.code == "rate_limited"
    assert "too many documents" in refused.value.messages[0]
    assert "at most 30 every 10 minutes" in refused.value.messages[0]
    assert GeneratedDocument.objects.count() == LIMIT
    assert NumberSequence.objects.get(organization=world.a.board, doc_type="TB").last_number == LIMIT
    assert AuditEvent.objects.count() == events_before


def test_issuing_works_again_after_the_window(issue):
    _fill_the_window(issue)
    GeneratedDocument.objects.update(created_at=timezone.now() - timedelta(seconds=WINDOW + 1))

    document = issue()

    assert document.number == LIMIT + 1


def test_the_limit_is_per_user(world, issue):
    _fill_the_window(issue)

    document = issue(requested_by=world.a.admin)

    assert document.requested_by == world.a.admin


def test_retries_count_and_are_refused_over_the_limit(world, issue):
    documents = [issue() for _ in range(LIMIT - 1)]
    GeneratedDocument.objects.filter(pk=documents[0].pk).update(status=DocumentStatus.FAILED)
    services.retry_document(document=documents[0], retried_by=world.a.officer)  # the 30th request
    GeneratedDocument.objects.filter(pk=documents[0].pk).update(status=DocumentStatus.FAILED)

    with pytest.raises(ValidationError):
        services.retry_document(document=documents[0], retried_by=world.a.officer)
    with pytest.raises(ValidationError):
        issue()

    assert GeneratedDocument.objects.get(pk=documents[0].pk).status == DocumentStatus.FAILED


def test_the_count_costs_two_queries_covered_by_indexes(world, issue):
    issue()
    index_columns = [index.fields for index in GeneratedDocument._meta.indexes]

    with CaptureQueriesContext(connection) as queries:
        count = recent_requests(world.a.officer)

    assert count == 1
    assert len(queries) == 2
    assert ["requested_by", "created_at"] in index_columns


def test_submit_view_shows_the_refusal_as_a_message(world, client_for, issue):
    _fill_the_window(issue)
    notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer)
    client = client_for(world.a.officer)
    english(client)

    response = client.post(reverse("documents:notice_submit", args=[notice.pk]), follow=True)

    notice.refresh_from_db()
    assert (notice.status, notice.document) == ("draft", None)
    assert "You have asked for too many documents" in response.content.decode()
    assert GeneratedDocument.objects.count() == LIMIT


def test_retry_view_shows_the_refusal_in_the_partial(world, client_for, issue):
    documents = _fill_the_window(issue)
    GeneratedDocument.objects.filter(pk=documents[0].pk).update(status=DocumentStatus.FAILED)
    client = client_for(world.a.officer)
    english(client)

    response = client.post(reverse("documents:document_retry", args=[documents[0].pk]))

    assert response.status_code == 200
    assert "You have asked for too many documents" in response.content.decode()
    assert GeneratedDocument.objects.get(pk=documents[0].pk).status == DocumentStatus.FAILED
