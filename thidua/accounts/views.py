import base64
import io

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts import services
from thidua.accounts.forms import (
    AcceptInvitationForm,
    EmailLoginForm,
    InvitationForm,
    OrganizationForm,
    OTPTokenForm,
    SignerSettingsForm,
    ThrottledPasswordChangeForm,
)
from thidua.accounts.models import User
from thidua.accounts.permissions import (
    Access,
    can_manage_board,
    can_view_audit_log,
    get_invitation_for_user_or_404,
    get_organization_for_user_or_404,
    get_signer_role_for_user_or_404,
    get_staff_user_for_user_or_404,
    require,
    require_board_staff,
)
from thidua.accounts.queries import invitations_for_board, staff_for_board
from thidua.audit.queries import events_for_board
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailLoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_password_set(user=form.user, request=self.request, how="changed")
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_password_set(user=form.user, request=self.request, how="reset")
        return response


def _safe_next(request: HttpRequest, default: str = "home") -> str:
    """``?next=`` when it is a path of this site (no scheme, host or control character), else the URL of
    ``default`` (a URL name; "" gives "")."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    ):
        return target
    return resolve_url(default) if default else ""


def two_factor(request: HttpRequest) -> HttpResponse:
    """Verify a second factor, or enrol one when the user has none yet."""
    user = request.user
    if user.is_verified():
        return redirect(_safe_next(request))
    if not user_has_device(user, confirmed=True):
        return two_factor_setup(request)
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify_second_factor(request=request, token=form.cleaned_data["token"]):
            return redirect(_safe_next(request))
        form.add_error("token", _("This code is not valid. Try the current code from your app."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request, "")})


def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = services.pending_totp_device(user)
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_totp_device(request=request, token=form.cleaned_data["token"])
        if codes is not None:
            return _backup_codes_page(request, codes, _safe_next(request))
        form.add_error("token", _("This code is not valid. Check the time on your phone and try again."))
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "secret": secret, "next": _safe_next(request, "")},
    )


def two_factor_qr(request: HttpRequest) -> HttpResponse:
    """The enrolment QR code as a PNG image (a real file: every browser shows it, and the CSP needs no
    ``data:`` source). Only while the user has no confirmed device: the secret is never shown again."""
    if user_has_device(request.user, confirmed=True):
        raise Http404
    device = services.pending_totp_device(request.user)
    image = io.BytesIO()
    segno.make(device.config_url, error="m").save(image, kind="png", scale=6, border=4)
    response = HttpResponse(image.getvalue(), content_type="image/png")
    response["Cache-Control"] = "no-store, private"
    return response


@require_POST
def backup_codes_regenerate(request: HttpRequest) -> HttpResponse:
    if not request.user.is_verified():
        raise Http404
    codes = services.replace_backup_codes(user=request.user)
    return _backup_codes_page(request, codes, "")


def _backup_codes_page(request: HttpRequest, codes: list[str], next_url: str) -> HttpResponse:
    """The backup codes, shown once: on screen, as a text file to download and as a printable page."""
    heading = _("Backup codes for %(email)s (%(issuer)s). Each code works once.") % {
        "email": request.user.email,
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {
            "codes": codes,
            "codes_text": "\r\n".join([heading, "", *codes, ""]),
            "download_name": "thidua-backup-codes.txt",
            "next": next_url,
        },
    )


def profile(request: HttpRequest) -> HttpResponse:
    has_totp = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    return render(request, "accounts/profile.html", {"has_totp": has_totp})


def board_detail(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    organization = get_organization_for_user_or_404(request.user, board.pk)
    return render(request, "accounts/board_detail.html", {"organization": organization})


def board_edit(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    organization = get_organization_for_user_or_404(request.user, board.pk, access=Access.CHANGE)
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        organization.refresh_from_db()
        services.update_organization(
            organization=organization, data=changed, updated_by=request.user, request=request
        )
        messages.success(request, _("The Board's details were saved."))
        return redirect("accounts:board_detail")
    return render(request, "accounts/board_edit.html", {"form": form})


def staff_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    require(can_manage_board(request.user))
    page = paginate(staff_for_board(board), request.GET.get("page"))
    invitations = invitations_for_board(board)[:50]
    return render(request, "accounts/staff_list.html", {"page_obj": page, "invitations": invitations})


def audit_log(request: HttpRequest) -> HttpResponse:
    """The Board's audit log, newest first (the audit app records it; its page is a Board page)."""
    board = require_board_staff(request.user)
    require(can_view_audit_log(request.user))
    page = paginate(events_for_board(board), request.GET.get("page"), per_page=50)
    return render(request, "accounts/audit_log.html", {"page_obj": page})


def signer_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """How one signer signs: title, position (decides KT. / Q. / TM.), collective body."""
    membership = get_signer_role_for_user_or_404(request.user, pk)
    initial = {
        "title": membership.title,
        "signing_position": membership.signing_position,
        "signs_for": membership.signs_for,
    }
    form = SignerSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_signer_settings(
                membership=membership, updated_by=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The signer's settings were saved."))
            return redirect("accounts:staff_list")
    return render(request, "accounts/signer_settings.html", {"form": form, "membership": membership})


def invitation_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    require(can_manage_board(request.user))
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_user(
                organization=board, invited_by=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("accounts:staff_list")
    return render(request, "accounts/invitation_create.html", {"form": form})


@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_invitation_for_user_or_404(request.user, pk)
    try:
        services.revoke_invitation(invitation=invitation, revoked_by=request.user, request=request)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The invitation was revoked."))
    return redirect("accounts:staff_list")


@require_POST
def staff_toggle_active(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_staff_user_for_user_or_404(request.user, pk)
    try:
        services.set_user_active(
            target=target, active=not target.is_active, changed_by=request.user, request=request
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("accounts:staff_list")


@login_not_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.find_usable_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    placeholder = User(email=invitation.email, full_name=invitation.full_name)
    form = AcceptInvitationForm(placeholder, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.accept_invitation(
                token=token, password=form.cleaned_data["new_password1"], request=request
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your password is set. Please sign in."))
            return redirect("accounts:login")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})
