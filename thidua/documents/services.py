"""Issuing official documents and rendering them in the background.

THE CONTRACT OTHER APPS CALL
============================

``issue_document(*, organization, kind, doc_type, title, template_name, context, owner=None,
requested_by, signer=None, recipients=None, issued_on=None) -> GeneratedDocument``

- ``organization``: the issuing Board (``accounts.Organization``); its lines, place name and short code are
  copied into the document's letterhead snapshot, so a later edit of the Board does not change the PDF.
- ``kind``: a stable code of what the document is, e.g. ``"notice"``, ``"bloc_consolidation_decision"``.
- ``doc_type``: the Decree 30 abbreviation, e.g. ``"QĐ"``, ``"TB"``, ``"BC"``; the symbol is
  ``"<doc_type>-<Board short code>"`` and the number comes from the Board's sequence for that type and the
  year of ``issued_on`` (gap-free, no duplicates, assigned in the caller's transaction).
- ``title``: the abstract printed under the type, e.g. ``"Về việc kiện toàn Khối thi đua …"``.
- ``template_name``: a template under ``templates/pdf/`` that extends ``pdf/base.html``
  (``pdf/decision.html`` and ``pdf/notice.html`` exist).
- ``context``: template data; it must be JSON-serialisable (dates become ISO strings) and is stored as the
  snapshot every render uses. Keys ``document``, ``letterhead``, ``signer``, ``recipients``,
  ``verification`` are reserved (the platform fills them).
- ``owner``: the model instance the document belongs to (generic relation), or None.
- ``requested_by``: the user asking; may download the document besides the Board's staff.
- ``signer``: ``{"prefix": "KT.", "authority": "Trưởng ban", "title": "Phó Trưởng ban", "name": "…"}``;
  every key optional; prefix one of ``SignerPrefix`` (``""``, KT., TM., Q., TL., TUQ.).
- ``recipients``: the "Nơi nhận" lines without the leading dash, e.g. ``["Như trên;", "Lưu: VT, TĐKT."]``.
- ``issued_on``: the date printed on the document (default: today in the portal's time zone).

A user who has asked for more than ``settings.DOCUMENTS_ISSUE_RATE`` documents lately gets a
``ValidationError`` (code ``rate_limited``) and nothing is written: show its message to the user.

It writes an audit event and enqueues ``task_render_document`` once the transaction commits. If the broker is
down at that moment the document simply stays pending: ``sweep_pending_documents`` (beat, every minute)
re-enqueues it. Show progress with ``{% include "documents/includes/_document_status.html" %}``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.enums import BoardRole
from thidua.accounts.models import BoardMembership, Organization
from thidua.audit.services import record_event
from thidua.documents import rendering
from thidua.documents.enums import DocumentStatus, SignerPrefix
from thidua.documents.models import GeneratedDocument, Notice, NumberSequence
from thidua.documents.ratelimit import RETRIED_ACTION, check_issue_rate
from thidua.documents.tasks import task_render_document

logger = logging.getLogger(__name__)

# Errors worth another try later (database or disk hiccups); anything else is a bug in data or template.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (DatabaseError, OSError)


# ---------------------------------------------------------------------------
# Numbering and issuing
# ---------------------------------------------------------------------------
def next_number(*, organization: Organization, doc_type: str, year: int) -> int:
    """The next number of the Board's yearly sequence. Call inside a transaction: the row stays locked."""
    NumberSequence.objects.get_or_create(organization=organization, doc_type=doc_type, year=year)
    sequence = NumberSequence.objects.select_for_update().get(
        organization=organization, doc_type=doc_type, year=year
    )
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def letterhead_of(organization: Organization) -> dict[str, str]:
    return {
        "name": organization.name,
        "parent_body_line": organization.parent_body_line,
        "issuing_body_line": organization.issuing_body_line,
        "short_code": organization.short_code,
        "place_name": organization.place_name,
        "address": organization.address,
    }


def _json_snapshot(context: dict) -> dict:
    reserved = rendering.RESERVED_CONTEXT_KEYS & set(context)
    if reserved:
        raise ValueError(f"Context keys reserved by the platform: {sorted(reserved)}")
    return json.loads(json.dumps(context, cls=DjangoJSONEncoder))


