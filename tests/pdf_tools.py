"""Reading real PDFs in tests with poppler-utils (pdftotext, pdffonts, pdfinfo); CI installs them.
Building small valid ones for upload tests."""

import io
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
