"""Invitations: a Board admin invites by e-mail; a one-time link sets the password."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from tests.factories.accounts import InvitationFactory
from thidua.accounts import services
from thidua.accounts.models import Invitation, User
from thidua.accounts.permissions import board_roles
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit

NEW_PASSWORD = "Mat-khau-moi-2026!"


def invite(client, **overrides):
    data = {
        "email": "nguyen.van.moi@example.vn",
        "full_name": "Nguyễn Văn Mới",
        "title": "Chuyên viên",
        "roles": ["officer", "council"],
        **overrides,
    }
    return client.post("/board/invitations/new/", data)


def link_path(message) -> str:
    match = re.search(re.escape(settings.SITE_URL) + r"(/accounts/invitations/accept/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def accept(client, path: str, password: str = NEW_PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


@pytest.fixture
def invited(world, client_for, django_capture_on_commit_callbacks):
    """The admin of Board A invited someone; returns the link path from the e-mail."""
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(world.a.admin))
    assert response.status_code == 302, response.content.decode()[:800]
    assert len(mail.outbox) == 1
    return link_path(mail.outbox[0])


def test_admin_invitation_sends_one_mail_with_a_link(world, invited):
    message = mail.outbox[0]

    assert message.to == ["nguyen.van.moi@example.vn"]
    assert world.a.board.name in message.body
    assert invited.startswith("/accounts/invitations/accept/")
    invitation = Invitation.objects.get(email="nguyen.van.moi@example.vn")
    assert invitation.organization == world.a.board
    assert invitation.roles == ["council", "officer"]
    assert AuditEvent.objects.filter(action="invitation.created", actor=world.a.admin).exists()


def test_link_shows_the_password_form_without_signing_in(invited, client):
    response = client.get(invited)

    assert response.status_code == 200
    assert "Nguyễn Văn Mới" in response.content.decode()


def test_link_sets_the_password_once(invited, client, english):
    first = accept(english(client), invited)
    second_get = client.get(invited)
    second_post = accept(client, invited, "Another-pass-2026!")

    user = User.objects.get(email="nguyen.van.moi@example.vn")
    assert first.status_code == 302
    assert first["Location"] == "/accounts/login/"
    assert second_get.status_code == 404
    assert "This invitation link is invalid, expired or already used." in second_get.content.decode()
    assert second_post.status_code == 404
    assert user.check_password(NEW_PASSWORD)


def test_invited_user_gets_the_roles_and_can_sign_in(world, invited, client):
    accept(client, invited)

    response = client.post(
        "/accounts/login/", {"username": "nguyen.van.moi@example.vn", "password": NEW_PASSWORD}
    )

    user = User.objects.get(email="nguyen.van.moi@example.vn")
    assert response.status_code == 302
    assert user.organization == world.a.board
    assert board_roles(user) == {"officer", "council"}
    assert set(user.board_roles.values_list("title", flat=True)) == {"Chuyên viên"}
    assert AuditEvent.objects.filter(action="invitation.accepted", actor=user).exists()


def test_weak_password_is_refused_and_the_link_stays_usable(invited, client):
    response = accept(client, invited, "12345")

    assert response.status_code == 200
    assert not User.objects.filter(email="nguyen.van.moi@example.vn").exists()
    assert client.get(invited).status_code == 200


def test_expired_link_is_invalid(invited, client):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = client.get(invited)

    assert response.status_code == 404
    assert accept(client, invited).status_code == 404
    assert not User.objects.filter(email="nguyen.van.moi@example.vn").exists()


def test_revoked_link_is_invalid(world, invited, client, client_for):
    invitation = Invitation.objects.get(email="nguyen.van.moi@example.vn")
    client_for(world.a.admin).post(f"/board/invitations/{invitation.pk}/revoke/")

    response = client.get(invited)

    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="invitation.revoked").exists()


def test_unknown_token_is_invalid(db, client):
    response = client.get("/accounts/invitations/accept/not-a-real-token/")

    assert response.status_code == 404


def test_invitation_for_an_existing_user_is_refused_with_a_message(world, client_for, english):
    response = invite(english(client_for(world.a.admin)), email=world.b.officer.email.upper())

    assert response.status_code == 200
    assert "A user with this e-mail address already exists." in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_second_open_invitation_for_the_same_address_is_refused(world, client_for, english):
    InvitationFactory(organization=world.a.board, invited_by=world.a.admin, email="trung@example.vn")

    response = invite(english(client_for(world.a.admin)), email="trung@example.vn")

    assert response.status_code == 200
    assert "This person already has an open invitation." in response.content.decode()


def test_invitation_needs_a_role(world, client_for):
    response = invite(client_for(world.a.admin), roles=[])

    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_officer_may_not_invite(world, client_for):
    client = client_for(world.a.officer)

    assert client.get("/board/invitations/new/").status_code == 403
    assert invite(client).status_code == 403
    assert not Invitation.objects.exists()


def test_revoking_a_used_invitation_is_refused(world):
    invitation, token = services.invite_user(
        organization=world.a.board,
        email="da.dung@example.vn",
        full_name="Đã Dùng",
        roles=["officer"],
        title="",
        invited_by=world.a.admin,
    )
    services.accept_invitation(token=token, password=NEW_PASSWORD)
    invitation.refresh_from_db()

    with pytest.raises(services.ValidationError):
        services.revoke_invitation(invitation=invitation, revoked_by=world.a.admin)