def issue_document(
    *,
    organization: Organization,
    kind: str,
    doc_type: str,
    title: str,
    template_name: str,
    context: dict,
    owner=None,
    requested_by,
    signer: dict | None = None,
    recipients: list[str] | None = None,
    issued_on: date | None = None,
) -> GeneratedDocument:
    """Number, snapshot and queue an official document (see the module docstring)."""
    if not template_name.startswith("pdf/"):
        raise ValueError("PDF templates live under templates/pdf/.")
    signer = signer or {}
    if signer.get("prefix", "") not in SignerPrefix.values:
        raise ValueError(f"Unknown authority prefix {signer.get('prefix')!r}.")
    issued_on = issued_on or timezone.localdate()
    snapshot = _json_snapshot(context)
    check_issue_rate(requested_by)
    with transaction.atomic():
        number = next_number(organization=organization, doc_type=doc_type, year=issued_on.year)
        document = GeneratedDocument.objects.create(
            organization=organization,
            kind=kind,
            doc_type=doc_type,
            title=title,
            year=issued_on.year,
            number=number,
            symbol=f"{doc_type}-{organization.short_code}",
            issued_on=issued_on,
            template_name=template_name,
            context=snapshot,
            letterhead=letterhead_of(organization),
            signer_prefix=signer.get("prefix", ""),
            signer_authority=signer.get("authority", ""),
            signer_title=signer.get("title", ""),
            signer_name=signer.get("name", ""),
            recipients=list(recipients or []),
            verification_token=secrets.token_urlsafe(24),
            content_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
            object_id=str(owner.pk) if owner is not None else "",
            requested_by=requested_by,
            queued_at=timezone.now(),
        )
        record_event(
            action="document.issued",
            actor=requested_by,
            organization=organization,
            obj=document,
            changes={"kind": kind, "number": document.number_and_symbol, "title": title},
        )
        transaction.on_commit(partial(enqueue_render, document.pk))
    return document


def enqueue_render(document_id: int) -> bool:
    """Send the render task. A broker that is down is logged, not raised: the sweeper will retry."""
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


def retry_document(*, document: GeneratedDocument, retried_by) -> GeneratedDocument:
    """Staff ask again for a document whose render failed (within their rate limit)."""
    check_issue_rate(retried_by)
    with transaction.atomic():
        updated = GeneratedDocument.objects.filter(pk=document.pk, status=DocumentStatus.FAILED).update(
            status=DocumentStatus.PENDING, attempts=0, error="", queued_at=timezone.now()
        )
        if updated != 1:
            raise ValidationError(_("Only a document whose rendering failed can be retried."))
        record_event(
            action=RETRIED_ACTION, actor=retried_by, organization=document.organization, obj=document
        )
        transaction.on_commit(partial(enqueue_render, document.pk))
    document.refresh_from_db()
    return document


# ---------------------------------------------------------------------------
# Rendering (called by the Celery task)
# ---------------------------------------------------------------------------
def _claimable() -> Q:
    stale = timezone.now() - timedelta(seconds=settings.DOCUMENTS_RENDER_STALE_AFTER)
    return Q(status=DocumentStatus.PENDING) | Q(status=DocumentStatus.RENDERING, claimed_at__lt=stale)


def claim_document(document_id: int) -> GeneratedDocument | None:
    """pending (or a rendering claim left by a dead worker) → rendering, with a conditional UPDATE.

    Returns the claimed document, or None when it is done, failed, gone or being rendered by someone else.
    A document that has used up its attempts turns failed instead of being claimed again.
    """
    now = timezone.now()
    candidates = GeneratedDocument.objects.filter(_claimable(), pk=document_id)
    claimed = candidates.filter(attempts__lt=settings.DOCUMENTS_MAX_ATTEMPTS).update(
        status=DocumentStatus.RENDERING, attempts=F("attempts") + 1, claimed_at=now
    )
    if claimed == 1:
        return GeneratedDocument.objects.select_related("organization").get(pk=document_id)
    with transaction.atomic():
        gave_up = candidates.filter(attempts__gte=settings.DOCUMENTS_MAX_ATTEMPTS).update(
            status=DocumentStatus.FAILED, error=_("Rendering did not succeed after several attempts.")
        )
        if gave_up:
            document = GeneratedDocument.objects.select_related("organization").get(pk=document_id)
            record_event(
                action="document.failed",
                organization=document.organization,
                obj=document,
                actor_label="worker",
                changes={"attempts": document.attempts},
            )
    return None


def store_pdf(document: GeneratedDocument, pdf: bytes, sha256: str) -> str:
    """Write the PDF under MEDIA_ROOT with a content-addressed name; a re-render reuses the same file."""
    name = f"documents/{document.organization_id}/{document.year}/{document.pk}-{sha256}.pdf"
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(pdf))


def render_claimed_document(document_id: int) -> GeneratedDocument | None:
    """Claim, render, store, fingerprint, mark done. Idempotent: a done document is not rendered again."""
    document = claim_document(document_id)
    if document is None:
        return None
    try:
        pdf = rendering.render_pdf(document)
        sha256 = hashlib.sha256(pdf).hexdigest()
        name = store_pdf(document, pdf, sha256)
    except TRANSIENT_ERRORS as exc:
        _release_claim(document, exc)
        raise
    except Exception as exc:
        logger.exception("Rendering document %s failed", document.pk)
        _fail(document, exc)
        document.refresh_from_db()
        return document
    with transaction.atomic():
        finished = GeneratedDocument.objects.filter(
            pk=document.pk, status=DocumentStatus.RENDERING, claimed_at=document.claimed_at
        ).update(status=DocumentStatus.DONE, file=name, sha256=sha256, rendered_at=timezone.now(), error="")
        if finished == 1:
            record_event(
                action="document.rendered",
                organization=document.organization,
                obj=document,
                actor_label="worker",
                changes={"sha256": sha256, "attempts": document.attempts},
            )
    document.refresh_from_db()
    return document


