"""Numbering in a register, issuing, and rendering in the background (the contract: ``services/__init__``)."""

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

from thidua.accounts.models import Organization
from thidua.audit.services import record_event
from thidua.documents import rendering
from thidua.documents.enums import DocumentStatus, SignerPrefix
from thidua.documents.issuers import BOARD_REGISTER, Issuer, board_issuer
from thidua.documents.models import GeneratedDocument, NumberSequence
from thidua.documents.ratelimit import RETRIED_ACTION, check_issue_rate
from thidua.documents.signals import render_requested
from thidua.signals import any_receiver_says_yes

logger = logging.getLogger(__name__)

# Errors worth another try later (database or disk hiccups); anything else is a bug in data or template.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (DatabaseError, OSError)


# ---------------------------------------------------------------------------
# Numbering and issuing
# ---------------------------------------------------------------------------
def next_number(
    *, organization: Organization, doc_type: str, year: int, register: str = BOARD_REGISTER
) -> int:
    """The next number of a register's yearly sequence. Call inside a transaction: the row stays locked
    until it commits, so concurrent issues queue up and no number is skipped or given twice."""
    key = {"organization": organization, "register": register, "doc_type": doc_type, "year": year}
    NumberSequence.objects.get_or_create(**key)
    sequence = NumberSequence.objects.select_for_update().get(**key)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def _json_snapshot(context: dict) -> dict:
    reserved = rendering.RESERVED_CONTEXT_KEYS & set(context)
    if reserved:
        raise ValueError(f"Context keys reserved by the platform: {sorted(reserved)}")
    return json.loads(json.dumps(context, cls=DjangoJSONEncoder))


def _check_template_and_signer(template_name: str, signer: dict) -> None:
    if not template_name.startswith("pdf/"):
        raise ValueError("PDF templates live under templates/pdf/.")
    if signer.get("prefix", "") not in SignerPrefix.values:
        raise ValueError(f"Unknown authority prefix {signer.get('prefix')!r}.")


def create_document(
    *,
    organization: Organization,
    issuer: Issuer,
    kind: str,
    doc_type: str,
    title: str,
    template_name: str,
    snapshot: dict,
    owner,
    requested_by,
    signer: dict,
    recipients: list[str],
    issued_on: date,
    draft: bool = False,
) -> GeneratedDocument:
    """The row of a document (numbered in ``issuer``'s register now, or an unnumbered preview when ``draft``)
    and its render, queued on commit. Call inside a transaction; callers check the rate limit."""
    number = (
        None
        if draft
        else next_number(
            organization=organization, doc_type=doc_type, year=issued_on.year, register=issuer.register
        )
    )
    document = GeneratedDocument.objects.create(
        organization=organization,
        kind=kind,
        doc_type=doc_type,
        title=title,
        year=issued_on.year,
        register=issuer.register,
        number=number,
        is_draft=draft,
        symbol=issuer.symbol(doc_type),
        issued_on=issued_on,
        template_name=template_name,
        context=snapshot,
        letterhead=dict(issuer.letterhead),
        signer_prefix=signer.get("prefix", ""),
        signer_authority=signer.get("authority", ""),
        signer_title=signer.get("title", ""),
        signer_name=signer.get("name", ""),
        recipients=list(recipients),
        verification_token=secrets.token_urlsafe(24),
        content_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
        object_id=str(owner.pk) if owner is not None else "",
        requested_by=requested_by,
        queued_at=timezone.now(),
    )
    record_event(
        action="document.previewed" if draft else "document.issued",
        actor=requested_by,
        organization=organization,
        obj=document,
        changes={"kind": kind, "number": document.number_and_symbol, "title": title},
    )
    transaction.on_commit(partial(enqueue_render, document.pk))
    return document


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
    issuer: Issuer | None = None,
) -> GeneratedDocument:
    """Number, snapshot and queue an official document now (see the package docstring)."""
    signer = signer or {}
    _check_template_and_signer(template_name, signer)
    issued_on = issued_on or timezone.localdate()
    snapshot = _json_snapshot(context)
    check_issue_rate(requested_by)
    with transaction.atomic():
        return create_document(
            organization=organization,
            issuer=issuer or board_issuer(organization),
            kind=kind,
            doc_type=doc_type,
            title=title,
            template_name=template_name,
            snapshot=snapshot,
            owner=owner,
            requested_by=requested_by,
            signer=signer,
            recipients=list(recipients or []),
            issued_on=issued_on,
        )


def enqueue_render(document_id: int) -> bool:
    """Ask for the render of a pending document (call it on commit): sends ``signals.render_requested``, whose
    receiver in ``thidua.documents.receivers`` hands the document to the Celery worker. The services never
    import the tasks (the tasks call the services). False when no receiver took it, e.g. the broker was down:
    the sweeper retries."""
    return any_receiver_says_yes(render_requested, document_id=document_id)


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
