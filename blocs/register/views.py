"""Thin views of the register: parks, enterprises, the enterprise's own page, the Excel import and export.

Every view parses its input, loads rows through an accessor (which checks permission), calls one service and
responds. What the sub-domains above know about an enterprise (its bloc, its pledges) reaches its pages
through ``blocs.register.signals``.
"""

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

from blocs.enums import Ownership
from blocs.register import permissions as perms
from blocs.register import queries, services, xlsx
from blocs.register.forms import EnterpriseFilterForm, EnterpriseForm, EnterpriseProfileForm, ParkForm
from blocs.register.signals import collect, enterprise_columns, enterprise_sections
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate, query_string_without_page
from thidua.spreadsheets import xlsx_response


# ---------------------------------------------------------------------------
# Parks
# ---------------------------------------------------------------------------
def park_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    page = paginate(queries.parks_for_board(board), request.GET.get("page"))
    return render(
        request,
        "blocs/register/park_list.html",
        {"page_obj": page, "can_manage": perms.can_manage_blocs(request.user)},
    )


def park_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = ParkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_park(organization=board, data=form.cleaned_data, created_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The park was saved."))
            return redirect("register:park_list")
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New industrial park")})


def park_edit(request: HttpRequest, pk: int) -> HttpResponse:
    park = perms.get_park_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = ParkForm(request.POST or None, instance=park)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        park.refresh_from_db()
        try:
            services.update_park(park=park, data=data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The park was saved."))
            return redirect("register:park_list")
    return render(request, "blocs/form_page.html", {"form": form, "title": park.name})


# ---------------------------------------------------------------------------
# Enterprises
# ---------------------------------------------------------------------------
def enterprise_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    parks = list(queries.parks_for_board(board))
    form = EnterpriseFilterForm(request.GET or None)
    page = paginate(queries.search_enterprises(board, **form.filters()), request.GET.get("page"))
    rows = queries.with_parks(list(page.object_list), parks)
    columns = collect(enterprise_columns, enterprises=rows, board=board)
    return render(
        request,
        "blocs/register/enterprise_list.html",
        {
            "page_obj": page,
            "rows": [(row, [(column, column.values.get(row.pk)) for column in columns]) for row in rows],
            "columns": columns,
            "filter_form": form,
            "parks": parks,
            "query_string": query_string_without_page(request),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


def enterprise_export(request: HttpRequest) -> FileResponse:
    """The list page's enterprises, same filter, as the import template's workbook."""
    board = require_board_staff(request.user)
    form = EnterpriseFilterForm(request.GET or None)
    enterprises = queries.search_enterprises(board, **form.filters()).select_related("park")
    content = xlsx.enterprises_workbook(enterprises.iterator(chunk_size=2000))
    return xlsx_response(content, f"Danh sách doanh nghiệp {timezone.localdate():%Y-%m-%d}.xlsx")


def enterprise_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = EnterpriseForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            enterprise = services.create_enterprise(
                organization=board, data=form.cleaned_data, created_by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The enterprise was saved."))
            return redirect("register:enterprise_detail", enterprise.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New enterprise")})


def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = perms.get_enterprise_for_user_or_404(request.user, pk)
    return render(
        request,
        "blocs/register/enterprise_detail.html",
        {
            "enterprise": enterprise,
            "sections": collect(enterprise_sections, enterprise=enterprise, user=request.user, page="detail"),
            "contacts": queries.contacts_of(enterprise),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


def enterprise_edit(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = perms.get_enterprise_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = EnterpriseForm(request.POST or None, instance=enterprise, board=enterprise.organization)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        enterprise.refresh_from_db()
        try:
            services.update_enterprise(enterprise=enterprise, data=data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The enterprise was saved."))
            return redirect("register:enterprise_detail", enterprise.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": enterprise.name})


# ---------------------------------------------------------------------------
# The enterprise's own pages
# ---------------------------------------------------------------------------
def my_enterprise(request: HttpRequest) -> HttpResponse:
    enterprise = perms.get_own_enterprise_or_404(request.user)
    return render(
        request,
        "blocs/register/my_enterprise.html",
        {
            "enterprise": enterprise,
            "sections": collect(enterprise_sections, enterprise=enterprise, user=request.user, page="own"),
            "can_edit": perms.is_representative_of(request.user, enterprise),
        },
    )


def my_enterprise_edit(request: HttpRequest) -> HttpResponse:
    enterprise = perms.get_own_enterprise_or_404(request.user, access=Access.CHANGE)
    form = EnterpriseProfileForm(request.POST or None, instance=enterprise)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        enterprise.refresh_from_db()
        try:
            services.update_enterprise_profile(enterprise=enterprise, data=data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your enterprise's details were saved."))
            return redirect("register:my_enterprise")
    return render(request, "blocs/form_page.html", {"form": form, "title": enterprise.name})


# ---------------------------------------------------------------------------
# Excel import (Board admins and officers)
# ---------------------------------------------------------------------------
SESSION_KEY = "enterprise_imports"
PREVIEW_ROWS = 200


def _import_board(user):
    return require_board_staff(user, MANAGER_ROLES)


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


def enterprise_import_template(request: HttpRequest) -> FileResponse:
    _import_board(request.user)
    return xlsx_response(xlsx.import_template(), "Mẫu nhập doanh nghiệp.xlsx")


@require_http_methods(["GET", "POST"])
def enterprise_import(request: HttpRequest) -> HttpResponse:
    board = _import_board(request.user)
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = _("Choose an Excel file (.xlsx) to import.")
        else:
            head = upload.read(4)
            upload.seek(0)
            error = xlsx.check_upload(upload.name, upload.size, head)
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
            return redirect("register:enterprise_import_preview", token=token)
    return render(
        request,
        "blocs/register/enterprise_import.html",
        {"error": error, "max_mb": xlsx.MAX_UPLOAD_BYTES // (1024 * 1024)},
        status=400 if error else 200,
    )


def enterprise_import_preview(request: HttpRequest, token: str) -> HttpResponse:
    board = _import_board(request.user)
    entry = _pending(request, board, token)
    parsed = xlsx.parse_workbook(_import_dir() / entry["file"], board, update_existing=entry["update"])
    return render(
        request,
        "blocs/register/enterprise_import_preview.html",
        {
            "token": token,
            "entry": entry,
            "parsed": parsed,
            # The ownership as the user reads it (its label in the user's language), not its code.
            "preview_rows": [
                {**row, "ownership_label": Ownership(row["ownership"]).label}
                for row in parsed.rows[:PREVIEW_ROWS]
            ],
            "preview_limit": PREVIEW_ROWS,
        },
    )


@require_POST
def enterprise_import_commit(request: HttpRequest, token: str) -> HttpResponse:
    board = _import_board(request.user)
    entry = _pending(request, board, token)
    try:
        outcome = services.commit_enterprise_import(
            board=board,
            actor=request.user,
            path=_import_dir() / entry["file"],
            update_existing=entry["update"],
            request=request,
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("register:enterprise_import_preview", token=token)
    _forget(request, token)
    return render(request, "blocs/register/enterprise_import_done.html", {"outcome": outcome, "entry": entry})


@require_POST
def enterprise_import_cancel(request: HttpRequest, token: str) -> HttpResponse:
    board = _import_board(request.user)
    _pending(request, board, token)
    _forget(request, token)
    messages.info(request, _("The upload was discarded."))
    return redirect("register:enterprise_import")
