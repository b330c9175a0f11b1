"""Reads of official documents and notices."""

import hashlib
from typing import IO

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from thidua.accounts.models import Organization
from thidua.documents.models import GeneratedDocument, Notice


def documents_for_owner(owner) -> QuerySet[GeneratedDocument]:
    """The documents issued for one object (newest first)."""
    return GeneratedDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(owner), object_id=str(owner.pk)
    ).select_related("organization")


def notices_for_board(board: Organization) -> QuerySet[Notice]:
    return (
        Notice.objects.filter(organization=board)
        .select_related("document", "signer", "created_by")
        .order_by("-created_at", "-pk")
    )


def document_by_token(token: str) -> GeneratedDocument | None:
    return GeneratedDocument.objects.select_related("organization").filter(verification_token=token).first()


def sha256_of_stream(stream: IO[bytes], chunk_size: int = 1 << 16) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(chunk_size), b""):
        digest.update(chunk)
    return digest.hexdigest()
