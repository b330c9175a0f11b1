"""Login throttling (django-axes): 5 failures lock user name + IP for 15 minutes, 20 failures from one IP
whatever the accounts lock the IP (password spraying), every password check counts, each with a clear page."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.factories.accounts import TEST_PASSWORD
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit

LOGIN_URL = "/accounts/login/"
ATTACKER_IP = "203.0.113.7"


def post_login(client, email: str, password: str, ip: str = ATTACKER_IP, **headers):
    return client.post(LOGIN_URL, {"username": email, "password": password}, REMOTE_ADDR=ip, **headers)


def fail_until_locked(client, email: str, ip: str = ATTACKER_IP) -> None:
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, email, "not-the-password", ip)


def test_wrong_password_shows_the_form_again_with_an_error(world, client, english):
    response = post_login(english(client), world.a.officer.email, "not-the-password")

    assert response.status_code == 200
    assert "The e-mail address or password is not correct." in response.content.decode()


def test_five_failures_lock_the_account_even_with_the_right_password(world, client, english):
    fail_until_locked(english(client), world.a.officer.email)

    response = post_login(client, world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == settings.AXES_HTTP_RESPONSE_CODE == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_and_lock_out_are_audited_with_the_ip(world, client):
    fail_until_locked(client, world.a.officer.email)

    post_login(client, world.a.officer.email, TEST_PASSWORD)

    failed = AuditEvent.objects.filter(action="auth.login_failed")
    locked = AuditEvent.objects.filter(action="auth.locked_out")
    assert failed.count() >= settings.AXES_FAILURE_LIMIT
    assert locked.exists()
    assert set(failed.values_list("actor_label", flat=True)) == {world.a.officer.email}
    assert set(locked.values_list("ip", flat=True)) == {ATTACKER_IP}
    assert not AuditEvent.objects.filter(action="auth.login").exists()


def test_same_user_name_from_another_ip_is_not_locked(world, client):
    fail_until_locked(client, world.a.officer.email, ip=ATTACKER_IP)

    response = post_login(client, world.a.officer.email, TEST_PASSWORD, ip="198.51.100.20")

    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="auth.login", actor=world.a.officer).exists()


def test_four_failures_do_not_lock(world, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        post_login(client, world.a.officer.email, "not-the-password")

    response = post_login(client, world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == 302


def test_login_works_again_after_the_cool_off(world, client):
    fail_until_locked(client, world.a.officer.email)
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    attempt = AccessAttempt.objects.get(username=world.a.officer.email, ip_address=ATTACKER_IP)
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=attempt.attempt_time - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )

    response = post_login(client, world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="auth.login", actor=world.a.officer).exists()


def test_still_locked_just_before_the_cool_off_ends(world, client):
    fail_until_locked(client, world.a.officer.email)
    attempt = AccessAttempt.objects.get(username=world.a.officer.email, ip_address=ATTACKER_IP)
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=attempt.attempt_time - settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
    )

    response = post_login(client, world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == 429


def test_successful_sign_in_is_audited(world, client):
    response = post_login(client, world.a.council.email, TEST_PASSWORD)

    assert response.status_code == 302
    event = AuditEvent.objects.get(action="auth.login")
    assert event.actor == world.a.council
    assert event.organization == world.a.board
    assert event.ip == ATTACKER_IP


def test_changing_the_case_of_the_e_mail_does_not_reset_the_count(world, client):
    email = world.a.officer.email
    for variant in (email, email.upper(), email.title(), email.upper(), email):
        post_login(client, variant, "not-the-password")

    response = post_login(client, email, TEST_PASSWORD)

    assert response.status_code == 429


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_escape_the_lock(world, client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, world.a.officer.email, "not-the-password", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")

    response = post_login(client, world.a.officer.email, TEST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER_IP}


def test_behind_one_trusted_proxy_the_lock_and_the_audit_use_the_address_it_saw(world, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for n in range(settings.AXES_FAILURE_LIMIT):  # the client forges the left part; nginx appends the truth
        post_login(
            client,
            world.a.officer.email,
            "not-the-password",
            proxy,
            HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, {ATTACKER_IP}",
        )

    locked = post_login(client, world.a.officer.email, TEST_PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ATTACKER_IP)
    other = post_login(
        client, world.a.officer.email, TEST_PASSWORD, proxy, HTTP_X_FORWARDED_FOR="198.51.100.20"
    )

    assert locked.status_code == 429
    assert other.status_code == 302  # another client behind the same proxy is not locked out
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER_IP}
    assert set(AuditEvent.objects.filter(action="auth.login_failed").values_list("ip", flat=True)) == {
        ATTACKER_IP
    }
    assert AuditEvent.objects.get(action="auth.login").ip == "198.51.100.20"


# ---------------------------------------------------------------------------
# Password spraying: one address, many accounts
# ---------------------------------------------------------------------------
def spray(client, count: int, ip: str = ATTACKER_IP) -> None:
    for index in range(count):
        post_login(client, f"nhan-vien-{index}@thidua.example.vn", "Thidua@2026", ip)


def test_spraying_many_accounts_from_one_address_locks_the_address(world, client, english):
    spray(english(client), settings.LOGIN_IP_FAILURE_LIMIT)

    response = post_login(client, world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == 429
    assert "Too many wrong passwords were entered from your network" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_failure_short_of_the_address_limit_does_not_lock(world, client):
    spray(client, settings.LOGIN_IP_FAILURE_LIMIT - 1)

    response = post_login(client, world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == 302


def test_spraying_from_one_address_does_not_lock_another(world, client):
    spray(client, settings.LOGIN_IP_FAILURE_LIMIT)

    response = post_login(client, world.a.officer.email, TEST_PASSWORD, ip="198.51.100.20")

    assert response.status_code == 302


def test_the_address_lock_lifts_after_the_cool_off(world, client):
    spray(client, settings.LOGIN_IP_FAILURE_LIMIT)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )

    response = post_login(client, world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == 302


def test_a_locked_account_page_speaks_of_the_account(world, client, english):
    fail_until_locked(english(client), world.a.officer.email)

    html = post_login(client, world.a.officer.email, TEST_PASSWORD).content.decode()

    assert "sign-in for this account from your network is locked after 5 failed attempts" in html
    assert "from your network (" not in html


# ---------------------------------------------------------------------------
# Every password check counts: the password change form shares the lock-out
# ---------------------------------------------------------------------------
def change_password(client, old: str, ip: str = ATTACKER_IP):
    new = "Mat-khau-moi-2026!"
    return client.post(
        "/password/change/",
        {"old_password": old, "new_password1": new, "new_password2": new},
        REMOTE_ADDR=ip,
    )


def test_wrong_old_passwords_lock_the_password_change(world, client_for, english):
    client = english(client_for(world.a.officer))
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert change_password(client, "not-the-password").status_code == 200

    locked = change_password(client, "not-the-password")
    right_one = change_password(client, TEST_PASSWORD)

    world.a.officer.refresh_from_db()
    assert (locked.status_code, right_one.status_code) == (429, 429)
    assert "Too many failed sign-in attempts" in right_one.content.decode()
    assert world.a.officer.check_password(TEST_PASSWORD)


def test_login_failures_and_password_change_failures_add_up(world, client, client_for):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        post_login(client, world.a.officer.email, "not-the-password")
    change_password(client_for(world.a.officer), "not-the-password")

    response = post_login(Client(), world.a.officer.email, TEST_PASSWORD)

    assert response.status_code == 429


def test_a_wrong_old_password_says_so_and_is_audited(world, client_for, english):
    client = english(client_for(world.a.officer))

    response = change_password(client, "not-the-password")

    assert "Your old password was entered incorrectly" in response.content.decode()
    assert (
        AuditEvent.objects.filter(action="auth.login_failed", actor_label=world.a.officer.email).count() == 1
    )