def _release_claim(document: GeneratedDocument, exc: BaseException) -> None:
    """A transient error: back to pending so a retry (or the sweeper) can claim it again."""
    GeneratedDocument.objects.filter(
        pk=document.pk, status=DocumentStatus.RENDERING, claimed_at=document.claimed_at
    ).update(status=DocumentStatus.PENDING, error=f"{type(exc).__name__}: {exc}"[:2000])


def _fail(document: GeneratedDocument, exc: BaseException) -> None:
    with transaction.atomic():
        GeneratedDocument.objects.filter(
            pk=document.pk, status=DocumentStatus.RENDERING, claimed_at=document.claimed_at
        ).update(status=DocumentStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000])
        record_event(
            action="document.failed",
            organization=document.organization,
            obj=document,
            actor_label="worker",
            changes={"error": type(exc).__name__},
        )


def sweep_pending_documents(
    *, pending_after: timedelta | None = None, stale_after: timedelta | None = None
) -> list[int]:
    """Re-enqueue documents left pending (broker down) or rendering by a dead worker. Returns their ids."""
    now = timezone.now()
    if pending_after is None:
        pending_after = timedelta(seconds=settings.DOCUMENTS_SWEEP_PENDING_AFTER)
    if stale_after is None:
        stale_after = timedelta(seconds=settings.DOCUMENTS_RENDER_STALE_AFTER)
    lost = Q(status=DocumentStatus.PENDING, queued_at__lte=now - pending_after) | Q(
        status=DocumentStatus.RENDERING, claimed_at__lte=now - stale_after
    )
    ids = list(GeneratedDocument.objects.filter(lost).order_by("pk").values_list("pk", flat=True)[:500])
    if ids:
        GeneratedDocument.objects.filter(pk__in=ids).update(queued_at=now)
    for document_id in ids:
        enqueue_render(document_id)
    return ids


# ---------------------------------------------------------------------------
# Notices (Thông báo): the first document written in the portal
# ---------------------------------------------------------------------------
def signer_title_of(user) -> str:
    membership = BoardMembership.objects.filter(user=user, role=BoardRole.SIGNER).first()
    return membership.title if membership is not None else ""


NOTICE_FIELDS = ("title", "body", "audience", "recipients", "signer", "signer_prefix", "signer_authority")


def _fill_notice(
    notice: Notice,
    *,
    title: str,
    body: str,
    recipients: str,
    signer,
    signer_prefix: str = "",
    signer_authority: str = "",
    audience: str = "",
) -> None:
    """Copy the form's fields onto ``notice`` and check them (the same rules for create and edit)."""
    notice.title = title.strip()
    notice.body = body.strip()
    notice.recipients = recipients.strip()
    notice.signer = signer
    notice.signer_prefix = signer_prefix
    notice.signer_authority = signer_authority.strip()
    notice.audience = audience.strip()
    if (
        signer.organization_id != notice.organization_id
        or not BoardMembership.objects.filter(user=signer, role=BoardRole.SIGNER).exists()
    ):
        raise ValidationError({"signer": _("Choose a signer of your Board.")})
    if signer_prefix and not notice.signer_authority:
        raise ValidationError({"signer_authority": _("With a prefix, say for whom the signer signs.")})
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
    locked = Notice.objects.select_for_update().select_related("organization").get(pk=notice.pk)
    if locked.document_id is not None:
        raise ValidationError(_("This notice has been issued: it can no longer be changed or deleted."))
    return locked


def update_notice(*, notice: Notice, updated_by, **fields) -> Notice:
    """Edit a draft notice. An issued notice is immutable (its numbered PDF is the record)."""
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


def issue_notice(*, notice: Notice, issued_by, issued_on: date | None = None) -> Notice:
    """Issue the notice as a numbered TB document; a notice is issued once."""
    with transaction.atomic():
        locked = Notice.objects.select_for_update().get(pk=notice.pk)
        if locked.document_id is not None:
            raise ValidationError(_("This notice has already been issued."))
        document = issue_document(
            organization=locked.organization,
            kind="notice",
            doc_type="TB",
            title=locked.title,
            template_name="pdf/notice.html",
            context={"audience": locked.audience, "paragraphs": _lines(locked.body)},
            owner=locked,
            requested_by=issued_by,
            signer={
                "prefix": locked.signer_prefix,
                "authority": locked.signer_authority,
                "title": signer_title_of(locked.signer),
                "name": locked.signer.full_name,
            },
            recipients=_lines(locked.recipients),
            issued_on=issued_on,
        )
        locked.document = document
        locked.save(update_fields=["document"])
        record_event(
            action="notice.issued",
            actor=issued_by,
            organization=locked.organization,
            obj=locked,
            changes={"document": document.number_and_symbol},
        )
    return locked
