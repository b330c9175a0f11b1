"""PDF uploads (operations.md S5): the one check, the one naming rule and the one download response.

- a size cap per feature (10 MB unless the feature says otherwise), the extension ``.pdf`` AND content that
  starts with ``%PDF-``;
- content that parses as a PDF (pypdf) and carries nothing active: no JavaScript, no launch action, no
  embedded file, no HTML markup (an HTML/PDF polyglot); a password-protected PDF, which cannot be checked,
  is refused too;
- stored under a generated name (never the user's file name) below MEDIA_ROOT, which no URL serves;
- served only by a view that checked permission first, as an attachment with ``nosniff``.
"""

import logging
import os
import re
import uuid

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

PDF_MAGIC = b"%PDF-"
PDF_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
# Markup that makes a file a web page as well: browsers that sniff content would run it as HTML.
HTML_MARKUP = re.compile(rb"<(?:script|html|body|iframe|!doctype\s+html)\b", re.IGNORECASE)
# Keys and action types that make a PDF do something when opened (ISO 32000-1, 12.6 and 7.11).
JAVASCRIPT_KEYS = frozenset({"/JS", "/JavaScript"})
EMBEDDED_FILE_KEYS = frozenset({"/EmbeddedFiles", "/EF"})
EMBEDDED_FILE_TYPES = frozenset({"/EmbeddedFile", "/FileAttachment"})
ACTIVE_ACTIONS = {"/JavaScript": "javascript", "/Launch": "launch", "/GoToE": "embedded_file"}
MAX_OBJECTS_INSPECTED = 500_000

logger = logging.getLogger(__name__)


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
    try:
        _check_pdf_content(upload)
    finally:
        upload.seek(0)


def _check_pdf_content(upload) -> None:
    """Parse the whole file and refuse active content; the messages name what was found."""
    content = upload.read()
    if HTML_MARKUP.search(content):
        raise ValidationError(
            _("This PDF also contains web page (HTML) code, so it is refused. Save or print it to PDF again."),
            code="file_pdf_polyglot",
        )
    upload.seek(0)
    try:
        found = _active_content(upload)
    except _Encrypted:
        raise ValidationError(
            _("This PDF is password-protected, so it cannot be checked. Upload a copy without a password."),
            code="file_pdf_encrypted",
        ) from None
    except Exception as exc:  # pypdf raises many types on a damaged file (its own, ValueError, KeyError...)
        logger.info("PDF upload refused as unreadable: %r", exc)
        raise ValidationError(
            _("This file starts like a PDF but is not a readable PDF document."), code="file_pdf_unreadable"
        ) from None
    if "javascript" in found:
        raise ValidationError(
            _("This PDF contains JavaScript, so it is refused. Save or print it to PDF again without scripts."),
            code="file_pdf_javascript",
        )
    if "launch" in found:
        raise ValidationError(
            _("This PDF contains an action that starts another program, so it is refused."),
            code="file_pdf_launch",
        )
    if "embedded_file" in found:
        raise ValidationError(
            _("This PDF carries embedded files, so it is refused. Upload the document without attachments."),
            code="file_pdf_embedded_file",
        )


class _Encrypted(Exception):
    pass


def _active_content(stream) -> set[str]:
    """What active content the PDF carries: ``javascript``, ``launch``, ``embedded_file`` (a set).

    Every object reachable from the trailer (catalogue, pages, annotations, name trees, actions) is
    visited once, without decoding any content stream."""
    reader = PdfReader(stream, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise _Encrypted
    if len(reader.pages) < 1:
        raise ValueError("no page")
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    pending: list = [reader.trailer]
    visited = 0
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_OBJECTS_INSPECTED:
            raise ValueError("too many objects")
        if isinstance(item, DictionaryObject):
            keys = set(item.keys())
            if keys & JAVASCRIPT_KEYS:
                found.add("javascript")
            if keys & EMBEDDED_FILE_KEYS or {item.get("/Type"), item.get("/Subtype")} & EMBEDDED_FILE_TYPES:
                found.add("embedded_file")
            action = item.get("/S")
            if isinstance(action, NameObject) and action in ACTIVE_ACTIONS:
                found.add(ACTIVE_ACTIONS[action])
            pending.extend(item.values())
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return found


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
