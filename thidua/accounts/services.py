"""Every write to accounts: Boards, roles, invitations, second factors. Each one audits itself."""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.enums import BoardRole, SigningPosition
from thidua.accounts.models import BoardMembership, Invitation, Organization, User
from thidua.audit.changes import apply_changes
from thidua.audit.services import record_event

BACKUP_CODE_COUNT = 10


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def update_organization(
    *, organization: Organization, data: dict, updated_by: User, request=None
) -> Organization:
    changed = apply_changes(organization, data)
    organization.full_clean()
    organization.save()
    record_event(action="board.updated", actor=updated_by, obj=organization, changes=changed, request=request)
    return organization


@transaction.atomic
def update_signer_settings(
    *,
    membership: BoardMembership,
    title: str,
    signing_position: str,
    signs_for: str = "",
    updated_by: User,
    request=None,
) -> BoardMembership:
    """How a signer signs (their position decides the authority prefix on every document they sign)."""
    if membership.role != BoardRole.SIGNER:
        raise ValidationError(_("Only a signer has a signing position."))
    title = " ".join(title.split())
    signs_for = " ".join(signs_for.split())
    if signing_position not in SigningPosition.values:
        raise ValidationError({"signing_position": _("Choose how this person signs.")})
    if signing_position == SigningPosition.COLLECTIVE and not signs_for:
        raise ValidationError({"signs_for": _("Name the collective body this person signs for.")})
    if signing_position != SigningPosition.COLLECTIVE:
        signs_for = ""
    if signing_position != SigningPosition.ACTING and not title:
        raise ValidationError({"title": _("Enter the title printed under the signature.")})
    before = {name: getattr(membership, name) for name in ("title", "signing_position", "signs_for")}
    membership.title, membership.signing_position, membership.signs_for = title, signing_position, signs_for
    membership.full_clean()
    membership.save(update_fields=["title", "signing_position", "signs_for"])
    record_event(
        action="board_role.updated",
        actor=updated_by,
        organization=membership.organization,
        obj=membership,
        changes={
            name: [old, getattr(membership, name)]
            for name, old in before.items()
            if old != getattr(membership, name)
        },
        request=request,
    )
    return membership


@transaction.atomic
def create_staff_user(
    *,
    organization: Organization,
    email: str,
    full_name: str,
    roles: list[str],
    title: str = "",
    password: str | None = None,
    created_by: User | None = None,
) -> User:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("A user with this e-mail address already exists.")})
    user = User.objects.create_user(email, password, full_name=full_name, organization=organization)
    for role in roles:
        BoardMembership.objects.create(
            user=user, organization=organization, role=BoardRole(role), title=title
        )
    record_event(
        action="user.created",
        actor=created_by,
        organization=organization,
        obj=user,
        changes={"roles": sorted(roles)},
    )
    return user


@transaction.atomic
def invite_user(
    *,
    organization: Organization,
    email: str,
    full_name: str,
    roles: list[str],
    title: str,
    invited_by: User,
    request=None,
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its one-time link. Returns the invitation and the raw token."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("A user with this e-mail address already exists.")})
    if Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError({"email": _("This person already has an open invitation.")})
    if not roles:
        raise ValidationError({"roles": _("Choose at least one role.")})
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        full_name=full_name,
        roles=sorted(BoardRole(r).value for r in roles),
        title=title,
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + settings.INVITATION_TTL,
    )
    record_event(
        action="invitation.created",
        actor=invited_by,
        obj=invitation,
        changes={"email": email, "roles": invitation.roles},
        request=request,
    )
    link = settings.SITE_URL + reverse("accounts:invitation_accept", args=[token])
    context = {"invitation": invitation, "link": link, "board": organization}
    transaction.on_commit(lambda: _send_invitation_mail(email, context))
    return invitation, token


def _send_invitation_mail(email: str, context: dict) -> None:
    with translation.override("vi"):
        subject = render_to_string("emails/invitation_subject.txt", context).strip()
        body = render_to_string("emails/invitation_body.txt", context)
    send_mail(subject, body, None, [email])


def find_usable_invitation(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("organization").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or not invitation.is_usable:
        return None
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, password: str, request=None) -> User:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organization")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None or not invitation.is_usable:
        raise ValidationError(_("This invitation link is invalid, expired or already used."))
    user = create_staff_user(
        organization=invitation.organization,
        email=invitation.email,
        full_name=invitation.full_name,
        roles=invitation.roles,
        title=invitation.title,
        password=password,
        created_by=None,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    record_event(action="invitation.accepted", actor=user, obj=invitation, request=request)
    return user


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, revoked_by: User, request=None) -> Invitation:
    if not invitation.is_usable:
        raise ValidationError(_("This invitation can no longer be revoked."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record_event(action="invitation.revoked", actor=revoked_by, obj=invitation, request=request)
    return invitation


@transaction.atomic
def set_user_active(*, target: User, active: bool, changed_by: User, request=None) -> User:
    if target.pk == changed_by.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    target.is_active = active
    target.save(update_fields=["is_active"])
    record_event(
        action="user.activated" if active else "user.deactivated",
        actor=changed_by,
        obj=target,
        request=request,
    )
    return target


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed TOTP device shown during enrolment (created once, reused on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(*, request, token: str) -> list[str] | None:
    """Confirm enrolment with a code from the app, verify the session; returns fresh backup codes, or None."""
    user = request.user
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = replace_backup_codes(user=user)
    record_event(action="2fa.enrolled", actor=user, obj=user, request=request)
    _raise_session_to_second_factor(request, device)
    return codes


@transaction.atomic
def replace_backup_codes(*, user: User) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    record_event(action="2fa.backup_codes_replaced", actor=user, obj=user)
    return codes


def verify_second_factor(*, request, token: str) -> bool:
    """Check a TOTP or backup code for the signed-in user and mark the session verified."""
    user = request.user
    device = match_token(user, token)
    if device is None:
        record_event(action="2fa.failed", actor=user, obj=user, request=request)
        return False
    _raise_session_to_second_factor(request, device)
    record_event(action="2fa.verified", actor=user, obj=user, request=request)
    return True


def _raise_session_to_second_factor(request, device) -> None:
    """Mark the session verified and give it a new key: a key seen before the privilege change (fixed by
    an attacker, or read over the shoulder) is worthless after it."""
    otp_login(request, device)
    request.session.cycle_key()


def record_password_set(*, user: User, request, how: str) -> None:
    """Audit a password set through Django's own change/reset views (they save the user themselves)."""
    record_event(action=f"auth.password_{how}", actor=user, obj=user, request=request)
