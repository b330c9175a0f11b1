"""Excel workbooks (.xlsx): the one writer every export uses and the one bounded reader every upload uses.

Writing (OWASP "CSV injection", which applies to every spreadsheet format): a text cell is always stored
as text, never as a formula. openpyxl turns any string that starts with ``=`` into a formula cell, so the
writer sets the cell's type explicitly; a text that a spreadsheet would still take for a formula when the
user edits the cell (``=``, ``+``, ``-``, ``@`` after optional leading whitespace, or a leading tab or
carriage return) also gets Excel's "quote prefix" flag, the apostrophe a user would type, which is not part
of the value. Numbers, dates and booleans keep their types. Characters the XML format cannot carry are
dropped instead of failing the export.

Reading: an upload is an untrusted ZIP archive. Before openpyxl opens it, :func:`check_workbook_archive`
reads only the archive's directory and refuses a file that is too large, has too many members, would expand
past a total (a "zip bomb", also by compression ratio), or carries a shared-strings table so large that
openpyxl, which keeps it in memory, would exhaust the process. :func:`read_workbook_rows` then streams the
first sheet in read-only mode and stops at a row limit that counts blank rows too (missing rows are
yielded as blank ones, so a sheet whose last row is 1,048,576 stops at the limit, not after a million
rows). The limits are settings (``XLSX_*`` in ``thidua/settings.py``, defaults in the README); every refusal
is a :class:`WorkbookRejected` with a message in the user's language.
"""

import datetime
import io
import math
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from xml.parsers import expat

from django.conf import settings
from django.http import FileResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.packaging.manifest import Manifest
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS
from openpyxl.xml.functions import fromstring

# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------
FORMULA_TRIGGERS = ("=", "+", "-", "@")
CONTROL_TRIGGERS = ("\t", "\r")
MAX_CELL_CHARACTERS = 32_767  # Excel's limit for one cell
SHEET_TITLE_CHARACTERS = 31
FORBIDDEN_IN_SHEET_TITLES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def could_be_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (OWASP: ``= + - @``, tab, carriage return),
    also after leading whitespace: `` =1+1`` becomes a formula once a user edits the cell."""
    return text.startswith(CONTROL_TRIGGERS) or text.lstrip().startswith(FORMULA_TRIGGERS)


@dataclass
class Sheet:
    """One worksheet of an export: a bold header row, optionally a second (italic) header row, then rows.

    ``notes`` are comments on the header cells; ``widths`` are column widths in characters.
    """

    title: str
    header: Sequence[Any]
    rows: Iterable[Sequence[Any]] = ()
    widths: Sequence[int] = ()
    notes: Sequence[Any] = ()
    subheader: Sequence[Any] = ()


def workbook_bytes(*sheets: Sheet) -> bytes:
    """The .xlsx file of ``sheets``, written in openpyxl's write-only mode (constant memory per row)."""
    workbook = Workbook(write_only=True)
    for spec in sheets:
        _write_sheet(workbook, spec)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str) -> FileResponse:
    """A workbook as a download with a Vietnamese file name (Django writes the RFC 5987 ``filename*``)."""
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def _write_sheet(workbook: Workbook, spec: Sheet) -> None:
    sheet = workbook.create_sheet(_sheet_title(spec.title))
    for index, width in enumerate(spec.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for index, label in enumerate(spec.header):
        cell = _cell(sheet, label)
        cell.font = bold
        if index < len(spec.notes) and spec.notes[index]:
            cell.comment = Comment(_clean_text(str(spec.notes[index])), "thidua")
        header.append(cell)
    sheet.append(header)
    if spec.subheader:
        quiet = Font(italic=True, color="666666")
        subheader = []
        for label in spec.subheader:
            cell = _cell(sheet, label)
            cell.font = quiet
            subheader.append(cell)
        sheet.append(subheader)
    for row in spec.rows:
        sheet.append([_cell(sheet, value) for value in row])


def _sheet_title(title: str) -> str:
    return str(title).translate(FORBIDDEN_IN_SHEET_TITLES).strip("'")[:SHEET_TITLE_CHARACTERS] or "Sheet"


def _clean_text(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_CHARACTERS]


def _cell(sheet, value: Any) -> WriteOnlyCell:
    """The one place a value becomes a cell: numbers, dates and booleans typed, everything else text."""
    if isinstance(value, float) and not math.isfinite(value):
        value = str(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value).replace(tzinfo=None)
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date | datetime.time):
        return WriteOnlyCell(sheet, value=value)
    text = _clean_text(str(value))
    cell = WriteOnlyCell(sheet, value=None)
    cell._value = text  # not through the value setter, which would make "=..." a formula
    cell.data_type = "s"
    if could_be_formula(text):
        cell.quotePrefix = True
    return cell


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------
MEGABYTE = 1024 * 1024
RATIO_CHECK_FROM_BYTES = MEGABYTE  # small members may compress extremely well without harm
MANIFEST_MAX_BYTES = MEGABYTE


