"""Excel import and export of enterprises, Excel exports of the bloc lists, participation statistics.

Import: Board admins and officers. Exports and statistics: Board staff. Other people get 404.
"""

import io
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs import exports
from blocs.export_queries import (
    applications_for_export,
    enterprises_for_export,
    memberships_for_export,
    selected_year,
)
from blocs.import_services import commit_enterprise_import
from blocs.imports import MAX_UPLOAD_BYTES, check_upload, parse_workbook
from blocs.statistics import participation, years_for_board
from thidua.accounts.enums import BoardRole
from thidua.accounts.permissions import has_board_role, require, require_board_staff
from thidua.formtools import message_service_errors

SESSION_KEY = "enterprise_imports"
PREVIEW_ROWS = 200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _import_board(user):
    board = require_board_staff(user)
    require(has_board_role(user, BoardRole.ADMIN, BoardRole.OFFICER))
    return board


def _import_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _pending(request, board, token: str) -> dict:
    """The stored upload ``token`` of this session and Board, or 404 (unknown, done, or someone else's)."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or entry["board"] != board.pk or not (_import_dir() / entry["file"]).exists():
        raise Http404
    return entry


def _forget(request, token: str) -> None:
    pending = request.session.get(SESSION_KEY, {})
    entry = pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    if entry:
        (_import_dir() / entry["file"]).unlink(missing_ok=True)


def xlsx_response(content: bytes, filename: str) -> FileResponse:
    """An attachment with a Vietnamese file name (Django writes the RFC 5987 ``filename*``)."""
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


def import_template(request: HttpRequest) -> FileResponse:
    _import_board(request.user)
    return xlsx_response(exports.import_template(), "Mẫu nhập doanh nghiệp.xlsx")


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    board = _import_board(request.user)
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = _("Choose an Excel file (.xlsx) to import.")
        else:
            head = upload.read(4)
            upload.seek(0)
            error = check_upload(upload.name, upload.size, head)
        if not error:
            token = secrets.token_urlsafe(16)
            stored = f"{board.pk}-{token}.xlsx"
            with open(_import_dir() / stored, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            pending = request.session.get(SESSION_KEY, {})
            pending[token] = {
                "board": board.pk,
                "file": stored,
                "name": upload.name[:200],
                "update": request.POST.get("update_existing") == "on",
                "at": timezone.now().isoformat(),
            }
            request.session[SESSION_KEY] = pending
            return redirect("blocs_io:import_preview", token=token)
    return render(
        request,
        "blocs/import/upload.html",
        {"error": error, "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024)},
        status=400 if error else 200,
    )


def import_preview(request: HttpRequest, token: str) -> HttpResponse:
    board = _import_board(request.user)
    entry = _pending(request, board, token)
    parsed = parse_workbook(_import_dir() / entry["file"], board, update_existing=entry["update"])
    return render(
        request,
        "blocs/import/preview.html",
        {
            "token": token,
            "entry": entry,
            "parsed": parsed,
            "preview_rows": parsed.rows[:PREVIEW_ROWS],
            "preview_limit": PREVIEW_ROWS,
        },
    )


@require_POST
def import_commit(request: HttpRequest, token: str) -> HttpResponse:
    board = _import_board(request.user)
    entry = _pending(request, board, token)
    try:
        outcome = commit_enterprise_import(
            board=board,
            actor=request.user,
            path=_import_dir() / entry["file"],
            update_existing=entry["update"],
            request=request,
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("blocs_io:import_preview", token=token)
    _forget(request, token)
    return render(request, "blocs/import/done.html", {"outcome": outcome, "entry": entry})


@require_POST
def import_cancel(request: HttpRequest, token: str) -> HttpResponse:
    board = _import_board(request.user)
    _pending(request, board, token)
    _forget(request, token)
    messages.info(request, _("The upload was discarded."))
    return redirect("blocs_io:import_upload")


def export_enterprises(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    content = exports.enterprises_workbook(
        enterprises_for_export(board, request.GET).iterator(chunk_size=2000)
    )
    return xlsx_response(content, f"Danh sách doanh nghiệp {timezone.localdate():%Y-%m-%d}.xlsx")


def export_bloc_members(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = selected_year(board, request.GET)
    content = exports.bloc_members_workbook(memberships_for_export(board, year, request.GET))
    return xlsx_response(content, f"Thành viên khối thi đua năm {year or ''}.xlsx")


def export_applications(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = selected_year(board, request.GET)
    content = exports.applications_workbook(applications_for_export(board, year, request.GET))
    return xlsx_response(content, f"Đơn đăng ký tham gia khối năm {year or ''}.xlsx")


def statistics(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    years = list(years_for_board(board))
    value = request.GET.get("year", "")
    year = next((y for y in years if str(y.year) == value), years[0] if years else None)
    stats = participation(board, year)
    return render(request, "blocs/statistics.html", {"stats": stats, "years": years, "year": year})


def export_statistics(request: HttpRequest) -> FileResponse:
    board = require_board_staff(request.user)
    year = selected_year(board, request.GET)
    stats = participation(board, year)
    content = exports.participation_workbook(stats, _("Whole Board"))
    return xlsx_response(content, f"Thống kê tham gia khối thi đua năm {year or ''}.xlsx")
