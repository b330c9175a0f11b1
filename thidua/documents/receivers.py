"""Receivers of the documents platform (connected in ``DocumentsConfig.ready``). They only start services or
tasks, or answer what the platform asks."""

import logging

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Organization
from thidua.documents.permissions import can_sign
from thidua.documents.queries import signature_queue
from thidua.documents.services.legal_bases import seed_legal_bases
from thidua.documents.signals import notice_delivery_requested, render_requested
from thidua.documents.tasks import task_deliver_notice, task_render_document
from thidua.notifications.kinds import NotificationKind, notification_kinds
from thidua.waiting import Waiting, waiting_items

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Organization)
def seed_new_board(sender, instance: Organization, created: bool, raw: bool = False, **kwargs) -> None:
    """A new Board starts with the standard legal bases in its library (a fixture load seeds nothing)."""
    if created and not raw:
        seed_legal_bases(instance)


@receiver(render_requested)
def send_render_task(sender, document_id: int, **kwargs) -> bool:
    """Hand a pending document to the Celery worker. A broker that is down is logged, not raised: the document
    stays pending and the sweeper (beat, every minute) asks again."""
    try:
        task_render_document.apply_async(
            kwargs={"document_id": document_id},
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5},
        )
    except Exception:
        logger.warning("Could not enqueue the render of document %s; the sweeper will.", document_id)
        return False
    return True


@receiver(notice_delivery_requested, dispatch_uid="thidua.documents.receivers.send_delivery_task")
def send_delivery_task(sender, notice_id: int, **kwargs) -> None:
    """Hand an issued notice's delivery to its audience to the Celery worker."""
    task_deliver_notice.delay(notice_id=notice_id)


@receiver(notification_kinds, dispatch_uid="thidua.documents.receivers.notification_kinds")
def kinds_of_documents(**kwargs) -> list[NotificationKind]:
    """``notification_kinds``: the steps of the signing workflow and the notices delivered in the portal."""
    group = _("Official documents")
    return [
        NotificationKind(10, "signature_requested", _("A document waits for my signature"), group),
        NotificationKind(11, "document_issued", _("A document I submitted was signed and issued"), group),
        NotificationKind(12, "document_returned", _("A document I submitted was returned by the signer"), group),
        NotificationKind(13, "notice_issued", _("A notice of the Board was delivered to me"), group),
    ]


@receiver(waiting_items, dispatch_uid="thidua.documents.receivers.waiting_items")
def documents_waiting(*, user, **kwargs) -> list[Waiting]:
    """``thidua.waiting.waiting_items``: the documents waiting for the signer's signature."""
    if not can_sign(user):
        return []
    return [
        Waiting(10, _("Documents waiting for your signature"), reverse("documents:signature_queue"),
                signature_queue(user).count())
    ]
