"""The shared PDF upload rules (operations.md S5): size cap, extension, magic bytes, content that parses as a
PDF and carries nothing active (JavaScript, launch actions, embedded files, HTML), generated name, download."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from tests.pdf_tools import minimal_pdf
from thidua.documents.uploads import (
    GeneratedPdfName,
    PdfUploadValidator,
    check_pdf_upload,
    pdf_attachment,
    safe_filename,
)

pytestmark = pytest.mark.unit

PDF = minimal_pdf()


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


# ---------------------------------------------------------------------------
# Content: hostile PDFs built here
# ---------------------------------------------------------------------------
def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def _bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("Biên bản họp.pdf", content, content_type="application/pdf")


def _with_page_annotation(annotation: dict) -> bytes:
    writer = _writer()
    annot = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(0), FloatObject(0), FloatObject(50), FloatObject(50)]
            ),
            **{NameObject(k): v for k, v in annotation.items()},
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])
    return _bytes(writer)


def _document_javascript() -> bytes:
    """JavaScript in the document's name tree: it runs when the file is opened."""
    writer = _writer()
    action = writer._add_object(
        DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("chao"), action])}
            )
        }
    )
    return _bytes(writer)


def _open_action_javascript() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    return _bytes(writer)


def _link_javascript() -> bytes:
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("this.exportDataObject()"),
        }
    )
    return _with_page_annotation({"/Subtype": NameObject("/Link"), "/A": action})


def _launch_action() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("cmd.exe"),
            NameObject("/Win"): DictionaryObject({NameObject("/F"): TextStringObject("cmd.exe")}),
        }
    )
    return _bytes(writer)


def _embedded_file() -> bytes:
    writer = _writer()
    writer.add_attachment("hoa-don.exe", b"MZ\x90\x00 not really a program")
    return _bytes(writer)


def _file_attachment_annotation() -> bytes:
    return _with_page_annotation(
        {"/Subtype": NameObject("/FileAttachment"), "/Contents": TextStringObject("x")}
    )


def _html_polyglot() -> bytes:
    """Starts like a PDF, is a web page: what the magic-byte check alone let through."""
    return b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"


def _valid_pdf_carrying_html() -> bytes:
    """A PDF that every reader opens, and that a browser sniffing its content would run as a web page."""
    writer = _writer()
    contents = DecodedStreamObject()
    contents.set_data(b"% <html><body><script>alert(document.cookie)</script></body></html>\n")
    writer.pages[0][NameObject("/Contents")] = writer._add_object(contents)
    return _bytes(writer)


def _password_protected() -> bytes:
    writer = _writer()
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu", algorithm="AES-128")
    return _bytes(writer)


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (_document_javascript, "file_pdf_javascript"),
        (_open_action_javascript, "file_pdf_javascript"),
        (_link_javascript, "file_pdf_javascript"),
        (_launch_action, "file_pdf_launch"),
        (_embedded_file, "file_pdf_embedded_file"),
        (_file_attachment_annotation, "file_pdf_embedded_file"),
        (_html_polyglot, "file_pdf_polyglot"),
        (_valid_pdf_carrying_html, "file_pdf_polyglot"),
        (_password_protected, "file_pdf_encrypted"),
    ],
)
def test_active_or_hidden_content_is_refused(build, code):
    assert _codes(_upload(build())) == [code]


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n",  # magic bytes and nothing else
        b"%PDF-1.7\n" + bytes(range(256)) * 64,
        minimal_pdf()[:200],  # truncated
    ],
)
def test_what_only_starts_like_a_pdf_is_refused(content):
    assert _codes(_upload(content)) == ["file_pdf_unreadable"]


def test_a_pdf_protected_only_against_editing_is_accepted():
    writer = _writer()
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="AES-128")

    assert _codes(_upload(_bytes(writer))) == []


def test_a_pdf_with_an_ordinary_web_link_is_accepted():
    writer = _writer()
    writer.add_uri(0, "https://thidua.example.vn/verify/", [0, 0, 100, 20])

    assert _codes(_upload(_bytes(writer))) == []


def test_the_refusal_names_what_was_found():
    with pytest.raises(ValidationError) as caught:
        check_pdf_upload(_upload(_document_javascript()))

    assert caught.value.messages == [
        "This PDF contains JavaScript, so it is refused. Save or print it to PDF again without scripts."
    ]


def test_the_upload_is_rewound_after_a_refusal():
    upload = _upload(_embedded_file())

    _codes(upload)

    assert upload.read(5) == b"%PDF-"
