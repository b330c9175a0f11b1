from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Access, require, require_board_staff
from thidua.documents import queries, services
from thidua.documents.forms import NoticeForm, VerifyUploadForm
from thidua.documents.permissions import (
    can_retry_document,
    can_write_notices,
    get_document_for_user_or_404,
    get_notice_for_user_or_404,
)
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def notice_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    page = paginate(queries.notices_for_board(board), request.GET.get("page"))
    return render(
        request,
        "documents/notice_list.html",
        {"page_obj": page, "can_write_notices": can_write_notices(request.user)},
    )


def notice_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    require(can_write_notices(request.user))
    form = NoticeForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.create_notice(organization=board, created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The notice was saved. Check it, then issue it."))
            return redirect("documents:notice_detail", pk=notice.pk)
    return render(request, "documents/notice_create.html", {"form": form})


def notice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft notice with the create form; an issued notice is immutable."""
    notice = get_notice_for_user_or_404(request.user, pk, access=Access.CHANGE)
    if notice.is_issued:
        messages.error(request, _("This notice has been issued: it can no longer be changed."))
        return redirect("documents:notice_detail", pk=notice.pk)
    initial = {name: getattr(notice, name) for name in services.NOTICE_FIELDS}
    form = NoticeForm(request.POST or None, initial=initial, board=notice.organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_notice(notice=notice, updated_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("documents:notice_detail", pk=notice.pk)
    return render(request, "documents/notice_create.html", {"form": form, "notice": notice})


@require_POST
def notice_delete(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_notice_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        services.delete_notice(notice=notice, deleted_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("documents:notice_detail", pk=notice.pk)
    messages.success(request, _("The draft was deleted."))
    return redirect("documents:notice_list")


def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_notice_for_user_or_404(request.user, pk)
    return render(
        request,
        "documents/notice_detail.html",
        {"notice": notice, "document": notice.document, "can_write_notices": can_write_notices(request.user)},
    )


@require_POST
def notice_issue(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_notice_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        services.issue_notice(notice=notice, issued_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("documents:notice_detail", pk=notice.pk)


def document_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The htmx partial that polls itself until the document is ready."""
    document = get_document_for_user_or_404(request.user, pk)
    return render(request, "documents/includes/_document_status.html", {"document": document})


@require_POST
def document_retry(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user_or_404(request.user, pk)
    require(can_retry_document(request.user, document))
    refusal = ""
    try:
        document = services.retry_document(document=document, retried_by=request.user)
    except ValidationError as exc:
        refusal = " ".join(exc.messages)
        document.refresh_from_db()
    # An htmx swap: the refusal (e.g. the rate limit) is shown inside the swapped partial.
    return render(
        request, "documents/includes/_document_status.html", {"document": document, "refusal": refusal}
    )


def download_filename(document) -> str:
    """``05-TB-BQL Về việc ….pdf``: the number and the abstract, safe for every file system."""
    title = "".join(ch for ch in document.title if ch not in '\\/:*?"<>|\r\n\t')[:80].strip()
    return f"{document.number_and_symbol.replace('/', '-')} {title}.pdf"


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_document_for_user_or_404(request.user, pk)
    if not document.is_done or not document.file:
        raise Http404
    # FileResponse writes Content-Disposition: attachment; filename*=utf-8''… (RFC 5987) for non-ASCII names.
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=download_filename(document),
        content_type="application/pdf",
    )


@login_not_required
def verify(request: HttpRequest, token: str) -> HttpResponse:
    """Public: what the QR code on page 1 points to. Anyone may check a PDF against the registered one."""
    document = queries.document_by_token(token)
    if document is None:
        raise Http404
    form = VerifyUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid() and document.is_done:
        result = queries.sha256_of_stream(form.cleaned_data["file"]) == document.sha256
    return render(request, "documents/verify.html", {"document": document, "form": form, "result": result})
