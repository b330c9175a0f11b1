"""Excel workbooks of quarterly reporting: the bloc's values template (leader), its parser, the Board's export.

The parser is pure: it reads the file and returns typed rows and row errors, never writes. Formulas are
refused, so what is imported is what the user typed. Files go through the platform's one bounded reader and
one writer (``thidua.spreadsheets``). A cell holds a number, "KPS" /
"không phát sinh" (not applicable), or for a yes/no indicator "có" / "không"; an empty cell leaves the value
as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from blocs.pledges.enums import IndicatorKind
from blocs.validators import normalize_tax_code
from scoring.quarterly.ytd import may_enter_ytd, ytd_rule
from thidua.search import search_key
from thidua.spreadsheets import Sheet, WorkbookRejected, read_workbook_rows, workbook_bytes

TAX_CODE_HEADER = "Mã số thuế"
NAME_HEADER = "Tên doanh nghiệp"
YTD_SUFFIX = " (lũy kế)"
NOT_APPLICABLE_WORDS = {"kps", "khong phat sinh", "n/a", "na", "not applicable"}
YES_WORDS = {"co", "yes", "x", "1"}
NO_WORDS = {"khong", "no", "0"}
MAX_NUMBER = Decimal(10) ** 14  # 18 digits, 4 of them decimals (IndicatorValue)


@dataclass(frozen=True)
class Column:
    indicator: object
    ytd: bool

    @property
    def header(self) -> str:
        return self.indicator.code + (YTD_SUFFIX if self.ytd else "")

    @property
    def label(self) -> str:
        suffix = " — lũy kế" if self.ytd else ""
        return f"{self.indicator.name} ({self.indicator.unit}){suffix}"


def columns_for(indicators) -> list[Column]:
    columns = []
    for indicator in indicators:
        columns.append(Column(indicator, ytd=False))
        if may_enter_ytd(ytd_rule(indicator)):
            columns.append(Column(indicator, ytd=True))
    return columns


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ParsedRow:
    row: int
    tax_code: str
    cells: dict[str, dict] = field(default_factory=dict)  # code → {"value", "not_applicable", "ytd"}


@dataclass
class ParsedWorkbook:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""


def _text(value) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def _tax_code(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return f"{int(value):010d}"  # Excel drops the leading zero of 0100109106 typed as a number
    return normalize_tax_code(_text(value))


def parse_decimal(value) -> Decimal | None:
    """A number typed in Excel: a number cell, or text in the Vietnamese (1.234,5) or English (1,234.5) way."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = _text(value).replace(" ", "")
        if "," in text and "." in text:
            decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
            thousands = "." if decimal_mark == "," else ","
            text = text.replace(thousands, "").replace(decimal_mark, ".")
        elif "," in text:
            head, _sep, tail = text.rpartition(",")
            text = (
                text.replace(",", "")
                if len(tail) == 3 and head.replace(",", "").isdigit()
                else text.replace(",", ".")
            )
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError from None
    if not number.is_finite() or abs(number) >= MAX_NUMBER:
        raise ValueError
    return number.quantize(Decimal("0.0001"))


