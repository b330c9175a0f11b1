"""Thin Celery tasks of the document pipeline; the work lives in ``services``.

The services never import this module: they ask for a render with ``signals.render_requested`` and the
receiver in ``thidua.documents.receivers`` sends ``task_render_document`` (tasks -> services, one way).
"""

from celery import shared_task
from django.db import DatabaseError

from thidua.documents.services import render_claimed_document, sweep_pending_documents


@shared_task(
    name="documents.render_document",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
    ignore_result=True,
)
def task_render_document(*, document_id: int) -> None:
    """Render one document. Idempotent: the service claims it with a conditional UPDATE first."""
    render_claimed_document(document_id)


@shared_task(name="documents.sweep_pending_documents", ignore_result=True)
def task_sweep_pending_documents() -> int:
    """Beat, every minute: re-enqueue documents a down broker or a killed worker left behind."""
    return len(sweep_pending_documents())


@shared_task(name="documents.deliver_notice", ignore_result=True)
def task_deliver_notice(*, notice_id: int) -> int:
    """Deliver an issued notice to its audience in the portal and notify them (queued when it is signed:
    an audience of every member enterprise is thousands of people, never fanned out in the request)."""
    from thidua.documents.services.notices import deliver_notice  # noqa: PLC0415 -- leaf

    return deliver_notice(notice_id=notice_id)
