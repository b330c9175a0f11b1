"""Small upload helpers for the blocs tests that send PDFs."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.pdf_tools import minimal_pdf

PDF_BYTES = minimal_pdf()


def pdf_upload(name: str = "Quy chế hoạt động.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")
