"""Commit a bloc's values from the leader's workbook: every member's row or none, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from scoring.quarterly.excel import YTD_SUFFIX, RowError, parse_bloc_workbook
from scoring.quarterly.models import BlocReview, EnterpriseReport
from scoring.quarterly.services.reports import ValueInput, save_report
from thidua.audit.services import record_event


class ValuesRejected(ValidationError):
    """Nothing was imported: ``file_error`` or the list of ``row_errors`` (row, column, message) says why."""

    def __init__(self, *, file_error: str = "", row_errors: list[RowError] | None = None):
        self.file_error = file_error
        self.row_errors = row_errors or []
        super().__init__(
            file_error or _("The file has %(n)d errors; nothing was imported.") % {"n": len(self.row_errors)}
        )


@dataclass
class ImportOutcome:
    reports: int
    values: int


def _column_of(field: str) -> str:
    kind, _sep, code = field.partition("_")
    return code + (YTD_SUFFIX if kind == "ytd" else "") if code else ""


def import_bloc_values(*, review: BlocReview, imported_by, upload, indicators) -> ImportOutcome:
    """Write every row of the workbook into the members' reports of the review's period, or nothing.

    A row names a member by tax code; its reports must still be open to changes. Errors of the services
    (e.g. a negative figure, a missing year-to-date) come back as row errors in the user's language.
    """
    parsed = parse_bloc_workbook(upload, indicators)
    if parsed.file_error:
        raise ValuesRejected(file_error=parsed.file_error)
    reports = {
        report.enterprise.tax_code: report
        for report in EnterpriseReport.objects.filter(period=review.period, bloc=review.bloc).select_related(
            "enterprise", "period__year"
        )
    }
    errors = list(parsed.errors)
    written = 0
    with transaction.atomic():
        for row in parsed.rows:
            report = reports.get(row.tax_code)
            if report is None:
                errors.append(
                    RowError(
                        row.row,
                        "Mã số thuế",
                        _("%(code)s is not a member of this bloc in this period.") % {"code": row.tax_code},
                    )
                )
                continue
            if not row.cells:
                continue
            values = [
                ValueInput(
                    code=code,
                    value=cell.get("value"),
                    not_applicable=cell.get("not_applicable", False),
                    ytd=cell.get("ytd"),
                )
                for code, cell in row.cells.items()
            ]
            try:
                with transaction.atomic():
                    save_report(report=report, entered_by=imported_by, values=values)
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, messages in exc.message_dict.items():
                        errors.extend(RowError(row.row, _column_of(field), m) for m in messages)
                else:
                    errors.extend(RowError(row.row, "", m) for m in exc.messages)
                continue
            written += len(values)
        if errors:
            raise ValuesRejected(row_errors=sorted(errors, key=lambda e: (e.row, e.column)))
        record_event(
            action="bloc_review.values_imported",
            actor=imported_by,
            organization=review.organization,
            obj=review,
            changes={"rows": len(parsed.rows), "values": written},
        )
    return ImportOutcome(reports=len(parsed.rows), values=written)
