"""Hostile .xlsx files built on the fly (for the reader's tests and bench/import.py), never stored.

- ``shared_strings_bomb()``: about 0.7 MB on disk, a shared-strings table of 290 MB once inflated (openpyxl
  keeps that table in memory: the web process grew to 1.5 GB on such a file);
- ``blank_rows_workbook()``: about 9 MB of formatted empty rows down to row 1,048,576 (it held a request
  for 94 s), under the archive limits, so only the row limit (which counts blank rows) stops it;
- ``wide_row_workbook()``: one row of many empty cells (openpyxl builds every cell of a row before it
  yields it, whatever columns are asked for).
"""

import io
import random
import zipfile
from collections.abc import Callable, Iterable

from openpyxl import Workbook

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHEET = "xl/worksheets/sheet1.xml"


def plain_workbook(rows: Iterable[Iterable]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rebuild(xlsx: bytes, replaced: dict[str, Callable[[io.RawIOBase], None]], *, level: int = 6) -> bytes:
    """``xlsx`` with the named members written (streamed, so nothing big is held) by the given writers."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            if info.filename not in replaced:
                target.writestr(info.filename, source.read(info.filename))
        for name, writer in replaced.items():
            with target.open(name, "w", force_zip64=True) as stream:
                writer(stream)
    return out.getvalue()


def _declare_shared_strings(stream) -> None:
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_STRINGS_TYPE}"/>'
        "</Types>"
    )
    stream.write(types.encode())


def shared_strings_workbook(entries: int, *, text: bytes = b"x") -> bytes:
    """A one-cell workbook whose shared-strings table holds ``entries`` copies of ``text``."""

    def strings(stream) -> None:
        stream.write(f'<sst xmlns="{MAIN_NS}">'.encode())
        chunk = b"<si><t>" + text + b"</t></si>"
        block = chunk * 65_536
        for _ in range(entries // 65_536):
            stream.write(block)
        stream.write(chunk * (entries % 65_536))
        stream.write(b"</sst>")

    def sheet(stream) -> None:
        stream.write(
            f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
            "</sheetData></worksheet>".encode()
        )

    return rebuild(
        plain_workbook([["x"]]),
        {"[Content_Types].xml": _declare_shared_strings, "xl/sharedStrings.xml": strings, SHEET: sheet},
        level=9,
    )


def shared_strings_bomb() -> bytes:
    """About 0.7 MB: 17 million one-letter strings (290 MB of XML)."""
    return shared_strings_workbook(17_000_000)


def blank_rows_workbook(header: Iterable[str], *, last_row: int = 1_048_576) -> bytes:
    """A header row, then every row down to ``last_row`` present but empty, each with its own height
    (random, so the archive compresses like a real file and passes the ratio check): about 9 MB."""
    header_cells = "".join(
        f'<c r="{_column(i)}1" t="inlineStr"><is><t>{label}</t></is></c>' for i, label in enumerate(header)
    )
    rnd = random.Random(2026)

    def sheet(stream) -> None:
        stream.write(f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">{header_cells}</row>'.encode())
        for start in range(2, last_row + 1, 10_000):
            stream.write(
                b"".join(
                    b'<row r="%d" ht="%.7f" customHeight="1"/>' % (r, 10 + rnd.random() * 20)
                    for r in range(start, min(start + 10_000, last_row + 1))
                )
            )
        stream.write(b"</sheetData></worksheet>")

    return rebuild(plain_workbook([list(header)]), {SHEET: sheet}, level=6)


def wide_row_workbook(cells: int) -> bytes:
    """One row of ``cells`` empty, differently styled cells."""
    rnd = random.Random(7)

    def sheet(stream) -> None:
        stream.write(f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">'.encode())
        for start in range(0, cells, 10_000):
            stream.write(
                b"".join(b'<c s="%d"/>' % rnd.randrange(10**6) for _ in range(min(10_000, cells - start)))
            )
        stream.write(b"</row></sheetData></worksheet>")

    return rebuild(plain_workbook([["x"]]), {SHEET: sheet})


def sheet_xml_workbook(sheet_xml: str) -> bytes:
    """A workbook whose first sheet is exactly ``sheet_xml``."""
    return rebuild(plain_workbook([["x"]]), {SHEET: lambda stream: stream.write(sheet_xml.encode())})


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
