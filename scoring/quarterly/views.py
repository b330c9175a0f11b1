"""Thin views of quarterly reporting: parse a form, load through an accessor, call one service, respond."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.pledges.queries import catalogue_for
from blocs.register.permissions import can_manage_blocs
from blocs.register.queries import enterprise_of, parks_for_board
from scoring.quarterly import excel, queries
from scoring.quarterly import permissions as perms
from scoring.quarterly.enums import PeriodStatus, ReportStatus, ReviewStatus
from scoring.quarterly.forms import (
    BoardReviewForm,
    EvidenceForm,
    PeriodForm,
    PeriodSetupForm,
    ReasonForm,
    ReportForm,
    ReviewForm,
    SummaryFilterForm,
    UploadForm,
)
from scoring.quarterly.services import board_reviews as board_review_services
from scoring.quarterly.services import imports as import_services
from scoring.quarterly.services import periods as period_services
from scoring.quarterly.services import reports as report_services
from scoring.quarterly.services import reviews as review_services
from thidua.accounts.permissions import Access, acting_board, is_board_staff
from thidua.documents.queries import signature_requests_for_owner
from thidua.documents.uploads import pdf_attachment
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _step(request: HttpRequest, call, success: str) -> bool:
    """Run one service call; show its refusal as a message rather than a 500."""
    try:
        call()
    except ValidationError as exc:
        message_service_errors(request, exc)
        return False
    messages.success(request, success)
    return True


def _reason(request: HttpRequest) -> str:
    form = ReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


def _xlsx(content: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


# ---------------------------------------------------------------------------
# Landing
# ---------------------------------------------------------------------------
def quarterly_home(request: HttpRequest) -> HttpResponse:
    if acting_board(request.user) is None:
        raise Http404
    if is_board_staff(request.user):
        return redirect("scoring:period_list")
    if any(role == "LEADER" for role in perms.bloc_roles(request.user).values()):
        return redirect("scoring:review_list")
    return redirect("scoring:my_reports")


def my_reports(request: HttpRequest) -> HttpResponse:
    if enterprise_of(request.user) is None or acting_board(request.user) is None:
        raise Http404
    page = queries.my_reports(request.user, request.GET.get("page"))
    return render(request, "scoring/my_reports.html", {"page_obj": page})


def review_list(request: HttpRequest) -> HttpResponse:
    """The reviews of the blocs the user's enterprise leads (Board staff go to the periods)."""
    if acting_board(request.user) is None:
        raise Http404
    if is_board_staff(request.user):
        return redirect("scoring:period_list")
    page = queries.led_reviews(request.user, request.GET.get("page"))
    return render(request, "scoring/review_list.html", {"page_obj": page})


# ---------------------------------------------------------------------------
# Periods (the Board)
# ---------------------------------------------------------------------------
def period_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_period_viewer(request.user)
    page = paginate(queries.periods_for_board(board), request.GET.get("page"))
    return render(
        request,
        "scoring/period_list.html",
        {
            "page_obj": page,
            "can_manage": can_manage_blocs(request.user),
            "setup_form": PeriodSetupForm(board=board),
        },
    )


@require_POST
def period_setup(request: HttpRequest) -> HttpResponse:
    board = perms.require_period_manager(request.user)
    form = PeriodSetupForm(request.POST, board=board)
    if form.is_valid():
        _step(
            request,
            lambda: period_services.set_up_periods(year=form.cleaned_data["year"], created_by=request.user),
            _("The year's periods are set up."),
        )
    else:
        messages.error(request, _("Choose an open year."))
    return redirect("scoring:period_list")


