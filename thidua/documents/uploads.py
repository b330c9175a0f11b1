"""PDF uploads (operations.md S5): the one check, the one naming rule and the one download response.

- a size cap per feature (10 MB unless the feature says otherwise), the extension ``.pdf`` AND content that
  starts with ``%PDF-``;
- stored under a generated name (never the user's file name) below MEDIA_ROOT, which no URL serves;
- served only by a view that checked permission first, as an attachment with ``nosniff``.
"""

import os
import uuid

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"
PDF_UPLOAD_MAX_BYTES = 10 * 1024 * 1024


def check_pdf_upload(upload, *, max_bytes: int = PDF_UPLOAD_MAX_BYTES, field: str | None = None) -> None:
    """Raise ValidationError unless ``upload`` is a PDF of at most ``max_bytes`` (extension and magic bytes).

    ``field``: raise the error on that field (services), instead of a plain error (form field validators).
    """
    if field is not None:
        try:
            check_pdf_upload(upload, max_bytes=max_bytes)
        except ValidationError as exc:
            raise ValidationError({field: exc.error_list}) from None
        return
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (at most %(size)d MB).") % {"size": max_bytes // (1024 * 1024)},
            code="file_too_large",
        )
    if os.path.splitext(upload.name or "")[1].lower() != ".pdf":
        raise ValidationError(_("Upload a file ending in .pdf."), code="file_extension")
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("This is not a PDF file."), code="file_not_pdf")


@deconstructible
class PdfUploadValidator:
    """The form-field form of :func:`check_pdf_upload`."""

    def __init__(self, max_bytes: int = PDF_UPLOAD_MAX_BYTES):
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        check_pdf_upload(upload, max_bytes=self.max_bytes)

    def __eq__(self, other) -> bool:
        return isinstance(other, PdfUploadValidator) and other.max_bytes == self.max_bytes


@deconstructible
class GeneratedPdfName:
    """``upload_to`` of a PDF FileField: ``<folder>/<yyyy>/<mm>/<random hex>.pdf``, whatever the user sent."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        return f"{self.folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"

    def __eq__(self, other) -> bool:
        return isinstance(other, GeneratedPdfName) and other.folder == self.folder


def safe_filename(name: str) -> str:
    """A download name without characters file systems refuse (Vietnamese letters are kept)."""
    return "".join(ch for ch in name if ch not in '\\/:*?"<>|\r\n\t').strip()[:120] or "document"


def pdf_attachment(fieldfile, filename: str) -> FileResponse:
    """Stream a stored PDF as an attachment; Django writes ``filename*=utf-8''…`` (RFC 5987) for Vietnamese."""
    response = FileResponse(
        fieldfile.open("rb"),
        as_attachment=True,
        filename=safe_filename(filename),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
