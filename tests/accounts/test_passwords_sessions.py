"""Password reset by e-mail, password change, sessions that expire."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.utils import timezone

from tests.factories.accounts import TEST_PASSWORD, UserFactory
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit

NEW_PASSWORD = "Mat-khau-moi-2026!"


def reset_link_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/password/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_sends_a_mail_and_the_link_sets_a_new_password(db, client):
    user = UserFactory()

    response = client.post("/password/reset/", {"email": user.email})
    link = reset_link_path(mail.outbox[0])
    form_page = client.get(link, follow=True)
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert form_page.status_code == 200
    assert done.status_code == 302
    assert done["Location"] == "/password/reset/complete/"
    assert user.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(action="auth.password_reset", actor=user).count() == 1


def test_password_reset_link_works_only_once(db, client):
    user = UserFactory()
    client.post("/password/reset/", {"email": user.email})
    link = reset_link_path(mail.outbox[0])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = client.get(link, follow=True)

    assert again.status_code == 200
    assert 'name="new_password1"' not in again.content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing(db, client):
    response = client.post("/password/reset/", {"email": "nobody@example.vn"})

    assert response.status_code == 302
    assert response["Location"] == "/password/reset/sent/"
    assert mail.outbox == []


def test_password_reset_pages_are_public(db, client):
    assert client.get("/password/reset/").status_code == 200
    assert client.get("/password/reset/sent/").status_code == 200
    assert client.get("/password/reset/complete/").status_code == 200


def test_password_change_keeps_the_session(world, client_for):
    client = client_for(world.a.officer)

    response = client.post(
        "/password/change/",
        {"old_password": TEST_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    world.a.officer.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/password/change/done/"
    assert world.a.officer.check_password(NEW_PASSWORD)
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.password_changed", actor=world.a.officer).count() == 1


def test_password_change_needs_the_old_password(world, client_for):
    client = client_for(world.a.officer)

    response = client.post(
        "/password/change/",
        {"old_password": "wrong-old", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    world.a.officer.refresh_from_db()
    assert response.status_code == 200
    assert world.a.officer.check_password(TEST_PASSWORD)


def test_password_change_requires_sign_in(db, client):
    response = client.get("/password/change/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_expired_session_redirects_to_login(world, client_for):
    client = client_for(world.a.officer)
    assert client.get("/").status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_logout_ends_the_session_and_is_audited(world, client_for):
    client = client_for(world.a.officer)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert client.get("/").status_code == 302
    assert AuditEvent.objects.filter(action="auth.logout", actor=world.a.officer).exists()
