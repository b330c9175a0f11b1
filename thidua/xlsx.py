"""Excel workbooks written by the portal (openpyxl, write-only so big lists stream through constant memory),
and the response that sends one as a download."""

import io
from collections.abc import Iterable

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise spreadsheet formula injection in exported text (OWASP CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not value[1:2].isdigit():
        return "'" + value
    return value


def workbook_bytes(
    title: str, headers: list[str], rows: Iterable[Iterable], widths: list[int] | None = None
) -> bytes:
    """One sheet: a bold header row, then ``rows`` (text cells made safe), as .xlsx bytes."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> FileResponse:
    """An attachment with a Vietnamese file name (Django writes the RFC 5987 ``filename*``)."""
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
