"""Reading real PDFs in tests with poppler-utils (pdftotext, pdffonts, pdfinfo); CI installs them.
Building small valid ones for upload tests."""

import functools
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest


def poppler(*args: str, stdin: bytes | None = None) -> str:
    """Run a poppler-utils command and return what it printed."""
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} is missing: install Debian's poppler-utils (apt-get install poppler-utils)")
    result = subprocess.run(args, input=stdin, capture_output=True, check=True, timeout=30)
    return result.stdout.decode()


def pdf_text(pdf: Path | str | bytes) -> str:
    """The text of a PDF (a path or the bytes), as pdftotext lays it out."""
    if isinstance(pdf, bytes):
        return poppler("pdftotext", "-", "-", stdin=pdf)
    return poppler("pdftotext", str(pdf), "-")


def minimal_pdf(text: str = "") -> bytes:
    """A small, valid one-page PDF (as an upload would carry), built with pypdf."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if text:
        writer.add_metadata({"/Title": text})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


LOCALE_PO = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"
MONTHS_AND_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# Labels most likely to leak into a document (kind codes such as award_decision appear in some msgstr).
DOCUMENT_WORDS = frozenset(
    ["notice", "decision", "pledge", "report", "minutes", "submission", "signer", "draft", "issued"]
)


def _ascii_words(text: str) -> set[str]:
    """Whole words (letters only, Unicode-aware) of four letters or more that are plain ASCII."""
    return {word.lower() for word in re.findall(r"[^\W\d_]{4,}", text) if word.isascii()}


@functools.cache
def english_vocabulary() -> frozenset[str]:
    """The English words of the portal's msgids (labels, statuses, …) that no Vietnamese translation uses
    (so "UBND" or "trong" in an example are not taken for English), plus month and day names."""
    text = LOCALE_PO.read_text(encoding="utf-8")
    msgids = " ".join(re.findall(r'^msgid(?:_plural)? "(.*)"$', text, flags=re.MULTILINE))
    msgstrs = " ".join(re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', text, flags=re.MULTILINE))
    return frozenset((_ascii_words(msgids) - _ascii_words(msgstrs)) | MONTHS_AND_DAYS | DOCUMENT_WORDS)


def english_words(text: str, *, ignore: tuple[str, ...] = ()) -> list[str]:
    """The English words in ``text`` (a PDF's text), except those inside the strings of ``ignore`` (the
    verification link, which pdftotext may cut across lines)."""
    vocabulary = english_vocabulary()
    ignored = " ".join(ignore).lower()
    return [
        word
        for word in re.findall(r"[^\W\d_]{4,}", text)
        if word.isascii() and word.lower() in vocabulary and word.lower() not in ignored
    ]
