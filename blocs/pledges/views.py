"""Thin views of the pledges: parse a form, load through an accessor, call one service, respond."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.membership.queries import blocs_for_pledge_templates, led_bloc_ids
from blocs.pledges import permissions as perms
from blocs.pledges import queries, services
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.fingerprint import verify_pledge_signature
from blocs.pledges.forms import (
    PledgeForm,
    ProgressFilterForm,
    ReasonForm,
    RegistrationFormSet,
    ScanForm,
    SignForm,
    TemplateForm,
    registrations_of,
)
from blocs.register.permissions import can_manage_blocs
from blocs.register.queries import enterprise_of
from thidua.accounts.permissions import Access, acting_board, is_board_staff, require
from thidua.accounts.reauth import has_totp
from thidua.client_ip import client_ip
from thidua.documents.uploads import pdf_attachment
from thidua.formtools import add_service_errors, message_service_errors


def _step(request: HttpRequest, call, success: str):
    """Run one service call; show its refusal as a message rather than a 500."""
    try:
        call()
    except ValidationError as exc:
        message_service_errors(request, exc)
        return False
    messages.success(request, success)
    return True


# ---------------------------------------------------------------------------
# Landing and progress
# ---------------------------------------------------------------------------
def pledge_home(request: HttpRequest) -> HttpResponse:
    if acting_board(request.user) is None:
        raise Http404
    if is_board_staff(request.user) or led_bloc_ids(request.user):
        return redirect("pledges:progress")
    return redirect("pledges:my_pledge")


def my_pledge(request: HttpRequest) -> HttpResponse:
    if enterprise_of(request.user) is None:
        raise Http404
    pledge = queries.my_current_pledge(request.user)
    if pledge is None:
        return render(request, "blocs/pledges/my_pledge_none.html")
    return redirect("pledges:pledge_detail", pk=pledge.pk)


def progress(request: HttpRequest) -> HttpResponse:
    board = perms.require_progress_viewer(request.user)
    staff = is_board_staff(request.user)
    form = ProgressFilterForm(request.GET)
    template = None
    status = ""
    if form.is_valid():
        status = form.cleaned_data["status"]
        if form.cleaned_data["template"] is not None:
            template = perms.get_template_for_user_or_404(request.user, form.cleaned_data["template"])
    page = queries.progress_page(
        request.user,
        board,
        template=template,
        status=status,
        page_number=request.GET.get("page"),
        nothing=not form.is_valid(),
    )
    return render(
        request,
        "blocs/pledges/progress.html",
        {
            "page_obj": page,
            "template_filter": template,
            "status": status,
            "statuses": [(queries.NO_PLEDGE, _("No pledge yet")), *PledgeStatus.choices],
            "templates": queries.templates_visible_to(request.user, board),
            "counts": queries.progress_counts(board, template=template, user=request.user),
            # A reviewer opens a member's pledge once submitted (its own enterprise's at any time).
            "opens_drafts": staff,
            "own_enterprise_id": None if staff else getattr(enterprise_of(request.user), "enterprise_id", None),
        },
    )


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------
def template_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_progress_viewer(request.user)
    return render(
        request,
        "blocs/pledges/template_list.html",
        {
            "templates": queries.templates_visible_to(request.user, board),
            "can_create": can_manage_blocs(request.user) or bool(led_bloc_ids(request.user)),
        },
    )


def template_create(request: HttpRequest) -> HttpResponse:
    board = perms.require_progress_viewer(request.user)
    blocs = blocs_for_pledge_templates(board, request.user, all_blocs=can_manage_blocs(request.user))
    require(blocs.exists())
    form = TemplateForm(request.POST or None, board=board, blocs=blocs)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.create_template(
                bloc=form.cleaned_data["bloc"],
                year=form.cleaned_data["year"],
                created_by=request.user,
                theme=form.cleaned_data["theme"],
                joint_text=form.cleaned_data["joint_text"],
                commitments=form.commitment_lines(),
                indicators=form.cleaned_data["indicators"],
                signing_deadline=form.cleaned_data["signing_deadline"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("pledges:template_detail", pk=template.pk)
    return render(request, "blocs/pledges/template_form.html", {"form": form})


def template_detail(request: HttpRequest, pk: int) -> HttpResponse:
    template = perms.get_template_for_user_or_404(request.user, pk)
    return render(
        request,
        "blocs/pledges/template_detail.html",
        {
            "template": template,
            "indicators": template.indicators.order_by("ordering", "code"),
            "can_edit": perms.can_edit_template(request.user, template) and template.is_editable,
            "can_approve": perms.can_approve_template(request.user, template),
            "reason_form": ReasonForm(),
        },
    )


def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    template = perms.get_template_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = TemplateForm(request.POST or None, board=template.organization, template=template)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_template(
                template=template,
                updated_by=request.user,
                theme=form.cleaned_data["theme"],
                joint_text=form.cleaned_data["joint_text"],
                commitments=form.commitment_lines(),
                indicators=form.cleaned_data["indicators"],
                signing_deadline=form.cleaned_data["signing_deadline"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("pledges:template_detail", pk=template.pk)
    return render(request, "blocs/pledges/template_form.html", {"form": form, "template": template})


@require_POST
def template_submit(request: HttpRequest, pk: int) -> HttpResponse:
    template = perms.get_template_for_user_or_404(request.user, pk, access=Access.CHANGE)
    _step(
        request,
        lambda: services.submit_template(template=template, submitted_by=request.user),
        _("Submitted."),
    )
    return redirect("pledges:template_detail", pk=pk)


@require_POST
def template_approve(request: HttpRequest, pk: int) -> HttpResponse:
    template = perms.get_template_for_user_or_404(request.user, pk, access=Access.APPROVE)
    _step(
        request,
        lambda: services.approve_template(template=template, approved_by=request.user),
        _("Approved."),
    )
    return redirect("pledges:template_detail", pk=pk)


@require_POST
def template_return(request: HttpRequest, pk: int) -> HttpResponse:
    template = perms.get_template_for_user_or_404(request.user, pk, access=Access.APPROVE)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _step(
        request,
        lambda: services.return_template(template=template, returned_by=request.user, reason=reason),
        _("Returned."),
    )
    return redirect("pledges:template_detail", pk=pk)


@require_POST
def template_close_signing(request: HttpRequest, pk: int) -> HttpResponse:
    template = perms.get_template_for_user_or_404(request.user, pk, access=Access.APPROVE)
    _step(
        request,
        lambda: services.close_signing(template=template, closed_by=request.user),
        _("Signing is closed; the joint pledge is being produced."),
    )
    return redirect("pledges:template_detail", pk=pk)


@require_POST
def template_issue_joint(request: HttpRequest, pk: int) -> HttpResponse:
    template = perms.get_template_for_user_or_404(request.user, pk, access=Access.APPROVE)
    _step(
        request,
        lambda: services.issue_joint_pledge(template=template, requested_by=request.user),
        _("The joint pledge is being produced."),
    )
    return redirect("pledges:template_detail", pk=pk)


# ---------------------------------------------------------------------------
# Pledges
# ---------------------------------------------------------------------------
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk)
    pledge = queries.pledge_detail(pledge.pk)
    user = request.user
    verification = verify_pledge_signature(pledge) if hasattr(pledge, "signature") else None
    scan = queries.scan_of(pledge)
    return render(
        request,
        "blocs/pledges/pledge_detail.html",
        {
            "pledge": pledge,
            "template": pledge.template,
            "versions": queries.versions_of(pledge),
            "diff": queries.diff_versions(pledge.previous, pledge) if pledge.previous else None,
            "verification": verification,
            "can_view_joint": pledge.template.joint_document_id is not None
            and perms.can_view_joint_pledge(user, pledge.template),
            "can_edit": perms.can_edit_pledge(user, pledge) and pledge.is_editable,
            "can_submit": perms.can_edit_pledge(user, pledge) and pledge.is_editable,
            "can_review": perms.can_review_pledge(user, pledge) and pledge.status == PledgeStatus.SUBMITTED,
            "can_sign": perms.can_sign_pledge(user, pledge) and pledge.status == PledgeStatus.ACCEPTED,
            "can_amend": perms.can_sign_pledge(user, pledge)
            and pledge.status == PledgeStatus.SIGNED
            and not hasattr(pledge, "amendment"),
            "reason_form": ReasonForm(),
            "scan": scan,
            "can_attach_scan": perms.can_sign_pledge(user, pledge) and pledge.status == PledgeStatus.SIGNED,
            "scan_form": ScanForm(),
        },
    )


def pledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk, access=Access.CHANGE)
    data = request.POST or None
    form = PledgeForm(data, pledge=pledge)
    initial = [
        {"subject_kind": r.subject_kind, "name": r.name, "award_code": r.award_code}
        for r in pledge.registrations.all()
    ]
    formset = RegistrationFormSet(data, prefix="reg", initial=initial)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.update_pledge(
                pledge=pledge,
                updated_by=request.user,
                targets=form.targets(),
                registrations=registrations_of(formset),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("pledges:pledge_detail", pk=pledge.pk)
    return render(
        request, "blocs/pledges/pledge_form.html", {"pledge": pledge, "form": form, "formset": formset}
    )


@require_POST
def pledge_submit(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk, access=Access.CHANGE)
    _step(request, lambda: services.submit_pledge(pledge=pledge, submitted_by=request.user), _("Submitted."))
    return redirect("pledges:pledge_detail", pk=pk)


@require_POST
def pledge_return(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk, access=Access.REVIEW)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _step(
        request,
        lambda: services.return_pledge(pledge=pledge, returned_by=request.user, reason=reason),
        _("Returned to the enterprise."),
    )
    return redirect("pledges:pledge_detail", pk=pk)


@require_POST
def pledge_accept(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk, access=Access.REVIEW)
    _step(request, lambda: services.accept_pledge(pledge=pledge, accepted_by=request.user), _("Accepted."))
    return redirect("pledges:pledge_detail", pk=pk)


def pledge_sign(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk, access=Access.SIGN)
    pledge = queries.pledge_detail(pledge.pk)
    form = SignForm(
        request.POST or None,
        needs_totp=has_totp(request.user),
        initial={"title": pledge.enterprise.representative_title},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_pledge(
                pledge=pledge,
                user=request.user,
                password=form.cleaned_data["password"],
                otp_token=form.cleaned_data.get("otp_token", ""),
                title=form.cleaned_data["title"],
                ip=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Signed. The fingerprint of the signed content is recorded."))
            return redirect("pledges:pledge_detail", pk=pledge.pk)
    return render(request, "blocs/pledges/pledge_sign.html", {"pledge": pledge, "form": form})


def pledge_amend(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk, access=Access.SIGN)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.propose_amendment(
                pledge=pledge, proposed_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("pledges:pledge_edit", pk=new.pk)
    return render(request, "blocs/pledges/pledge_amend.html", {"pledge": pledge, "form": form})


def pledge_scan_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """The representative attaches the scanned signed paper copy (outside the signed content)."""
    pledge = perms.get_pledge_for_user_or_404(request.user, pk, access=Access.SIGN)
    form = ScanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attach_signed_scan(pledge=pledge, user=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The scanned signed copy is attached."))
            return redirect("pledges:pledge_detail", pk=pledge.pk)
    return render(request, "blocs/pledges/pledge_scan.html", {"pledge": pledge, "form": form})


def pledge_scan_download(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = perms.get_pledge_for_user_or_404(request.user, pk)
    scan = queries.scan_of(pledge)
    if scan is None:
        raise Http404
    name = f"Giao ước {pledge.template.year.year} - {pledge.enterprise.name} - v{pledge.version} - bản ký.pdf"
    return pdf_attachment(scan.file, name)