def period_edit(request: HttpRequest, pk: int) -> HttpResponse:
    period = perms.get_period_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = PeriodForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            period_services.update_period(period=period, updated_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("scoring:period_list")
    return render(request, "scoring/period_form.html", {"period": period, "form": form})


@require_POST
def period_open(request: HttpRequest, pk: int) -> HttpResponse:
    period = perms.get_period_for_user_or_404(request.user, pk, access=Access.CHANGE)
    _step(
        request,
        lambda: period_services.open_period(period=period, opened_by=request.user),
        _("Reporting is open; the members have been told."),
    )
    return redirect("scoring:period_status", pk=pk)


@require_POST
def period_close(request: HttpRequest, pk: int) -> HttpResponse:
    period = perms.get_period_for_user_or_404(request.user, pk, access=Access.CHANGE)
    _step(
        request,
        lambda: period_services.close_period(period=period, closed_by=request.user),
        _("The period is closed; accepted reports are locked."),
    )
    return redirect("scoring:period_status", pk=pk)


def period_status(request: HttpRequest, pk: int) -> HttpResponse:
    period = perms.get_period_for_user_or_404(request.user, pk)
    status = queries.period_status(period, page_number=request.GET.get("page"))
    return render(
        request,
        "scoring/period_status.html",
        {
            "period": period,
            **status,
            "can_manage": can_manage_blocs(request.user),
            "PeriodStatus": PeriodStatus,
        },
    )


def period_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """The Board's consolidated table across blocs, for the whole Board or one park."""
    period = perms.get_period_for_user_or_404(request.user, pk)
    parks = list(parks_for_board(period.organization_id))
    form = SummaryFilterForm(request.GET)
    park = None
    if not form.is_valid():
        raise Http404
    if form.cleaned_data["park"] is not None:
        park = next((p for p in parks if p.pk == form.cleaned_data["park"]), None)
        if park is None:
            raise Http404
    table = queries.consolidated_table(period, park_id=park.pk if park else None)
    return render(
        request,
        "scoring/period_summary.html",
        {"period": period, "table": table, "parks": parks, "park": park},
    )


def period_export(request: HttpRequest, pk: int) -> FileResponse:
    period = perms.get_period_for_user_or_404(request.user, pk)
    indicators = list(catalogue_for(period.organization_id).order_by("ordering", "code"))
    values: dict[int, dict[int, tuple]] = {}
    for report_id, indicator_id, value, ytd, not_applicable in queries.values_for_export(period):
        values.setdefault(report_id, {})[indicator_id] = (value, ytd, not_applicable)
    content = excel.period_workbook(
        f"{period.kind}-{period.year.year}", indicators, queries.reports_for_export(period), values
    )
    return _xlsx(content, f"Số liệu {period.kind} {period.year.year}.xlsx")


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk)
    user = request.user
    return render(
        request,
        "scoring/report_detail.html",
        {
            "report": report,
            "sheet": queries.report_sheet(report),
            "transitions": queries.transitions_of(report),
            "evidence": queries.evidence_of(report),
            "can_enter": perms.can_enter_report(user, report) and report.is_editable,
            "can_submit": perms.can_submit_report(user, report)
            and report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED),
            "can_review": perms.can_review_report(user, report) and report.status == ReportStatus.SUBMITTED,
            "can_reopen": perms.can_reopen_report(user, report)
            and report.status in (ReportStatus.ACCEPTED, ReportStatus.LOCKED),
            "can_waive": perms.can_waive_report(user, report) and report.is_editable and not report.waived,
            "on_behalf": perms.leads_for_member(user, report),
            "reason_form": ReasonForm(),
            "evidence_form": EvidenceForm(),
        },
    )


def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk, access=Access.CHANGE)
    started_from = False
    if request.method == "POST":
        form = ReportForm.for_post(request.POST)
        if form.is_valid():
            try:
                report_services.save_report(
                    report=report,
                    entered_by=request.user,
                    values=form.values(),
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                form = _report_form(report, data=request.POST)
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("scoring:report_detail", pk=report.pk)
        else:
            form = _report_form(report, data=request.POST)
    else:
        form = _report_form(report)
        started_from = form.started_from
    return render(
        request,
        "scoring/report_form.html",
        {
            "report": report,
            "form": form,
            "started_from": started_from,
            "on_behalf": perms.leads_for_member(request.user, report),
        },
    )


def _report_form(report, *, data=None) -> ReportForm:
    """The full form with the sheet beside it; a new report starts from the previous report's values."""
    sheet = queries.with_earlier_totals(queries.report_sheet(report), report)
    start_from = None
    if data is None and not any(row.entry for row in sheet):
        start_from = queries.values_of(queries.previous_report(report))
    form = ReportForm(
        data,
        indicators=[row.indicator for row in sheet],
        sheet=sheet,
        start_from=start_from,
        report_note=report.note,
    )
    if data is not None:
        form.is_valid()
    return form


@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk, access=Access.CHANGE)
    _step(
        request,
        lambda: report_services.submit_report(report=report, submitted_by=request.user),
        _("Submitted."),
    )
    return redirect("scoring:report_detail", pk=pk)


