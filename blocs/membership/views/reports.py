"""Reports of the membership for Board staff: Excel exports of the members and applications, and the
participation statistics (page and Excel)."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from blocs.membership import queries, xlsx
from thidua.accounts.permissions import require_board_staff
from thidua.spreadsheets import xlsx_response


def member_export(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = queries.selected_year(board, request.GET)
    content = xlsx.bloc_members_workbook(queries.memberships_for_export(board, year, request.GET))
    return xlsx_response(content, f"Thành viên khối thi đua năm {year or ''}.xlsx")


def application_export(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = queries.selected_year(board, request.GET)
    content = xlsx.applications_workbook(queries.applications_for_export(board, year, request.GET))
    return xlsx_response(content, f"Đơn đăng ký tham gia khối năm {year or ''}.xlsx")


def participation(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    years = list(queries.years_for_board(board))
    value = request.GET.get("year", "")
    year = next((y for y in years if str(y.year) == value), years[0] if years else None)
    stats = queries.participation(board, year)
    return render(request, "blocs/membership/participation.html", {"stats": stats, "years": years, "year": year})


def participation_export(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = queries.selected_year(board, request.GET)
    stats = queries.participation(board, year)
    content = xlsx.participation_workbook(stats, _("Whole Board"))
    return xlsx_response(content, f"Thống kê tham gia khối thi đua năm {year or ''}.xlsx")