def _cell(column: Column, raw) -> tuple[dict | None, str]:
    """(the typed entry, or None for an empty cell; an error message or '')."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    if isinstance(raw, str) and raw.startswith("="):
        return None, _("Formulas are not accepted; type the value itself.")
    key = search_key(_text(raw)) if isinstance(raw, str) else ""
    if key in NOT_APPLICABLE_WORDS:
        if column.ytd:
            return None, _("Write “không phát sinh” in the indicator's own column.")
        return {"not_applicable": True}, ""
    if column.indicator.kind == IndicatorKind.YES_NO and not column.ytd and isinstance(raw, str):
        if key in YES_WORDS:
            return {"value": Decimal(1)}, ""
        if key in NO_WORDS:
            return {"value": Decimal(0)}, ""
        return None, _("Write “có” or “không”.")
    try:
        number = parse_decimal(raw)
    except ValueError:
        return None, _("Not a number: “%(value)s”.") % {"value": _text(raw)[:40]}
    return ({"ytd": number} if column.ytd else {"value": number}), ""


def parse_bloc_workbook(upload, indicators) -> ParsedWorkbook:
    """Read the leader's workbook (the platform's bounded reader): one row per member (tax code), one
    column per indicator code."""
    result = ParsedWorkbook()
    if not (upload.name or "").lower().endswith(".xlsx"):
        result.file_error = _("Only Excel workbooks (.xlsx) made from the template can be uploaded.")
        return result
    columns = columns_for(indicators)
    known = {search_key(column.header): column for column in columns}
    try:
        _parse_rows(read_workbook_rows(upload, max_columns=2 + len(columns) + 5), known, result)
    except WorkbookRejected as exc:
        result.file_error = exc.message
    return result


def _parse_rows(rows, known: dict[str, Column], result: ParsedWorkbook) -> None:
    _number, first = next(rows, (1, ()))
    header = [_text(v) for v in first]
    while header and not header[-1]:
        header.pop()
    if len(header) < 3 or search_key(header[0]) != search_key(TAX_CODE_HEADER):
        result.file_error = _(
            "The first row must start with “%(tax)s”, “%(name)s” and the indicator codes: download the template."
        ) % {"tax": TAX_CODE_HEADER, "name": NAME_HEADER}
        return
    columns: list[Column | None] = []
    for text in header[2:]:
        column = known.get(search_key(text))
        if column is None and text:
            result.file_error = _("Unknown column “%(column)s”: download the template again.") % {
                "column": text
            }
            return
        columns.append(column)
    seen: dict[str, int] = {}
    for number, cells in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
            continue
        if number == 2 and not _text(cells[0]):
            continue  # the row of labels under the codes
        tax_code = _tax_code(cells[0])
        if not tax_code:
            result.errors.append(RowError(number, TAX_CODE_HEADER, _("The tax code is missing.")))
            continue
        if tax_code in seen:
            result.errors.append(
                RowError(
                    number,
                    TAX_CODE_HEADER,
                    _("Duplicate: the same tax code is already on row %(row)s.") % {"row": seen[tax_code]},
                )
            )
            continue
        seen[tax_code] = number
        parsed = ParsedRow(row=number, tax_code=tax_code)
        for column, raw in zip(columns, cells[2 : 2 + len(columns)], strict=False):
            if column is None:
                continue
            entry, error = _cell(column, raw)
            if error:
                result.errors.append(RowError(number, column.header, error))
            elif entry is not None:
                parsed.cells.setdefault(column.indicator.code, {}).update(entry)
        result.rows.append(parsed)
    if not result.rows and not result.errors:
        result.file_error = _("The file has a header but no member rows.")


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------
def _number(value: Decimal | None):
    return float(value) if value is not None else None


def bloc_template(indicators, members: list[tuple[str, str, dict]]) -> bytes:
    """The leader's template: codes on row 1 (what the parser reads), labels on row 2, one row per member
    (tax code, name, current values: ``{code: IndicatorValue}``)."""
    columns = columns_for(indicators)
    rows = []
    for tax_code, name, entries in members:
        row = [tax_code, name]
        for column in columns:
            entry = entries.get(column.indicator.code)
            if entry is None:
                row.append(None)
            elif column.ytd:
                row.append(_number(entry.ytd_value) if entry.ytd_entered else None)
            else:
                row.append("KPS" if entry.not_applicable else _number(entry.value))
        rows.append(row)
    return workbook_bytes(
        Sheet(
            title="Số liệu",
            header=[TAX_CODE_HEADER, NAME_HEADER, *(c.header for c in columns)],
            subheader=["", "", *(c.label for c in columns)],
            rows=rows,
            widths=[16, 40, *([14] * len(columns))],
        )
    )


def period_workbook(period_label: str, indicators, reports, values: dict[int, dict[int, tuple]]) -> bytes:
    """The Board's export of every value of a period: one row per report, value and year-to-date per
    indicator (``values``: report id → indicator id → (value, ytd, not applicable))."""
    headers = ["Khối", "KCN", TAX_CODE_HEADER, NAME_HEADER, "Trạng thái", "Nộp muộn"]
    for indicator in indicators:
        headers += [f"{indicator.code} ({indicator.unit})", f"{indicator.code}{YTD_SUFFIX}"]

    def rows():
        for report in reports:
            row = [
                report.bloc.code,
                report.enterprise.park.name if report.enterprise.park_id else "",
                report.enterprise.tax_code,
                report.enterprise.name,
                report.get_status_display(),
                "x" if report.late else "",
            ]
            entries = values.get(report.pk, {})
            for indicator in indicators:
                value, ytd, not_applicable = entries.get(indicator.pk, (None, None, False))
                row += ["KPS" if not_applicable else _number(value), _number(ytd)]
            yield row

    return workbook_bytes(Sheet(title=period_label, header=headers, rows=rows()))
