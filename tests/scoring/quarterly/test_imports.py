"""The leader's Excel upload of the bloc's values: every row or nothing, row errors in the user's language,
and the template that round-trips."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook, load_workbook

from scoring.quarterly import excel
from scoring.quarterly.models import IndicatorValue
from scoring.quarterly.queries import members_for_template
from scoring.quarterly.services import reports as report_services
from scoring.quarterly.services.imports import ValuesRejected, import_bloc_values
from tests.scoring.quarterly.conftest import entries, submitted

pytestmark = pytest.mark.unit
D = Decimal


def workbook(
    rows, header=("Mã số thuế", "Tên doanh nghiệp", "GTSX", "GTSX (lũy kế)", "CHAY", "TUTT")
) -> SimpleUploadedFile:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Số liệu")
    sheet.append(list(header))
    sheet.append(["", "", "Giá trị sản xuất", "", "", ""])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("so-lieu.xlsx", buffer.getvalue())


def _indicators(qw):
    return sorted(qw.indicators.values(), key=lambda i: (i.ordering, i.code))


def _values(report):
    return {
        v.indicator.code: v for v in IndicatorValue.objects.filter(report=report).select_related("indicator")
    }


def test_every_row_is_written_with_the_leader_as_who_entered(qw):
    upload = workbook(
        [
            (qw.member.tax_code, qw.member.name, "1.234,5", None, "KPS", "có"),
            (qw.other.tax_code, qw.other.name, 90, None, 0, "không"),
        ]
    )

    outcome = import_bloc_values(
        review=qw.review(), imported_by=qw.leader_rep, upload=upload, indicators=_indicators(qw)
    )

    assert (outcome.reports, outcome.values) == (2, 6)
    member = _values(qw.report(qw.member))
    assert (member["GTSX"].value, member["CHAY"].not_applicable, member["TUTT"].value) == (
        D("1234.5"),
        True,
        D(1),
    )
    assert member["GTSX"].entered_by == qw.leader_rep
    other = _values(qw.report(qw.other))
    assert (other["CHAY"].value, other["CHAY"].not_applicable, other["TUTT"].value) == (D(0), False, D(0))


def test_one_bad_row_and_nothing_is_imported(qw):
    upload = workbook(
        [
            (qw.member.tax_code, qw.member.name, 100, None, None, "có"),
            (qw.other.tax_code, qw.other.name, "nhiều", None, -1, "có"),
            (qw.stranger.tax_code, qw.stranger.name, 5, None, None, None),
        ]
    )

    with pytest.raises(ValuesRejected) as exc:
        import_bloc_values(
            review=qw.review(), imported_by=qw.leader_rep, upload=upload, indicators=_indicators(qw)
        )

    errors = [(e.row, e.column) for e in exc.value.row_errors]
    assert errors == [(4, "CHAY"), (4, "GTSX"), (5, "Mã số thuế")]
    assert not IndicatorValue.objects.filter(report__period=qw.q1).exists()


def test_row_errors_are_in_the_users_language(qw):
    upload = workbook([(qw.member.tax_code, qw.member.name, "nhiều", None, None, None)])

    with translation.override("vi"), pytest.raises(ValuesRejected) as exc:
        import_bloc_values(
            review=qw.review(), imported_by=qw.leader_rep, upload=upload, indicators=_indicators(qw)
        )

    assert exc.value.row_errors[0].message.startswith("Không phải là số")


def test_a_submitted_report_is_not_overwritten(qw):
    submitted(qw, qw.member, qw.member_rep)
    upload = workbook([(qw.member.tax_code, qw.member.name, 1, None, None, None)])

    with pytest.raises(ValuesRejected) as exc:
        import_bloc_values(
            review=qw.review(), imported_by=qw.leader_rep, upload=upload, indicators=_indicators(qw)
        )

    assert exc.value.row_errors[0].row == 3
    assert _values(qw.report(qw.member))["GTSX"].value == D(100)


def test_a_formula_is_refused(qw):
    upload = workbook([(qw.member.tax_code, qw.member.name, "=1+1", None, None, None)])

    with pytest.raises(ValuesRejected) as exc:
        import_bloc_values(
            review=qw.review(), imported_by=qw.leader_rep, upload=upload, indicators=_indicators(qw)
        )
    assert exc.value.row_errors[0].column == "GTSX"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"Ma so thue;GTSX", "x.csv", "Only Excel workbooks"),
        (b"not a zip", "x.xlsx", "could not be read"),
        (b"PK\x03\x04broken", "x.xlsx", "could not be read"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused(qw, content, name, message):
    with pytest.raises(ValuesRejected, match=message):
        import_bloc_values(
            review=qw.review(),
            imported_by=qw.leader_rep,
            upload=SimpleUploadedFile(name, content),
            indicators=_indicators(qw),
        )


def test_an_unknown_column_is_a_file_error(qw):
    upload = workbook([], header=("Mã số thuế", "Tên doanh nghiệp", "XYZ"))

    with pytest.raises(ValuesRejected, match="Unknown column"):
        import_bloc_values(
            review=qw.review(), imported_by=qw.leader_rep, upload=upload, indicators=_indicators(qw)
        )


def test_the_template_lists_the_members_and_round_trips(qw):
    report_services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, GTSX="100", CHAY=None)
    )
    content = excel.bloc_template(_indicators(qw), members_for_template(qw.review()))
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))

    assert rows[0][:4] == ("Mã số thuế", "Tên doanh nghiệp", "GTSX", "GTSX (lũy kế)")
    assert sorted(r[0] for r in rows[2:]) == sorted(
        e.tax_code for e in (qw.leader, qw.deputy, qw.member, qw.other)
    )
    member_row = next(r for r in rows if r[0] == qw.member.tax_code)
    header = list(rows[0])
    assert (member_row[header.index("GTSX")], member_row[header.index("CHAY")]) == (100, "KPS")

    outcome = import_bloc_values(
        review=qw.review(),
        imported_by=qw.leader_rep,
        upload=SimpleUploadedFile("t.xlsx", content),
        indicators=_indicators(qw),
    )
    assert outcome.reports == 4
