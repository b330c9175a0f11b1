"""Reading real PDFs in tests with poppler-utils (pdftotext, pdffonts, pdfinfo); CI installs them."""

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
