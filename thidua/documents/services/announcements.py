"""Who is told at once of a step of the signing workflow, in the portal and by e-mail (``notify``): the
signer when a document waits for their signature, the person who submitted it when it is signed and issued
or returned, and the people a notice is delivered to in the portal once it is issued."""

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.documents.models import GeneratedDocument, Notice, SignatureRequest
from thidua.notifications.services import notify


def _owner_url(signature_request: SignatureRequest) -> str:
    return signature_request.owner_url or reverse("documents:signature_detail", args=[signature_request.pk])


def announce_signature_requested(signature_request: SignatureRequest) -> int:
    return notify(
        [signature_request.signer],
        kind="signature_requested",
        message=_("“%(title)s” waits for your signature (submitted by %(name)s).")
        % {"title": signature_request.title, "name": signature_request.requested_by.full_name},
        url=reverse("documents:signature_detail", args=[signature_request.pk]),
    )


def announce_document_issued(signature_request: SignatureRequest, document: GeneratedDocument) -> int:
    return notify(
        [signature_request.requested_by],
        kind="document_issued",
        message=_("%(signer)s signed “%(title)s”: it is issued as No. %(number)s.")
        % {
            "signer": signature_request.signer.full_name,
            "title": signature_request.title,
            "number": document.number_and_symbol,
        },
        url=_owner_url(signature_request),
    )


def announce_document_returned(signature_request: SignatureRequest) -> int:
    return notify(
        [signature_request.requested_by],
        kind="document_returned",
        message=_("%(signer)s returned “%(title)s” without signing it: %(reason)s")
        % {
            "signer": signature_request.signer.full_name,
            "title": signature_request.title,
            "reason": signature_request.reason,
        },
        url=_owner_url(signature_request),
    )


def announce_notice_delivered(notice: Notice, users: list) -> int:
    return notify(
        users,
        kind="notice_issued",
        message=_("Notice No. %(number)s of %(board)s: %(title)s")
        % {"number": notice.document.number_and_symbol, "board": notice.organization.name, "title": notice.title},
        url=reverse("documents:notice_detail", args=[notice.pk]),
    )
