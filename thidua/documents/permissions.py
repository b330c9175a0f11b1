"""Who may see and download an official document, write notices, sign, and edit the legal bases.

A document is visible to the staff of its Board, to the user who asked for it and, for an issued notice, to
the people it was delivered to in the portal. Domain apps widen this
through the ``document_viewer`` signal (e.g. the members of a bloc for the bloc's joint pledge); the platform
imports no domain app. A user of the document's Board who may not see it gets a 403, unless a receiver of
``document_outsider`` says the user is outside the document's audience (e.g. an enterprise user and another
bloc's joint pledge): then a 404, its existence is not leaked. Both signals: ``thidua.documents.signals``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from thidua.accounts.enums import BoardRole
from thidua.accounts.permissions import (
    Access,
    acting_board,
    get_for_board_or_404,
    has_board_role,
    is_board_staff,
    require,
)
from thidua.documents.models import GeneratedDocument, LegalBasis, Notice, NoticeDelivery, SignatureRequest
from thidua.documents.signals import document_outsider, document_viewer
from thidua.signals import any_receiver_says_yes


def can_write_notices(user) -> bool:
    return has_board_role(user, BoardRole.ADMIN, BoardRole.OFFICER)


def can_edit_legal_bases(user) -> bool:
    return has_board_role(user, BoardRole.ADMIN, BoardRole.OFFICER)


def can_sign(user) -> bool:
    return has_board_role(user, BoardRole.SIGNER)


def is_designated_signer(user, signature_request: SignatureRequest) -> bool:
    return signature_request.is_pending and user.pk == signature_request.signer_id


def can_withdraw_signature_request(user, signature_request: SignatureRequest) -> bool:
    return signature_request.is_pending and has_board_role(user, BoardRole.ADMIN, BoardRole.OFFICER)


def can_retry_document(user, document: GeneratedDocument) -> bool:
    return has_board_role(user, BoardRole.ADMIN, BoardRole.OFFICER) and (
        acting_board(user) == document.organization
    )


def can_view_document(user, document: GeneratedDocument) -> bool:
    board = acting_board(user)
    if board is not None and board.pk == document.organization_id and is_board_staff(user):
        return True
    if getattr(user, "is_authenticated", False) and document.requested_by_id == user.pk:
        return True
    if is_delivered_document(user, document):
        return True
    return any_receiver_says_yes(document_viewer, user=user, document=document)


def is_delivered_document(user, document: GeneratedDocument) -> bool:
    """The document of an issued notice delivered to ``user`` in the portal."""
    return (
        getattr(user, "is_authenticated", False)
        and NoticeDelivery.objects.filter(notice__document=document, user=user).exists()
    )


def is_delivered_to(user, notice: Notice) -> bool:
    return notice.is_issued and NoticeDelivery.objects.filter(notice=notice, user=user).exists()


def get_document_for_user_or_404(user, pk: int) -> GeneratedDocument:
    """A document the user may see: 404 outside its Board (existence is not leaked), 403 for an insider
    of its Board without a staff role."""
    document = GeneratedDocument.objects.select_related("organization").filter(pk=pk).first()
    if document is None:
        raise Http404
    if can_view_document(user, document):
        return document
    board = acting_board(user)
    if board is None or board.pk != document.organization_id:
        raise Http404
    if any_receiver_says_yes(document_outsider, user=user, document=document):
        raise Http404
    raise PermissionDenied


def get_notice_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Notice:
    notice = get_for_board_or_404(
        Notice.objects.select_related("document", "signer", "created_by", "organization"), user, pk=pk
    )
    if access == Access.VIEW:
        require(is_board_staff(user) or is_delivered_to(user, notice))
    elif access == Access.CHANGE:
        require(can_write_notices(user))
    else:
        raise ValueError(access)
    return notice


def get_signature_request_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> SignatureRequest:
    """A submission of the user's Board: 404 outside it. ``access``: VIEW (Board staff), APPROVE (sign or
    return it: only the signer chosen for it, 403 for anyone else of the Board), CHANGE (withdraw it: the
    Board's admins and officers)."""
    signature_request = get_for_board_or_404(
        SignatureRequest.objects.select_related(
            "organization", "signer", "requested_by", "preview", "document"
        ),
        user,
        pk=pk,
    )
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.APPROVE:
        require(user.pk == signature_request.signer_id)
    elif access == Access.CHANGE:
        require(has_board_role(user, BoardRole.ADMIN, BoardRole.OFFICER))
    else:
        raise ValueError(access)
    return signature_request


def get_legal_basis_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> LegalBasis:
    basis = get_for_board_or_404(LegalBasis.objects.select_related("organization"), user, pk=pk)
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_edit_legal_bases(user))
    else:
        raise ValueError(access)
    return basis
