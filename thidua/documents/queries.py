"""Reads of official documents and notices."""

import hashlib
from dataclasses import dataclass
from typing import IO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
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
        if isinstance(fields.get("file"), models.FileField) and isinstance(fields.get("sha256"), models.CharField):
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
