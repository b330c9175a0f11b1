"""Reads of official documents, notices, signature requests and legal bases."""

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import IO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from thidua.accounts.models import Organization
from thidua.documents.enums import SignatureRequestStatus
from thidua.documents.kinds import DocumentKind, get_kind, kinds_citing_bases
from thidua.documents.legal_bases import basis_lines, citation_of
from thidua.documents.models import GeneratedDocument, LegalBasis, Notice, SignatureRequest


def documents_for_owner(owner) -> QuerySet[GeneratedDocument]:
    """The issued documents of one object (newest first); previews are not documents."""
    return GeneratedDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(owner), object_id=str(owner.pk), is_draft=False
    ).select_related("organization")


def notices_for_board(board: Organization) -> QuerySet[Notice]:
    return (
        Notice.objects.filter(organization=board)
        .select_related("document", "signer", "created_by")
        .order_by("-created_at", "-pk")
    )


def notices_delivered_to(user) -> QuerySet[Notice]:
    """The issued notices delivered to ``user`` in the portal, newest first."""
    return (
        Notice.objects.filter(deliveries__user=user, organization_id=user.organization_id)
        .select_related("document", "signer", "created_by")
        .order_by("-created_at", "-pk")
    )


def document_by_token(token: str) -> GeneratedDocument | None:
    """The issued document a QR code points to (a preview is not verifiable)."""
    return (
        GeneratedDocument.objects.select_related("organization")
        .filter(verification_token=token, is_draft=False)
        .first()
    )


def sha256_of_stream(stream: IO[bytes], chunk_size: int = 1 << 16) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(chunk_size), b""):
        digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class FileProblem:
    label: str  # e.g. "documents.generateddocument #12"
    path: str
    reason: str  # "missing" or "changed"


def fingerprinted_models() -> list[type[models.Model]]:
    """Every model that stores a file (``file``) with its recorded SHA-256 (``sha256``): official documents,
    scanned signed copies, and any later one that follows the same naming."""
    found = []
    for model in apps.get_models():
        fields = {field.name: field for field in model._meta.get_fields()}
        if isinstance(fields.get("file"), models.FileField) and isinstance(
            fields.get("sha256"), models.CharField
        ):
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label_lower)


def stored_file_problems() -> tuple[int, list[FileProblem]]:
    """Re-hash every stored file against its recorded SHA-256: (files checked, problems)."""
    checked, problems = 0, []
    for model in fingerprinted_models():
        rows = model._default_manager.exclude(file="").only("pk", "file", "sha256").order_by("pk")
        for row in rows.iterator(chunk_size=500):
            checked += 1
            label = f"{model._meta.label_lower} #{row.pk}"
            try:
                with row.file.open("rb") as stream:
                    digest = sha256_of_stream(stream)
            except FileNotFoundError:
                problems.append(FileProblem(label, row.file.name, "missing"))
                continue
            if digest != row.sha256:
                problems.append(FileProblem(label, row.file.name, "changed"))
    return checked, problems


# ---------------------------------------------------------------------------
# Signature requests
# ---------------------------------------------------------------------------
def signature_queue(user) -> QuerySet[SignatureRequest]:
    """The documents waiting for ``user``'s signature, oldest first."""
    return (
        SignatureRequest.objects.filter(
            signer=user, organization_id=user.organization_id, status=SignatureRequestStatus.PENDING
        )
        .select_related("requested_by", "preview")
        .order_by("requested_at", "pk")
    )


def signature_requests_for_owner(owner) -> QuerySet[SignatureRequest]:
    """Every submission of one document to a signer, newest first (the last one says where it stands)."""
    return (
        SignatureRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(owner), object_id=str(owner.pk)
        )
        .select_related("signer", "decided_by", "preview")
        .order_by("-requested_at", "-pk")
    )


# ---------------------------------------------------------------------------
# Legal bases
# ---------------------------------------------------------------------------
def legal_bases_of(board: Organization) -> QuerySet[LegalBasis]:
    return LegalBasis.objects.filter(organization=board).order_by("position", "pk")


def chosen_bases(bases: list[LegalBasis], kind: DocumentKind) -> list[LegalBasis]:
    """The bases ``kind`` cites among ``bases``: those the Board ticked for it, or else its defaults."""
    ticked = [basis for basis in bases if kind.code in basis.kinds]
    return ticked or [basis for basis in bases if basis.code and basis.code in kind.legal_bases]


def legal_bases_for(board: Organization, kind: str, *, on: date) -> list[LegalBasis]:
    """The bases a document of ``kind`` dated ``on`` cites, highest rank first (one query)."""
    bases = [basis for basis in legal_bases_of(board) if basis.is_in_force(on)]
    return chosen_bases(bases, get_kind(kind))


def legal_basis_lines(board: Organization, kind: str, *, on: date, closing: str = "") -> list[str]:
    """ "Căn cứ …;" lines for a document of ``kind`` (the last one, or ``closing``, ends with ".")."""
    return basis_lines([citation_of(basis) for basis in legal_bases_for(board, kind, on=on)], closing=closing)


def kinds_with_bases(board: Organization) -> list[tuple[DocumentKind, list[LegalBasis]]]:
    """Every kind that cites bases, with the bases it cites today (for the library page; one query)."""
    bases = list(legal_bases_of(board))
    return [(kind, chosen_bases(bases, kind)) for kind in kinds_citing_bases()]
