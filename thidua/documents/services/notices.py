"""Notices (Thông báo): the first Board document written in the portal, and the first to go through the
signing workflow (draft → waiting for signature → issued; returned → draft)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.accounts.models import Organization
from thidua.audit.services import record_event
from thidua.documents.audiences import audience_users, audiences_for
from thidua.documents.enums import DocumentState
from thidua.documents.models import Notice, NoticeDelivery
from thidua.documents.services.announcements import announce_notice_delivered
from thidua.documents.services.signing import advance, request_signature
from thidua.documents.signals import document_returned, document_signed, notice_delivery_requested
from thidua.documents.signers import signer_role_of

KIND = "notice"
DOC_TYPE = "TB"
TEMPLATE_NAME = "pdf/notice.html"
NOTICE_FIELDS = ("title", "body", "audience", "recipients", "signer", "deliver_to")


def _fill_notice(
    notice: Notice,
    *,
    title: str,
    body: str,
    recipients: str,
    signer,
    audience: str = "",
    deliver_to: str = "",
) -> None:
    """Copy the form's fields onto ``notice`` and check them (the same rules for create and edit)."""
    notice.title = title.strip()
    notice.body = body.strip()
    notice.recipients = recipients.strip()
    notice.signer = signer
    notice.audience = audience.strip()
    notice.deliver_to = deliver_to
    if signer.organization_id != notice.organization_id or signer_role_of(signer) is None:
        raise ValidationError({"signer": _("Choose a signer of your Board.")})
    if deliver_to and deliver_to not in dict(audiences_for(notice.organization)):
        raise ValidationError({"deliver_to": _("Choose one of the audiences offered.")})
    notice.full_clean()


def create_notice(*, organization: Organization, created_by, **fields) -> Notice:
    """A draft notice; ``fields`` are those of ``NOTICE_FIELDS`` (title, body, recipients and signer required)."""
    notice = Notice(organization=organization, created_by=created_by)
    _fill_notice(notice, **fields)
    with transaction.atomic():
        notice.save()
        record_event(action="notice.created", actor=created_by, organization=organization, obj=notice)
    return notice


def _notice_values(notice: Notice) -> dict[str, str]:
    return {name: str(getattr(notice, "signer_id" if name == "signer" else name)) for name in NOTICE_FIELDS}


def _lock_draft(notice: Notice) -> Notice:
    # of=("self",): lock the notice only, not the joined Board row (every document of the Board refers to it).
    locked = Notice.objects.select_for_update(of=("self",)).select_related("organization").get(pk=notice.pk)
    if locked.status == DocumentState.ISSUED:
        raise ValidationError(_("This notice has been issued: it can no longer be changed or deleted."))
    if locked.status != DocumentState.DRAFT:
        raise ValidationError(
            _("This notice is waiting for its signature: withdraw it first to change or delete it.")
        )
    return locked


def update_notice(*, notice: Notice, updated_by, **fields) -> Notice:
    """Edit a draft notice. A notice waiting for its signature or issued cannot change."""
    with transaction.atomic():
        locked = _lock_draft(notice)
        before = _notice_values(locked)
        _fill_notice(locked, **fields)
        locked.save()
        after = _notice_values(locked)
        record_event(
            action="notice.updated",
            actor=updated_by,
            organization=locked.organization,
            obj=locked,
            changes={
                name: [before[name], after[name]] for name in NOTICE_FIELDS if before[name] != after[name]
            },
        )
    return locked


def delete_notice(*, notice: Notice, deleted_by) -> None:
    """Delete a draft notice (it has no number yet, so no gap is left in the register)."""
    with transaction.atomic():
        locked = _lock_draft(notice)
        record_event(
            action="notice.deleted",
            actor=deleted_by,
            organization=locked.organization,
            obj=locked,
            changes={"title": locked.title},
        )
        locked.delete()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def submit_notice(*, notice: Notice, submitted_by) -> Notice:
    """Send the draft to its signer: a preview marked "DỰ THẢO" is rendered; the number comes at signing."""
    with transaction.atomic():
        locked = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("organization", "signer")
            .get(pk=notice.pk)
        )
        locked.status = advance(locked.status, "submit")
        request_signature(
            organization=locked.organization,
            kind=KIND,
            doc_type=DOC_TYPE,
            title=locked.title,
            template_name=TEMPLATE_NAME,
            context={"audience": locked.audience, "paragraphs": _lines(locked.body)},
            owner=locked,
            owner_url=reverse("documents:notice_detail", args=[locked.pk]),
            requested_by=submitted_by,
            signer=locked.signer,
            recipients=_lines(locked.recipients),
        )
        locked.save(update_fields=["status"])
        record_event(
            action="notice.submitted",
            actor=submitted_by,
            organization=locked.organization,
            obj=locked,
            changes={"signer": locked.signer.full_name},
        )
    return locked


@receiver(document_signed, sender=Notice)
def notice_signed(sender, *, signature_request, document, owner, **kwargs) -> None:
    """The signer signed: the notice is issued with the number taken at that moment."""
    locked = Notice.objects.select_for_update().get(pk=owner.pk)
    locked.status = advance(locked.status, "sign")
    locked.document = document
    locked.save(update_fields=["status", "document"])
    record_event(
        action="notice.issued",
        actor=signature_request.decided_by,
        organization=locked.organization,
        obj=locked,
        changes={"document": document.number_and_symbol},
    )
    if locked.deliver_to:
        transaction.on_commit(lambda: notice_delivery_requested.send(sender=Notice, notice_id=locked.pk))


def deliver_notice(*, notice_id: int) -> int:
    """Deliver an issued notice to the users of its audience who do not have it yet, and notify them; returns
    how many. Run by the worker once the notice is signed; running it again delivers to nobody twice."""
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("organization", "document")
            .filter(pk=notice_id)
            .first()
        )
        if notice is None or not notice.is_issued or not notice.deliver_to:
            return 0
        users = list(
            audience_users(notice.organization, notice.deliver_to).exclude(
                pk__in=NoticeDelivery.objects.filter(notice=notice).values("user_id")
            )
        )
        NoticeDelivery.objects.bulk_create(
            [NoticeDelivery(notice=notice, user=user) for user in users], ignore_conflicts=True
        )
        announce_notice_delivered(notice, users)
        record_event(
            action="notice.delivered",
            actor_label="worker",
            organization=notice.organization,
            obj=notice,
            changes={"audience": notice.deliver_to, "recipients": len(users)},
        )
    return len(users)


@receiver(document_returned, sender=Notice)
def notice_returned(sender, *, signature_request, owner, **kwargs) -> None:
    """Returned by the signer (with a reason) or withdrawn by the issuer: a draft again."""
    locked = Notice.objects.select_for_update().get(pk=owner.pk)
    locked.status = advance(locked.status, "return")
    locked.save(update_fields=["status"])
    record_event(
        action=f"notice.{signature_request.status}",
        actor=signature_request.decided_by,
        organization=locked.organization,
        obj=locked,
        changes={"reason": signature_request.reason} if signature_request.reason else {},
    )
