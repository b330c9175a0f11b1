"""The enterprise workbook (.xlsx): its columns, the import template, the export of the list, and the parser
of an uploaded workbook into rows and row errors.

The parser is pure: it reads the file and the Board's parks and existing tax codes, never writes. The commit
is ``blocs.register.services.commit_enterprise_import``. Formulas are refused (``data_only=False`` so a
formula is seen as such), so what is imported is exactly what the user typed.
"""

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from blocs.enums import Ownership
from blocs.register.models import Enterprise, IndustrialPark
from blocs.validators import normalize_tax_code, validate_tax_code
from thidua.search import search_key
from thidua.spreadsheets import Sheet, workbook_bytes

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Column:
    field: str
    header_vi: str
    header_en: str
    max_length: int | None = None
    note_vi: str = ""  # the template's comment on the header cell: how to fill the column, in Vietnamese


COLUMNS = (
    Column(
        "tax_code",
        "Mã số thuế",
        "Tax code",
        14,
        "Bắt buộc. 10 chữ số, hoặc 13 ký tự cho đơn vị phụ thuộc (0100109106-001).",
    ),
    Column(
        "name", "Tên doanh nghiệp", "Enterprise name", 255, "Bắt buộc. Tên đầy đủ theo đăng ký kinh doanh."
    ),
    Column("name_en", "Tên tiếng Anh", "English name", 255, "Không bắt buộc."),
    Column(
        "park",
        "KCN",
        "Industrial park (code or name)",
        None,
        "Mã hoặc tên khu công nghiệp của Ban; để trống nếu nằm ngoài KCN.",
    ),
    Column(
        "ownership",
        "Loại hình",
        "Ownership (FDI / Trong nước)",
        None,
        "Ghi “FDI” hoặc “Trong nước” (để trống: Trong nước).",
    ),
    Column("sector", "Ngành nghề", "Sector", 255, "Không bắt buộc."),
    Column(
        "legal_representative",
        "Người đại diện",
        "Legal representative",
        150,
        "Người đại diện theo pháp luật.",
    ),
    Column("representative_title", "Chức vụ", "Title", 150, "Chức vụ của người đại diện, ví dụ Giám đốc."),
    Column("address", "Địa chỉ", "Address", 255, "Không bắt buộc."),
    Column("phone", "Điện thoại", "Phone", 50, "Không bắt buộc."),
    Column("email", "Email", "E-mail", 254, "Không bắt buộc; một địa chỉ thư điện tử hợp lệ."),
    Column("employees", "Số lao động", "Employees", None, "Số nguyên, không bắt buộc."),
)
IMPORTED_FIELDS = (*(c.field for c in COLUMNS if c.field != "park"), "park_id")

FDI_WORDS = {"fdi", "von nuoc ngoai", "co von dau tu nuoc ngoai", "foreign", "foreign-invested"}
DOMESTIC_WORDS = {"", "trong nuoc", "domestic", "noi dia", "viet nam"}


@dataclass
class RowError:
    row: int
    column: str
    message: str
    value: str = ""  # what the cell holds, as typed, so the user finds it


@dataclass
class ParsedImport:
    rows: list[dict] = field(
        default_factory=list
    )  # valid rows: model field values + "row" (sheet row number)
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""
    total_rows: int = 0
    existing_count: int = 0  # valid rows that update an existing enterprise (update mode)

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.errors and bool(self.rows)


def check_upload(name: str, size: int, head: bytes) -> str:
    """A file-level error for an upload that is not a plausible .xlsx, or ''."""
    if size > MAX_UPLOAD_BYTES:
        return str(_("The file is larger than 10 MB."))
    if not name.lower().endswith(".xlsx"):
        return str(_("Only Excel workbooks (.xlsx) can be imported."))
    if not head.startswith(XLSX_MAGIC):
        return str(
            _(
                "This file is not an Excel workbook (.xlsx). If it is a CSV or an old .xls file, "
                "open it in Excel and save it as .xlsx."
            )
        )
    return ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _tax_code_text(value) -> str:
    # Excel turns 0100109106 typed as a number into 100109106: restore the leading zeros.
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return f"{int(value):010d}"
    return normalize_tax_code(_text(value))


def _header_matches(cells) -> bool:
    values = [search_key(_text(v)) for v in cells]
    values += [""] * (len(COLUMNS) - len(values))
    return all(values[i] == search_key(col.header_vi) for i, col in enumerate(COLUMNS)) and not any(
        values[len(COLUMNS) :]
    )


def _is_english_header(cells) -> bool:
    return bool(cells) and search_key(_text(cells[0])) == search_key(COLUMNS[0].header_en)


def _park_index(board) -> dict[str, int]:
    index: dict[str, int] = {}
    for park_id, code, name in IndustrialPark.objects.filter(organization=board).values_list(
        "id", "code", "name"
    ):
        index.setdefault(search_key(name), park_id)
        index[search_key(code)] = park_id
    return index


def _ownership(value: str) -> str | None:
    key = search_key(value)
    if key in FDI_WORDS:
        return Ownership.FDI
    if key in DOMESTIC_WORDS:
        return Ownership.DOMESTIC
    return None


