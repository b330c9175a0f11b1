"""Reports of the membership for Board staff: Excel exports of the members and applications, and the
participation statistics (page and Excel). Each export reads the year and the filters as its list page does
(``year_in_view``), so the file holds what the list shows."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from blocs.membership import queries, xlsx
from blocs.membership.year_in_view import year_in_view
from thidua.accounts.permissions import require_board_staff
from thidua.spreadsheets import xlsx_response


def member_export(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = year_in_view(board, request.GET).year
    content = xlsx.bloc_members_workbook(queries.memberships_for_export(board, year, request.GET))
    return xlsx_response(content, f"Thành viên khối thi đua năm {year or ''}.xlsx")


def application_export(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = year_in_view(board, request.GET).year
    applications = queries.applications_for_board(
        board, status=queries.application_status_filter(request.GET), year=year
    )
    content = xlsx.applications_workbook(applications)
    return xlsx_response(content, f"Đơn đăng ký tham gia khối năm {year or ''}.xlsx")


def participation(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    year_view = year_in_view(board, request.GET)
    stats = queries.participation(board, year_view.year)
    return render(
        request,
        "blocs/membership/participation.html",
        {"stats": stats, "year_view": year_view, "year": year_view.year},
    )


def participation_export(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = year_in_view(board, request.GET).year
    stats = queries.participation(board, year)
    content = xlsx.participation_workbook(stats, _("Whole Board"))
    return xlsx_response(content, f"Thống kê tham gia khối thi đua năm {year or ''}.xlsx")
