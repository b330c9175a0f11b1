"""Board documents are signed before they are numbered (Decree 30/2020, Art. 15): the workflow every kind
of Board document goes through (the contract: ``services/__init__``)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import Organization
from thidua.accounts.reauth import reauthenticate
from thidua.audit.models import AuditEvent
from thidua.audit.services import record_event
from thidua.documents.enums import DocumentState, SignatureRequestStatus
from thidua.documents.issuers import Issuer, board_issuer
from thidua.documents.models import GeneratedDocument, SignatureRequest
from thidua.documents.ratelimit import check_issue_rate
from thidua.documents.services.announcements import (
    announce_document_issued,
    announce_document_returned,
    announce_signature_requested,
)
from thidua.documents.services.issuing import _check_template_and_signer, _json_snapshot, create_document
from thidua.documents.signals import document_returned, document_signed
from thidua.documents.signers import board_signer_block

REAUTH_FAILED_ACTION = "signature_request.reauth_failed"

# The state machine of a Board document: (state, event) -> next state.
TRANSITIONS: dict[tuple[str, str], str] = {
    (DocumentState.DRAFT, "submit"): DocumentState.PENDING_SIGNATURE,
    (DocumentState.PENDING_SIGNATURE, "sign"): DocumentState.ISSUED,
    (DocumentState.PENDING_SIGNATURE, "return"): DocumentState.DRAFT,
    (DocumentState.PENDING_SIGNATURE, "withdraw"): DocumentState.DRAFT,
}


def advance(state: str, event: str) -> str:
    """The state after ``event``, or a ValidationError saying why not (e.g. an issued document is final)."""
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        label = DocumentState(state).label if state in DocumentState.values else state
        raise ValidationError(
            _("This cannot be done while the document is in the state “%(state)s”.") % {"state": label},
            code="invalid_transition",
        ) from None


def request_signature(
    *,
    organization: Organization,
    kind: str,
    doc_type: str,
    title: str,
    template_name: str,
    context: dict,
    owner,
    requested_by,
    signer,
    recipients: list[str] | None = None,
    issuer: Issuer | None = None,
    owner_url: str = "",
) -> SignatureRequest:
    """Submit a Board document to ``signer`` (a signer of ``organization``): a pending request and its
    preview, marked "DỰ THẢO" and unnumbered, rendered by the worker like any document."""
    if signer.organization_id != organization.pk:
        raise ValidationError({"signer": _("Choose a signer of your Board.")})
    signer_block = board_signer_block(signer)
    _check_template_and_signer(template_name, signer_block)
    snapshot = _json_snapshot(context)
    issuer = issuer or board_issuer(organization)
    check_issue_rate(requested_by)
    content_type = ContentType.objects.get_for_model(owner)
    with transaction.atomic():
        if SignatureRequest.objects.filter(
            content_type=content_type, object_id=str(owner.pk), status=SignatureRequestStatus.PENDING
        ).exists():
            raise ValidationError(_("This document is already waiting for a signature."))
        preview = create_document(
            organization=organization,
            issuer=issuer,
            kind=kind,
            doc_type=doc_type,
            title=title,
            template_name=template_name,
            snapshot=snapshot,
            owner=owner,
            requested_by=requested_by,
            signer=signer_block,
            recipients=list(recipients or []),
            issued_on=timezone.localdate(),
            draft=True,
        )
        signature_request = SignatureRequest.objects.create(
            organization=organization,
            kind=kind,
            doc_type=doc_type,
            title=title,
            template_name=template_name,
            context=snapshot,
            recipients=list(recipients or []),
            register=issuer.register,
            letterhead=dict(issuer.letterhead),
            signer=signer,
            preview=preview,
            content_type=content_type,
            object_id=str(owner.pk),
            owner_url=owner_url,
            requested_by=requested_by,
        )
        record_event(
            action="signature_request.created",
            actor=requested_by,
            organization=organization,
            obj=signature_request,
            changes={"kind": kind, "title": title, "signer": signer.full_name},
        )
        announce_signature_requested(signature_request)
    return signature_request


def recent_reauth_failures(user) -> int:
    """How many times ``user`` failed to re-authenticate for a signature within the window."""
    _limit, seconds = settings.DOCUMENTS_SIGN_FAILURES
    since = timezone.now() - timedelta(seconds=seconds)
    return AuditEvent.objects.filter(action=REAUTH_FAILED_ACTION, actor=user, created_at__gte=since).count()


def _check_designated_signer(signature_request: SignatureRequest, user) -> None:
    if user.pk != signature_request.signer_id:
        raise ValidationError(_("Only the signer chosen for this document may sign or return it."))


def _lock_pending(signature_request: SignatureRequest) -> SignatureRequest:
    locked = (
        # of=("self",): lock the request only, not the joined Board and signer rows.
        SignatureRequest.objects.select_for_update(of=("self",))
        .select_related("organization", "signer")
        .get(pk=signature_request.pk)
    )
    if locked.status != SignatureRequestStatus.PENDING:
        raise ValidationError(
            _("This document is no longer waiting for a signature (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    return locked


def sign_document(
    *, signature_request: SignatureRequest, signed_by, password: str, otp_token: str = "", request=None
) -> GeneratedDocument:
    """The signer signs after entering their password (and authenticator code) again: the number is taken
    from the issuer's register at this moment, the document is issued and its render queued. A wrong
    password is refused and counted; too many failures lock signing for a while."""
    _check_designated_signer(signature_request, signed_by)
    limit, seconds = settings.DOCUMENTS_SIGN_FAILURES
    if recent_reauth_failures(signed_by) >= limit:
        raise ValidationError(
            _("Too many failed attempts: you may sign again in %(minutes)d minutes.")
            % {"minutes": max(1, round(seconds / 60))},
            code="locked",
        )
    auth_method = reauthenticate(signed_by, password=password, otp_token=otp_token)
    if auth_method is None:
        record_event(
            action=REAUTH_FAILED_ACTION,
            actor=signed_by,
            organization=signature_request.organization,
            obj=signature_request,
            request=request,
        )
        raise ValidationError(
            {"password": _("Re-authentication failed: check your password and your authenticator code.")},
            code="reauth_failed",
        )
    with transaction.atomic():
        locked = _lock_pending(signature_request)
        signer_block = board_signer_block(signed_by)
        owner = locked.owner
        document = create_document(
            organization=locked.organization,
            issuer=Issuer(register=locked.register, letterhead=locked.letterhead),
            kind=locked.kind,
            doc_type=locked.doc_type,
            title=locked.title,
            template_name=locked.template_name,
            snapshot=locked.context,
            owner=owner,
            requested_by=locked.requested_by,
            signer=signer_block,
            recipients=locked.recipients,
            issued_on=timezone.localdate(),
        )
        locked.status = SignatureRequestStatus.SIGNED
        locked.document = document
        locked.decided_by = signed_by
        locked.decided_at = timezone.now()
        locked.auth_method = auth_method
        locked.save(update_fields=["status", "document", "decided_by", "decided_at", "auth_method"])
        record_event(
            action="signature_request.signed",
            actor=signed_by,
            organization=locked.organization,
            obj=locked,
            changes={"number": document.number_and_symbol, "auth_method": auth_method},
            request=request,
        )
        document_signed.send(sender=type(owner), signature_request=locked, document=document, owner=owner)
        announce_document_issued(locked, document)
    return document


def return_document(*, signature_request: SignatureRequest, returned_by, reason: str) -> SignatureRequest:
    """The signer sends the document back to its issuer with a reason; it is a draft again, unnumbered."""
    _check_designated_signer(signature_request, returned_by)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the document is returned.")})
    return _close(signature_request, SignatureRequestStatus.RETURNED, returned_by, reason)


def withdraw_signature_request(*, signature_request: SignatureRequest, withdrawn_by) -> SignatureRequest:
    """The issuer takes the document back before it is signed (to correct it); it is a draft again."""
    return _close(signature_request, SignatureRequestStatus.WITHDRAWN, withdrawn_by, "")


def _close(signature_request: SignatureRequest, status: str, user, reason: str) -> SignatureRequest:
    with transaction.atomic():
        locked = _lock_pending(signature_request)
        locked.status = status
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.reason = reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        record_event(
            action=f"signature_request.{status}",
            actor=user,
            organization=locked.organization,
            obj=locked,
            changes={"reason": reason} if reason else {},
        )
        owner = locked.owner
        document_returned.send(sender=type(owner), signature_request=locked, owner=owner)
        if status == SignatureRequestStatus.RETURNED:
            announce_document_returned(locked)
    return locked