class WorkbookRejected(ValueError):
    """An uploaded workbook refused before or while reading it; ``message`` is for the user."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class WorkbookLimits:
    """The bounds of one read; the defaults come from the ``XLSX_*`` settings."""

    max_file_bytes: int = field(default_factory=lambda: settings.XLSX_MAX_FILE_BYTES)
    max_members: int = field(default_factory=lambda: settings.XLSX_MAX_MEMBERS)
    max_uncompressed_bytes: int = field(default_factory=lambda: settings.XLSX_MAX_UNCOMPRESSED_BYTES)
    max_shared_strings_bytes: int = field(default_factory=lambda: settings.XLSX_MAX_SHARED_STRINGS_BYTES)
    max_compression_ratio: int = field(default_factory=lambda: settings.XLSX_MAX_COMPRESSION_RATIO)
    max_rows: int = field(default_factory=lambda: settings.XLSX_MAX_ROWS)
    max_cells_per_row: int = field(default_factory=lambda: settings.XLSX_MAX_CELLS_PER_ROW)


def _megabytes(size: int) -> str:
    return number_format(round(size / MEGABYTE, 1))


def _not_a_workbook() -> WorkbookRejected:
    return WorkbookRejected(
        _("The file could not be read as an Excel workbook (.xlsx)."), code="workbook_unreadable"
    )


def check_workbook_archive(source, limits: WorkbookLimits | None = None) -> None:
    """Refuse ``source`` (a path or a seekable binary file) unless it is a ZIP archive within the limits.

    Only the archive's directory and ``[Content_Types].xml`` are read: the declared sizes are binding,
    since Python's zipfile never inflates a member past its declared size.
    """
    limits = limits or WorkbookLimits()
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _not_a_workbook() from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise WorkbookRejected(
                _("The workbook has too many parts (%(count)s; at most %(max)s are accepted).")
                % {"count": number_format(len(members)), "max": number_format(limits.max_members)},
                code="workbook_members",
            )
        for info in members:
            if (
                info.file_size > RATIO_CHECK_FROM_BYTES
                and info.file_size > limits.max_compression_ratio * max(info.compress_size, 1)
            ):
                raise WorkbookRejected(
                    _(
                        "The workbook is compressed abnormally (a “zip bomb”): one of its parts expands "
                        "more than %(ratio)s times. Save it again from Excel and retry."
                    )
                    % {"ratio": number_format(limits.max_compression_ratio)},
                    code="workbook_ratio",
                )
        total = sum(info.file_size for info in members)
        if total > limits.max_uncompressed_bytes:
            raise WorkbookRejected(
                _(
                    "The workbook would expand to %(size)s MB once opened; at most %(max)s MB are "
                    "accepted. Remove unused sheets, formatting and empty rows, or split the file."
                )
                % {"size": _megabytes(total), "max": _megabytes(limits.max_uncompressed_bytes)},
                code="workbook_uncompressed",
            )
        shared_parts = _shared_strings_parts(archive)
        shared = sum(info.file_size for info in members if info.filename in shared_parts)
        if shared > limits.max_shared_strings_bytes:
            raise WorkbookRejected(
                _(
                    "The workbook's text table is too large (%(size)s MB; at most %(max)s MB). "
                    "Keep only the sheet to import, or split the file."
                )
                % {"size": _megabytes(shared), "max": _megabytes(limits.max_shared_strings_bytes)},
                code="workbook_shared_strings",
            )


def _shared_strings_parts(archive: zipfile.ZipFile) -> set[str]:
    """The members openpyxl would load as the shared-strings table (declared by content type in
    ``[Content_Types].xml``) and any member named like one."""
    parts = {name for name in archive.namelist() if name.lower().endswith("sharedstrings.xml")}
    try:
        if archive.getinfo(ARC_CONTENT_TYPES).file_size > MANIFEST_MAX_BYTES:
            raise _not_a_workbook()
        manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
    except WorkbookRejected:
        raise
    except Exception:  # a missing or malformed manifest: openpyxl refuses the file when it opens it
        return parts
    return parts | {part.PartName.lstrip("/") for part in manifest.findall(SHARED_STRINGS)}


def read_workbook_rows(
    source, *, max_columns: int, limits: WorkbookLimits | None = None
) -> Iterator[tuple[int, tuple]]:
    """Yield ``(row number, values)`` for each row of the first sheet, blank rows included.

    The archive is checked first; ``values`` has exactly ``max_columns`` entries (cells further right are
    not read); a formula comes out as its text (``"=..."``). Raises :class:`WorkbookRejected` on a bad
    archive, an unreadable workbook, or the row after the last one allowed.
    """
    limits = limits or WorkbookLimits()
    _check_file_size(source, limits)
    check_workbook_archive(source, limits)
    _rewind(source)
    try:
        workbook = load_workbook(source, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many types (KeyError, TypeError, XML errors) on a broken file
        raise _not_a_workbook() from None
    try:
        if not workbook.worksheets:
            raise _not_a_workbook()
        sheet = workbook.worksheets[0]
        with sheet._get_source() as stream:  # openpyxl's own path to the sheet part (it follows the rels)
            _check_sheet_rows(stream, limits)
        sheet.reset_dimensions()  # the declared size is not trusted: only the rows present are read
        rows = sheet.iter_rows(min_col=1, max_col=max_columns, values_only=True)
        number = 0
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception:  # a malformed cell or row (openpyxl's XML and value errors)
                raise _not_a_workbook() from None
            number += 1
            if number > limits.max_rows:
                raise _too_many_rows(limits)
            yield number, tuple(values) + (None,) * (max_columns - len(values))
    finally:
        workbook.close()


def _too_many_rows(limits: WorkbookLimits) -> WorkbookRejected:
    return WorkbookRejected(
        _(
            "The sheet has more than %(max)s rows (empty rows count too). Delete the empty rows below "
            "your data, or split the file."
        )
        % {"max": number_format(limits.max_rows, force_grouping=True)},
        code="workbook_rows",
    )


class _EnoughRows(Exception):
    pass


def _check_sheet_rows(stream, limits: WorkbookLimits) -> None:
    """One streaming pass (expat, no tree) over the sheet's XML before openpyxl parses it.

    openpyxl builds a whole ``<row>`` element and a dict per cell before it yields the row, so one row of
    a million empty cells costs gigabytes whatever columns are asked for; and it keeps the attributes of
    every formatted row. This pass refuses a row wider than the limit and a DTD (entity expansion), and
    stops once more rows than the limit are present (the read itself then stops there too).
    """
    parser = expat.ParserCreate()
    counts = {"rows": 0, "cells": 0}

    def start(name: str, _attributes) -> None:
        local = name.rpartition(":")[2]
        if local == "row":
            counts["rows"] += 1
            counts["cells"] = 0
            if counts["rows"] > limits.max_rows:
                raise _EnoughRows
        elif local == "c":
            counts["cells"] += 1
            if counts["cells"] > limits.max_cells_per_row:
                raise WorkbookRejected(
                    _("Row %(row)s has more than %(max)s cells; only the template's columns are read.")
                    % {
                        "row": number_format(counts["rows"], force_grouping=True),
                        "max": number_format(limits.max_cells_per_row, force_grouping=True),
                    },
                    code="workbook_row_width",
                )

    def refuse_dtd(*_args) -> None:
        raise _not_a_workbook()

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    try:
        while chunk := stream.read(64 * 1024):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _EnoughRows:
        return
    except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError):
        raise _not_a_workbook() from None


def _check_file_size(source, limits: WorkbookLimits) -> None:
    size = _size_of(source)
    if size is not None and size > limits.max_file_bytes:
        raise WorkbookRejected(
            _("The file is larger than %(max)s MB.") % {"max": _megabytes(limits.max_file_bytes)},
            code="workbook_too_large",
        )


def _size_of(source) -> int | None:
    if isinstance(source, str | bytes) or hasattr(source, "__fspath__"):
        try:
            return os.path.getsize(source)
        except OSError:
            return None
    size = getattr(source, "size", None)
    if size is not None:
        return size
    try:
        position = source.tell()
        end = source.seek(0, io.SEEK_END)
        source.seek(position)
        return end
    except (AttributeError, OSError):
        return None


def _rewind(source) -> None:
    if hasattr(source, "seek"):
        source.seek(0)