@require_POST
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk, access=Access.REVIEW)
    reason = _reason(request)
    _step(
        request,
        lambda: report_services.return_report(report=report, returned_by=request.user, reason=reason),
        _("Returned to the enterprise."),
    )
    return redirect("scoring:report_detail", pk=pk)


@require_POST
def report_accept(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk, access=Access.REVIEW)
    _step(
        request,
        lambda: report_services.accept_report(report=report, accepted_by=request.user),
        _("Accepted."),
    )
    return redirect("scoring:report_detail", pk=pk)


@require_POST
def report_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk, access=Access.APPROVE)
    reason = _reason(request)
    _step(
        request,
        lambda: report_services.reopen_report(report=report, reopened_by=request.user, reason=reason),
        _("Reopened; the enterprise has been told."),
    )
    return redirect("scoring:report_detail", pk=pk)


@require_POST
def report_waive(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk, access=Access.REVIEW)
    reason = _reason(request)
    _step(
        request,
        lambda: report_services.waive_report(report=report, waived_by=request.user, reason=reason),
        _("Waived."),
    )
    return redirect("scoring:report_detail", pk=pk)


@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = perms.get_report_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("scoring:report_detail", pk=pk)
    _step(
        request,
        lambda: report_services.attach_evidence(
            report=report,
            uploaded_by=request.user,
            upload=form.cleaned_data["file"],
            label=form.cleaned_data["label"],
        ),
        _("The file is attached."),
    )
    return redirect("scoring:report_detail", pk=pk)


def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = perms.get_evidence_for_user_or_404(request.user, pk)
    return pdf_attachment(evidence.file, f"{evidence.label}.pdf")


@require_POST
def evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = perms.get_evidence_for_user_or_404(request.user, pk, access=Access.CHANGE)
    report_id = evidence.report_id
    _step(
        request,
        lambda: report_services.remove_evidence(evidence=evidence, removed_by=request.user),
        _("The file is removed."),
    )
    return redirect("scoring:report_detail", pk=report_id)


# ---------------------------------------------------------------------------
# Bloc reviews
# ---------------------------------------------------------------------------
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = perms.get_review_for_user_or_404(request.user, pk)
    user = request.user
    can_write = perms.can_write_review(user, review)
    catalogue = queries.consolidated_catalogue(review.period, bloc_id=review.bloc_id)
    indicators = queries.headline_indicators(catalogue)
    members = queries.members_table(review, indicators)
    return render(
        request,
        "scoring/review_detail.html",
        {
            "review": review,
            "table": queries.consolidated_table(review.period, bloc_id=review.bloc_id, catalogue=catalogue),
            "indicators": indicators,
            "members": members,
            "counts": queries.report_counts(
                (m.report.status, m.report.waived, m.report.late) for m in members
            ),
            "transitions": queries.review_transitions(review),
            "can_write": can_write and review.is_editable,
            "can_upload": can_write and review.is_editable and review.period.status == PeriodStatus.OPEN,
            "can_decide": perms.can_decide_review(user, review) and review.status == ReviewStatus.SUBMITTED,
            "can_publish": perms.can_publish_review(user, review) and review.status == ReviewStatus.ACCEPTED,
            "reason_form": ReasonForm(),
            "upload_form": UploadForm(),
        },
    )


