"""The shared PDF upload rules (operations.md S5): size cap, extension, magic bytes, generated name, download."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.documents.uploads import (
    GeneratedPdfName,
    PdfUploadValidator,
    check_pdf_upload,
    pdf_attachment,
    safe_filename,
)

pytestmark = pytest.mark.unit

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n"


def _codes(upload, **kwargs) -> list[str]:
    try:
        check_pdf_upload(upload, **kwargs)
    except ValidationError as exc:
        return [error.code for error in exc.error_list]
    return []


def test_a_small_pdf_passes_and_is_rewound():
    upload = SimpleUploadedFile("Quy chế.PDF", PDF)

    assert (_codes(upload), upload.read(5)) == ([], b"%PDF-")


def test_too_large_is_refused_before_reading():
    assert _codes(SimpleUploadedFile("a.pdf", PDF + b"x" * 100), max_bytes=50) == ["file_too_large"]


def test_the_default_cap_is_ten_megabytes():
    exactly = SimpleUploadedFile("a.pdf", PDF.ljust(10 * 1024 * 1024, b" "))
    over = SimpleUploadedFile("a.pdf", PDF.ljust(10 * 1024 * 1024 + 1, b" "))

    assert (_codes(exactly), _codes(over)) == ([], ["file_too_large"])


def test_pdf_content_with_another_extension_is_refused():
    assert _codes(SimpleUploadedFile("bien-ban.exe", PDF)) == ["file_extension"]


def test_pdf_extension_with_other_content_is_refused():
    assert _codes(SimpleUploadedFile("bien-ban.pdf", b"<html><script>alert(1)</script>")) == ["file_not_pdf"]


def test_validator_is_the_same_check():
    with pytest.raises(ValidationError):
        PdfUploadValidator(max_bytes=10)(SimpleUploadedFile("a.pdf", PDF))


def test_generated_name_ignores_the_users_file_name():
    name = GeneratedPdfName("blocs/regulations")(None, "../../etc/passwd Quy chế.pdf")

    assert name.startswith("blocs/regulations/")
    assert name.endswith(".pdf")
    assert "passwd" not in name
    assert name != GeneratedPdfName("blocs/regulations")(None, "../../etc/passwd Quy chế.pdf")


def test_safe_filename_keeps_vietnamese_and_drops_separators():
    assert safe_filename('Quy chế KTĐ1/v2: "bản gốc".pdf') == "Quy chế KTĐ1v2 bản gốc.pdf"


def test_attachment_headers(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(PDF)

    with path.open("rb") as handle:
        response = pdf_attachment(File(handle), "Biên bản họp KTĐ1.pdf")
        body = b"".join(response.streaming_content)

    assert body == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''Bi%C3%AAn%20b%E1%BA%A3n")


def test_services_get_the_error_on_their_field():
    with pytest.raises(ValidationError) as caught:
        check_pdf_upload(SimpleUploadedFile("a.txt", PDF), field="file")

    assert caught.value.message_dict == {"file": ["Upload a file ending in .pdf."]}