def parse_workbook(path: str | Path, board, *, update_existing: bool = False) -> ParsedImport:
    """Read the workbook at ``path`` for ``board``: valid rows and every row error, or one file error."""
    result = ParsedImport()
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        result.file_error = str(_("The file could not be read as an Excel workbook (.xlsx)."))
        return result
    try:
        _parse_sheet(workbook.worksheets[0], board, update_existing, result)
    finally:
        workbook.close()
    return result


def _parse_sheet(sheet, board, update_existing: bool, result: ParsedImport) -> None:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None or not any(v not in (None, "") for v in header):
        result.file_error = str(_("The file is empty: the first sheet has no header row."))
        return
    if not _header_matches(header):
        expected = ", ".join(c.header_vi for c in COLUMNS)
        result.file_error = str(
            _("The columns are not those of the template. Expected, in this order: %(columns)s.")
            % {"columns": expected}
        )
        return

    parks = _park_index(board)
    existing = dict(Enterprise.objects.filter(organization=board).values_list("tax_code", "id"))
    seen: dict[str, int] = {}
    labels = {c.field: c.header_vi for c in COLUMNS}

    for number, cells in enumerate(rows, start=2):
        if number == 2 and _is_english_header(cells):
            continue
        cells = tuple(cells[: len(COLUMNS)]) + (None,) * (len(COLUMNS) - len(cells))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
            continue
        result.total_rows += 1
        if result.total_rows > MAX_ROWS:
            result.file_error = str(
                _("The file has more than %(max)s rows; split it into several files.") % {"max": MAX_ROWS}
            )
            return
        errors: list[RowError] = []
        typed = {c.field: _text(v) for c, v in zip(COLUMNS, cells, strict=True)}

        def error(column: str, message, errors=errors, number=number, typed=typed) -> None:
            errors.append(RowError(number, labels.get(column, ""), str(message), typed.get(column, "")))

        formula = [
            c.field for c, v in zip(COLUMNS, cells, strict=True) if isinstance(v, str) and v.startswith("=")
        ]
        for column in formula:
            error(column, _("Formulas are not accepted; type the value itself."))
        if formula:
            result.errors.extend(errors)
            continue

        raw = dict(zip((c.field for c in COLUMNS), cells, strict=True))
        row = {c.field: _text(raw[c.field]) for c in COLUMNS if c.field not in {"tax_code", "employees"}}
        row["tax_code"] = _tax_code_text(raw["tax_code"])
        row["row"] = number

        if not row["tax_code"]:
            error("tax_code", _("The tax code is missing."))
        else:
            try:
                validate_tax_code(row["tax_code"])
            except ValidationError as exc:
                error("tax_code", exc.messages[0])
            else:
                if row["tax_code"] in seen:
                    error(
                        "tax_code",
                        _("Duplicate: the same tax code is already on row %(row)s of this file.")
                        % {"row": seen[row["tax_code"]]},
                    )
                else:
                    seen[row["tax_code"]] = number
                    if row["tax_code"] in existing and not update_existing:
                        error(
                            "tax_code",
                            _(
                                "An enterprise with this tax code already exists in your Board "
                                "(tick “update existing enterprises” to update it)."
                            ),
                        )
        if not row["name"]:
            error("name", _("The enterprise name is missing."))
        for col in COLUMNS:
            if col.max_length and len(row.get(col.field, "")) > col.max_length:
                error(col.field, _("Too long (at most %(n)s characters).") % {"n": col.max_length})

        park = row.pop("park")
        row["park_id"] = None
        if park:
            row["park_id"] = parks.get(search_key(park))
            if row["park_id"] is None:
                error("park", _("Unknown industrial park “%(park)s”.") % {"park": park})

        ownership = _ownership(row["ownership"])
        if ownership is None:
            error("ownership", _("Write FDI or Trong nước."))
        row["ownership"] = ownership or Ownership.DOMESTIC

        if row["email"]:
            try:
                validate_email(row["email"])
            except ValidationError:
                error("email", _("Not a valid e-mail address."))

        employees = raw["employees"]
        row["employees"] = None
        if employees not in (None, ""):
            try:
                count = int(str(employees).replace(".", "").replace(",", "").strip())
                if count < 0:
                    raise ValueError
                row["employees"] = count
            except ValueError:
                error("employees", _("The number of employees must be a whole number."))

        if errors:
            result.errors.extend(errors)
        else:
            row["existing_id"] = existing.get(row["tax_code"])
            result.existing_count += row["existing_id"] is not None
            result.rows.append(row)

    if result.total_rows == 0:
        result.file_error = str(_("The file has a header but no enterprise rows."))


# ---------------------------------------------------------------------------
# Writing: the import template and the export of the list (same columns, re-importable)
# ---------------------------------------------------------------------------
def import_template() -> bytes:
    """The import template: Vietnamese headers (what the parser checks), English labels on row 2."""
    return workbook_bytes(
        Sheet(
            "Doanh nghiệp",
            [column.header_vi for column in COLUMNS],
            widths=[24] * len(COLUMNS),
            notes=[column.note_vi for column in COLUMNS],  # comments in Vietnamese: how to fill each column
            subheader=[column.header_en for column in COLUMNS],
        )
    )


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
    return workbook_bytes(
        Sheet(
            gettext("Enterprises"),
            [c.header_vi for c in COLUMNS],
            rows,
            widths=[14, 40, 30, 12, 12] + [20] * 7,
        )
    )
