from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import Access, acting_board, is_board_staff, require, require_board_staff
from thidua.accounts.reauth import has_totp
from thidua.documents import queries, services
from thidua.documents.audiences import audiences_for
from thidua.documents.forms import LegalBasisForm, NoticeForm, ReturnForm, SignForm, VerifyUploadForm
from thidua.documents.legal_bases import citation_of
from thidua.documents.permissions import (
    can_edit_legal_bases,
    can_retry_document,
    can_sign,
    can_withdraw_signature_request,
    can_write_notices,
    get_document_for_user_or_404,
    get_legal_basis_for_user_or_404,
    get_notice_for_user_or_404,
    get_signature_request_for_user_or_404,
    is_designated_signer,
)
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


# ---------------------------------------------------------------------------
# Notices
# ---------------------------------------------------------------------------
def notice_list(request: HttpRequest) -> HttpResponse:
    """The Board's notices for its staff; for anyone else of the Board, the notices delivered to them."""
    board = acting_board(request.user)
    if board is None:
        raise Http404
    staff = is_board_staff(request.user)
    notices = queries.notices_for_board(board) if staff else queries.notices_delivered_to(request.user)
    page = paginate(notices, request.GET.get("page"))
    return render(
        request,
        "documents/notice_list.html",
        {"page_obj": page, "can_write_notices": can_write_notices(request.user), "delivered_only": not staff},
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
            messages.success(request, _("The notice was saved. Check it, then send it for signature."))
            return redirect("documents:notice_detail", pk=notice.pk)
    return render(request, "documents/notice_create.html", {"form": form})


def notice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft notice with the create form; a notice waiting for its signature or issued cannot change."""
    notice = get_notice_for_user_or_404(request.user, pk, access=Access.CHANGE)
    if not notice.is_draft:
        messages.error(request, _("Only a draft notice can be changed."))
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
    staff = is_board_staff(request.user)
    submissions = list(queries.signature_requests_for_owner(notice)[:10]) if staff else []
    return render(
        request,
        "documents/notice_detail.html",
        {
            "notice": notice,
            "document": notice.document,
            "submission": submissions[0] if submissions else None,
            "submissions": submissions,
            "can_write_notices": can_write_notices(request.user),
            "audience_label": dict(audiences_for(notice.organization)).get(notice.deliver_to, "")
            if staff and notice.deliver_to
            else "",
        },
    )


@require_POST
def notice_submit(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_notice_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        services.submit_notice(notice=notice, submitted_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(
            request, _("The notice was sent to %(name)s for signature.") % {"name": notice.signer}
        )
    return redirect("documents:notice_detail", pk=notice.pk)


# ---------------------------------------------------------------------------
# Signatures: the signer's queue and page
# ---------------------------------------------------------------------------
def signature_queue(request: HttpRequest) -> HttpResponse:
    require_board_staff(request.user)
    page = paginate(queries.signature_queue(request.user), request.GET.get("page"))
    return render(
        request, "documents/signature_queue.html", {"page_obj": page, "can_sign": can_sign(request.user)}
    )


def _signature_page(request, signature_request, *, sign_form=None, return_form=None, status=200):
    user = request.user
    deciding = is_designated_signer(user, signature_request)
    if deciding and sign_form is None:
        sign_form = SignForm(needs_code=has_totp(user))
    if deciding and return_form is None:
        return_form = ReturnForm()
    return render(
        request,
        "documents/signature_detail.html",
        {
            "signature_request": signature_request,
            "sign_form": sign_form if deciding else None,
            "return_form": return_form if deciding else None,
            "can_withdraw": can_withdraw_signature_request(user, signature_request),
        },
        status=status,
    )


def signature_detail(request: HttpRequest, pk: int) -> HttpResponse:
    signature_request = get_signature_request_for_user_or_404(request.user, pk)
    return _signature_page(request, signature_request)


def _back_to_owner(request, signature_request):
    url = signature_request.owner_url
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}):
        return redirect(url)
    return redirect("documents:signature_detail", pk=signature_request.pk)


@require_POST
def signature_sign(request: HttpRequest, pk: int) -> HttpResponse:
    signature_request = get_signature_request_for_user_or_404(request.user, pk, access=Access.APPROVE)
    form = SignForm(request.POST, needs_code=has_totp(request.user))
    if form.is_valid():
        try:
            document = services.sign_document(
                signature_request=signature_request,
                signed_by=request.user,
                password=form.cleaned_data["password"],
                otp_token=form.cleaned_data.get("otp_token", ""),
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Signed. The document is issued as No. %(number)s.")
                % {"number": document.number_and_symbol},
            )
            return redirect("documents:signature_detail", pk=signature_request.pk)
    signature_request.refresh_from_db()
    return _signature_page(request, signature_request, sign_form=form, status=200)


@require_POST
def signature_return(request: HttpRequest, pk: int) -> HttpResponse:
    signature_request = get_signature_request_for_user_or_404(request.user, pk, access=Access.APPROVE)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.return_document(
                signature_request=signature_request,
                returned_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The document was returned to its issuer."))
            return redirect("documents:signature_queue")
    signature_request.refresh_from_db()
    return _signature_page(request, signature_request, return_form=form)


@require_POST
def signature_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    signature_request = get_signature_request_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        services.withdraw_signature_request(signature_request=signature_request, withdrawn_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("documents:signature_detail", pk=signature_request.pk)
    messages.success(request, _("The document was withdrawn: it is a draft again."))
    return _back_to_owner(request, signature_request)


# ---------------------------------------------------------------------------
# Legal bases
# ---------------------------------------------------------------------------
def legal_basis_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    bases = list(queries.legal_bases_of(board))
    return render(
        request,
        "documents/legal_basis_list.html",
        {
            "bases": [(basis, citation_of(basis)) for basis in bases],
            "kinds": queries.kinds_with_bases(board),
            "can_edit": can_edit_legal_bases(request.user),
        },
    )


def legal_basis_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    require(can_edit_legal_bases(request.user))
    form = LegalBasisForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_legal_basis(organization=board, created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The legal basis was added."))
            return redirect("documents:legal_basis_list")
    return render(request, "documents/legal_basis_form.html", {"form": form})


def legal_basis_edit(request: HttpRequest, pk: int) -> HttpResponse:
    basis = get_legal_basis_for_user_or_404(request.user, pk, access=Access.CHANGE)
    initial = {name: getattr(basis, name) for name in LegalBasisForm.Meta.fields}
    form = LegalBasisForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_legal_basis(basis=basis, updated_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The legal basis was saved."))
            return redirect("documents:legal_basis_list")
    return render(request, "documents/legal_basis_form.html", {"form": form, "basis": basis})


@require_POST
def legal_basis_delete(request: HttpRequest, pk: int) -> HttpResponse:
    basis = get_legal_basis_for_user_or_404(request.user, pk, access=Access.CHANGE)
    services.delete_legal_basis(basis=basis, deleted_by=request.user)
    messages.success(request, _("The legal basis was deleted."))
    return redirect("documents:legal_basis_list")


# ---------------------------------------------------------------------------
# Documents: status, retry, download, public verification
# ---------------------------------------------------------------------------
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
    """``05-TB-BQL Về việc ….pdf`` (a preview: ``DU-THAO Về việc ….pdf``), safe for every file system."""
    title = "".join(ch for ch in document.title if ch not in '\\/:*?"<>|\r\n\t')[:80].strip()
    prefix = "DU-THAO" if document.is_draft else document.number_and_symbol.replace("/", "-")
    return f"{prefix} {title}.pdf"


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
