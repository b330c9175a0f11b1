"""Thin views of the nominations: parse a form, load through an accessor, call one service, respond."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.catalogue.permissions import can_manage_awards
from awards.nominations import permissions as perms
from awards.nominations import queries
from awards.nominations.enums import NominationStatus
from awards.nominations.forms import (
    DocumentForm,
    InvestigationForm,
    NominationEditForm,
    NominationForm,
    ReasonForm,
    RevocationForm,
)
from awards.nominations.services import nominations as services
from awards.nominations.states import allowed_actions
from blocs.membership.permissions import get_year_for_user_or_404
from blocs.register.permissions import board_or_404, get_enterprise_for_user_or_404
from thidua.accounts.permissions import Access, require
from thidua.documents.uploads import pdf_attachment
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate
from thidua.spreadsheets import Sheet, workbook_bytes, xlsx_response


def _step(request: HttpRequest, call, success: str) -> bool:
    try:
        call()
    except ValidationError as exc:
        message_service_errors(request, exc)
        return False
    messages.success(request, success)
    return True


def nomination_list(request: HttpRequest) -> HttpResponse:
    board = board_or_404(request.user)
    rows = queries.nominations_visible_to(request.user, board)
    status = request.GET.get("status", "")
    if status in NominationStatus.values:
        rows = rows.filter(status=status)
    page = paginate(rows, request.GET.get("page"))
    return render(
        request,
        "awards/nominations/nomination_list.html",
        {
            "page_obj": page,
            "statuses": NominationStatus.choices,
            "status": status,
            "can_propose": perms.can_propose(request.user),
        },
    )


def nomination_create(request: HttpRequest) -> HttpResponse:
    board = board_or_404(request.user)
    require(perms.can_propose(request.user))
    form = NominationForm(request.POST or None, user=request.user, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            nomination = services.propose_nomination(proposed_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The nomination was proposed: add its dossier, then submit it."))
            return redirect("nominations:nomination_detail", nomination.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("Propose for an award")})


def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk)
    documents = list(nomination.documents.select_related("uploaded_by"))
    lines = queries.dossier_lines(nomination, documents)
    actions = allowed_actions(nomination.status)
    can_keep = perms.can_keep_dossier(request.user, nomination) and nomination.is_editable
    can_review = perms.can_review_nomination(request.user, nomination)
    return render(
        request,
        "awards/nominations/nomination_detail.html",
        {
            "nomination": nomination,
            "printed_name": nomination.award_type.printed_name(nomination.organization),
            "lines": lines,
            "missing": queries.missing_documents(lines),
            "transitions": list(nomination.transitions.select_related("actor")),
            "can_keep": can_keep,
            "can_submit": "submit" in actions and perms.can_submit_nomination(request.user, nomination),
            "can_start_review": can_review and "start_review" in actions,
            "can_return": can_review and "return" in actions,
            "can_to_council": can_review and "to_council" in actions,
            "revocation_form": RevocationForm() if can_review and "revoke" in actions else None,
            "can_flag": can_manage_awards(request.user),
            "document_form": DocumentForm() if can_keep else None,
            "reason_form": ReasonForm(),
            "investigation_form": InvestigationForm(
                initial={"flagged": nomination.under_investigation, "note": nomination.investigation_note}
            ),
        },
    )


def nomination_eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    """Every condition checked now, with its explanation."""
    nomination = perms.get_nomination_for_user_or_404(request.user, pk)
    evaluation = services.eligibility_of(nomination)
    return render(
        request,
        "awards/nominations/nomination_eligibility.html",
        {"nomination": nomination, "conditions": evaluation.conditions, "passes": evaluation.passes},
    )


def nomination_edit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.CHANGE)
    initial = {name: getattr(nomination, name) for name in services.FIELDS}
    form = NominationEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_nomination(nomination=nomination, updated_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("nominations:nomination_detail", nomination.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": str(nomination)})


@require_POST
def nomination_document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        _step(
            request,
            lambda: services.add_document(
                nomination=nomination,
                document_type=form.cleaned_data["document_type"],
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                uploaded_by=request.user,
            ),
            _("The document was added to the dossier."),
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("nominations:nomination_detail", nomination.pk)


def dossier_document_download(request: HttpRequest, pk: int) -> HttpResponse:
    document = perms.get_dossier_document_for_user_or_404(request.user, pk)
    return pdf_attachment(document.file, f"{document.get_document_type_display()} {document.pk}.pdf")


@require_POST
def dossier_document_remove(request: HttpRequest, pk: int) -> HttpResponse:
    document = perms.get_dossier_document_for_user_or_404(request.user, pk, access=Access.CHANGE)
    nomination_id = document.nomination_id
    _step(
        request,
        lambda: services.remove_document(document=document, removed_by=request.user),
        _("The document was removed."),
    )
    return redirect("nominations:nomination_detail", nomination_id)


@require_POST
def nomination_submit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.SIGN)
    _step(
        request,
        lambda: services.submit_nomination(nomination=nomination, submitted_by=request.user),
        _("The nomination was submitted to the Board."),
    )
    return redirect("nominations:nomination_detail", nomination.pk)


@require_POST
def nomination_review(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.REVIEW)
    _step(
        request,
        lambda: services.start_review(nomination=nomination, reviewed_by=request.user),
        _("The review has started."),
    )
    return redirect("nominations:nomination_detail", nomination.pk)


@require_POST
def nomination_return(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.REVIEW)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _step(
        request,
        lambda: services.return_nomination(nomination=nomination, returned_by=request.user, reason=reason),
        _("The nomination was returned."),
    )
    return redirect("nominations:nomination_detail", nomination.pk)


@require_POST
def nomination_council(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.REVIEW)
    _step(
        request,
        lambda: services.send_to_council(nomination=nomination, sent_by=request.user),
        _("The nomination goes before the council."),
    )
    return redirect("nominations:nomination_detail", nomination.pk)


@require_POST
def nomination_investigation(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.REVIEW)
    form = InvestigationForm(request.POST)
    if form.is_valid():
        _step(
            request,
            lambda: services.set_investigation(
                nomination=nomination,
                flagged=form.cleaned_data["flagged"],
                note=form.cleaned_data["note"],
                set_by=request.user,
            ),
            _("Saved."),
        )
    return redirect("nominations:nomination_detail", nomination.pk)


def enterprise_award_history(request: HttpRequest, pk: int) -> HttpResponse:
    """An enterprise's awards across the years (its staff, its own users, its bloc's leader: as its page)."""
    enterprise = get_enterprise_for_user_or_404(request.user, pk)
    return render(
        request,
        "awards/nominations/enterprise_history.html",
        {"enterprise": enterprise, "awards": list(queries.award_history(enterprise))},
    )


@require_POST
def nomination_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = perms.get_nomination_for_user_or_404(request.user, pk, access=Access.REVIEW)
    form = RevocationForm(request.POST)
    if form.is_valid():
        _step(
            request,
            lambda: services.revoke_award(
                nomination=nomination, revoked_by=request.user, **form.cleaned_data
            ),
            _("The award was revoked."),
        )
    else:
        messages.error(request, _("Enter the revoking decision and the reason."))
    return redirect("nominations:nomination_detail", nomination.pk)


def year_award_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The Board's awards of a year (its staff)."""
    year = get_year_for_user_or_404(request.user, pk)
    rows = list(queries.year_awards(year))
    return render(
        request,
        "awards/nominations/year_awards.html",
        {"year": year, "rows": [(n, queries.decision_reference(n), _money(n)) for n in rows]},
    )


def year_award_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The same list as a workbook (the platform's one writer: text is never a formula)."""
    year = get_year_for_user_or_404(request.user, pk)
    header = [
        "Năm",
        "Hình thức khen thưởng",
        "Đối tượng",
        "Tên tập thể, cá nhân",
        "Chức vụ",
        "Doanh nghiệp",
        "Mã số thuế",
        "Khối",
        "Quyết định",
        "Tiền thưởng (đồng)",
        "Trạng thái",
    ]
    rows = [
        [
            year.year,
            n.award_type.short_name,
            n.get_subject_kind_display(),
            n.subject_label,
            n.position,
            n.enterprise.name,
            n.enterprise.tax_code,
            n.bloc.code if n.bloc_id else "",
            queries.decision_reference(n),
            _money(n) or "",
            n.get_status_display(),
        ]
        for n in queries.year_awards(year)
    ]
    content = workbook_bytes(
        Sheet(f"Khen thưởng {year.year}", header, rows, widths=[6, 22, 14, 40, 16, 36, 14, 8, 18, 14, 18])
    )
    return xlsx_response(content, f"khen-thuong-{year.year}.xlsx")


def _money(nomination) -> int:
    line = getattr(nomination, "decision_line", None)
    return line.money if line is not None else 0
