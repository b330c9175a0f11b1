"""Excel workbooks (openpyxl, write-only so big lists stream through constant memory).

Each builder takes rows already loaded by a query function and returns the workbook as bytes.
"""

import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from blocs.enums import Ownership
from blocs.imports import COLUMNS

SAFE_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    """Neutralise spreadsheet formula injection in exported text (OWASP CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(SAFE_PREFIXES) and not value[1:2].isdigit():
        return "'" + value
    return value


def _workbook(
    title: str, headers: list[str], rows: Iterable[Iterable], widths: list[int] | None = None
) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    return get_column_letter(index)


def import_template() -> bytes:
    """The import template: Vietnamese headers (what the parser checks), English labels on row 2."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Doanh nghiệp")
    header, english = [], []
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[_column_letter(index)].width = 24
        cell = WriteOnlyCell(sheet, value=column.header_vi)
        cell.font = Font(bold=True)
        cell.comment = Comment(column.header_en, "thidua")
        header.append(cell)
        en = WriteOnlyCell(sheet, value=column.header_en)
        en.font = Font(italic=True, color="666666")
        english.append(en)
    sheet.append(header)
    sheet.append(english)
    workbook_bytes = io.BytesIO()
    workbook.save(workbook_bytes)
    return workbook_bytes.getvalue()


def _ownership_label(value: str) -> str:
    return "FDI" if value == Ownership.FDI else "Trong nước"


def enterprises_workbook(enterprises) -> bytes:
    """The enterprise list in the import template's columns (re-importable with "update existing")."""
    rows = (
        (
            e.tax_code,
            e.name,
            e.name_en,
            e.park.code if e.park else "",
            _ownership_label(e.ownership),
            e.sector,
            e.legal_representative,
            e.representative_title,
            e.address,
            e.phone,
            e.email,
            e.employees,
        )
        for e in enterprises
    )
    return _workbook(_("Enterprises"), [c.header_vi for c in COLUMNS], rows, [14, 40, 30, 12, 12] + [20] * 7)


def bloc_members_workbook(memberships) -> bytes:
    headers = [_("Bloc code"), _("Bloc"), _("Role"), _("Tax code"), _("Enterprise"), _("Industrial park"),
               _("Legal representative"), _("Phone"), _("E-mail")]  # fmt: skip
    rows = (
        (
            m.bloc.code,
            m.bloc.name,
            m.get_role_display(),
            m.enterprise.tax_code,
            m.enterprise.name,
            m.enterprise.park.name if m.enterprise.park else "",
            m.enterprise.legal_representative,
            m.enterprise.phone,
            m.enterprise.email,
        )
        for m in memberships
    )
    return _workbook(_("Bloc members"), headers, rows, [10, 30, 16, 14, 40, 24, 24, 16, 24])


def applications_workbook(applications) -> bytes:
    headers = [_("Year"), _("Tax code"), _("Enterprise"), _("Preferred bloc"), _("Status"), _("Bloc"),
               _("Submitted at"), _("Reason")]  # fmt: skip
    rows = (
        (
            a.year.year,
            a.enterprise.tax_code,
            a.enterprise.name,
            a.preferred_bloc.name if a.preferred_bloc else "",
            a.get_status_display(),
            a.decided_bloc.name if a.decided_bloc else "",
            a.submitted_at.replace(tzinfo=None) if a.submitted_at else None,
            a.reason,
        )
        for a in applications
    )
    return _workbook(_("Applications"), headers, rows, [8, 14, 40, 24, 12, 24, 18, 30])


def participation_workbook(stats, board_label: str) -> bytes:
    headers = [_("Industrial park"), _("Active enterprises"), _("Enrolled in a bloc"), _("Share (%)"),
               _("Blocs")]  # fmt: skip
    rows = [
        (r.park_name or _("No industrial park"), r.active, r.enrolled, r.share, r.blocs) for r in stats.parks
    ]
    t = stats.total
    rows.append((board_label, t.active, t.enrolled, t.share, t.blocs))
    return _workbook(_("Participation %(year)s") % {"year": stats.year}, headers, rows, [40, 16, 16, 12, 10])