def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review = perms.get_review_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = ReviewForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            review_services.save_review(review=review, written_by=request.user, texts=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("scoring:review_detail", pk=review.pk)
    return render(request, "scoring/review_form.html", {"review": review, "form": form})


@require_POST
def review_submit(request: HttpRequest, pk: int) -> HttpResponse:
    review = perms.get_review_for_user_or_404(request.user, pk, access=Access.CHANGE)
    _step(
        request,
        lambda: review_services.submit_review(review=review, submitted_by=request.user),
        _("Submitted to the Board."),
    )
    return redirect("scoring:review_detail", pk=pk)


@require_POST
def review_return(request: HttpRequest, pk: int) -> HttpResponse:
    review = perms.get_review_for_user_or_404(request.user, pk, access=Access.REVIEW)
    reason = _reason(request)
    _step(
        request,
        lambda: review_services.return_review(review=review, returned_by=request.user, reason=reason),
        _("Returned to the bloc."),
    )
    return redirect("scoring:review_detail", pk=pk)


@require_POST
def review_accept(request: HttpRequest, pk: int) -> HttpResponse:
    review = perms.get_review_for_user_or_404(request.user, pk, access=Access.REVIEW)
    _step(
        request,
        lambda: review_services.accept_review(review=review, accepted_by=request.user),
        _("Accepted."),
    )
    return redirect("scoring:review_detail", pk=pk)


@require_POST
def review_publish(request: HttpRequest, pk: int) -> HttpResponse:
    review = perms.get_review_for_user_or_404(request.user, pk, access=Access.APPROVE)
    _step(
        request,
        lambda: review_services.publish_review(review=review, requested_by=request.user),
        _("The report is being produced."),
    )
    return redirect("scoring:review_detail", pk=pk)


def review_template(request: HttpRequest, pk: int) -> FileResponse:
    """The leader's Excel template, with the members and their current values."""
    review = perms.get_review_for_user_or_404(request.user, pk, access=Access.CHANGE)
    indicators = list(catalogue_for(review.organization_id).order_by("ordering", "code"))
    members = queries.members_for_template(review)
    content = excel.bloc_template(indicators, members)
    return _xlsx(
        content, f"Mẫu số liệu {review.bloc.code} {review.period.kind} {review.period.year.year}.xlsx"
    )


def review_upload(request: HttpRequest, pk: int) -> HttpResponse:
    review = perms.get_review_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = UploadForm(request.POST or None, request.FILES or None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        indicators = list(catalogue_for(review.organization_id).order_by("ordering", "code"))
        try:
            outcome = import_services.import_bloc_values(
                review=review,
                imported_by=request.user,
                upload=form.cleaned_data["file"],
                indicators=indicators,
            )
        except import_services.ValuesRejected as exc:
            row_errors = exc.row_errors
            form.add_error(
                "file", exc.file_error or _("Nothing was imported: correct the rows below and upload again.")
            )
        else:
            messages.success(
                request,
                _("%(values)d values of %(reports)d members were imported.")
                % {"values": outcome.values, "reports": outcome.reports},
            )
            return redirect("scoring:review_detail", pk=review.pk)
    return render(
        request, "scoring/review_upload.html", {"review": review, "form": form, "row_errors": row_errors}
    )


# ---------------------------------------------------------------------------
# The Board's report across its blocs (signed by a Board signer, then numbered)
# ---------------------------------------------------------------------------
def board_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The period's Board report: its draft (written by the Board's officers), or where it stands."""
    board = acting_board(request.user)
    if request.method == "POST":
        # The service refuses a report that is no longer a draft: no read of it here.
        period = perms.get_period_for_user_or_404(request.user, pk, access=Access.CHANGE)
        review = None
        form = BoardReviewForm(request.POST, review=None, board=board)
        if form.is_valid():
            try:
                board_review_services.save_board_review(
                    period=period,
                    written_by=request.user,
                    signer=form.cleaned_data["signer"],
                    texts={name: form.cleaned_data[name] for name in board_review_services.TEXT_FIELDS},
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The Board's report was saved."))
                return redirect("scoring:board_review", pk=period.pk)
        review = queries.board_review_of(period)
    else:
        period = perms.get_period_for_user_or_404(request.user, pk)
        review = queries.board_review_of(period)
        form = None
        if can_manage_blocs(request.user) and (review is None or review.is_draft):
            form = BoardReviewForm(review=review, board=board)
    submissions = list(signature_requests_for_owner(review)[:1]) if review is not None else []
    return render(
        request,
        "scoring/board_review.html",
        {
            "period": period,
            "review": review,
            "form": form,
            "submission": submissions[0] if submissions else None,
            "document": review.document if review is not None else None,
        },
    )


@require_POST
def board_review_submit(request: HttpRequest, pk: int) -> HttpResponse:
    period = perms.get_period_for_user_or_404(request.user, pk, access=Access.CHANGE)
    review = queries.board_review_of(period)
    if review is None:
        messages.error(request, _("Write the Board's report first."))
    else:
        _step(
            request,
            lambda: board_review_services.submit_board_review(review=review, submitted_by=request.user),
            _("The Board's report was sent to %(name)s for signature.") % {"name": review.signer.full_name},
        )
    return redirect("scoring:board_review", pk=period.pk)
