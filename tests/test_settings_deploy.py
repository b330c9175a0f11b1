"""Production settings: `check --deploy` is clean and refuses placeholders, a missing SECRET_KEY or a mistyped
switch stops start-up, security headers and cookies as production serves them."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from thidua import checks

# Each test says its kind: those that start manage.py or a production process are integration tests.

ROOT = Path(__file__).resolve().parent.parent
PASSED_THROUGH = ("PATH", "HOME", "LANG", "PYTHONPATH", "DATABASE_URL", "TMPDIR")


def production_env(**overrides: str) -> dict[str, str]:
    """A clean environment with only what a production host would set (DEBUG unset)."""
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.setdefault("DATABASE_URL", "sqlite:////tmp/thidua-deploy-check.sqlite3")
    env["REDIS_URL"] = "redis://127.0.0.1:6379/9"  # production renders in a worker (documents.E001)
    env["SITE_URL"] = "https://thidua.example.vn"  # printed in every PDF's QR code (documents.E002)
    env["DJANGO_SETTINGS_MODULE"] = "thidua.settings"
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.integration
def test_check_deploy_passes_with_production_variables():
    env = production_env(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.integration
def test_check_deploy_passes_with_debug_explicitly_zero():
    env = production_env(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn", DEBUG="0")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.integration
def test_check_deploy_fails_without_redis_url():
    env = production_env(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn")
    del env["REDIS_URL"]

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "documents.E001" in result.stderr
    assert "REDIS_URL" in result.stderr


@pytest.mark.integration
def test_start_up_without_secret_key_fails_with_clear_message():
    env = production_env(ALLOWED_HOSTS="thidua.example.vn", DEBUG="0")

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.integration
def test_secret_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(60) + "\n", encoding="utf-8")
    env = production_env(SECRET_KEY_FILE=str(key_file), ALLOWED_HOSTS="thidua.example.vn")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.integration
def test_start_up_with_a_mistyped_switch_fails_naming_the_variable():
    env = production_env(
        SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn", SECURE_SSL_REDIRECT="ture"
    )

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECURE_SSL_REDIRECT must be one of" in result.stderr
    assert "'ture'" in result.stderr


@pytest.mark.integration
def test_manage_py_in_a_bare_checkout_runs_in_development_mode():
    env = production_env()
    del env["REDIS_URL"]

    result = run_manage("makemigrations", "--check", "--dry-run", env=env)

    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------
# Placeholders refused by `check --deploy`
# ---------------------------------------------------------------------------
def example_values() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        name, sep, value = line.partition("=")
        if sep and not name.startswith("#"):
            values[name.strip()] = value.strip()
    return values


@pytest.mark.integration
def test_check_deploy_refuses_the_example_secret_key():
    env = production_env(SECRET_KEY=example_values()["SECRET_KEY"], ALLOWED_HOSTS="thidua.example.vn")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "thidua.E001" in result.stderr


@pytest.mark.integration
def test_check_deploy_refuses_the_example_database_password():
    env = production_env(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="thidua.example.vn",
        DATABASE_URL=example_values()["DATABASE_URL"],
    )

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "thidua.E002" in result.stderr
    assert "thidua.E001" not in result.stderr


@pytest.mark.unit
@pytest.mark.parametrize("name", ["SECRET_KEY", "POSTGRES_PASSWORD"])
def test_every_secret_in_the_example_file_is_a_refused_placeholder(name):
    assert checks.is_placeholder(example_values()[name])


@pytest.mark.unit
@pytest.mark.parametrize(
    "key",
    [
        "dev-only-insecure-key-do-not-use-in-production",
        "CHANGE-ME-" + "x" * 60,
        "django-insecure-" + "y" * 50,
    ],
)
def test_development_and_placeholder_keys_are_refused(settings, key):
    settings.SECRET_KEY = key

    assert [error.id for error in checks.check_secret_key()] == ["thidua.E001"]


@pytest.mark.unit
def test_a_random_secret_key_passes(settings):
    settings.SECRET_KEY = secrets.token_urlsafe(50)

    assert checks.check_secret_key() == []


@pytest.mark.unit
@pytest.mark.parametrize(("password", "refused"), [("thidua", True), ("Postgres", True), ("", False),
                                                   ("change-me-database-password", True),
                                                   ("Vq3-x8Jm0pLr7TzW2sYk9dNc", False)])  # fmt: skip
def test_database_passwords(password, refused):
    assert checks.is_weak_database_password(password) is refused


@pytest.mark.unit
def test_a_placeholder_mail_password_is_refused(settings):
    settings.MAILERS = {"default": {"BACKEND": "x", "OPTIONS": {"password": "change-me"}}}

    assert [error.id for error in checks.check_mail_password()] == ["thidua.E003"]


# ---------------------------------------------------------------------------
# Security headers and cookies, as production serves them
# ---------------------------------------------------------------------------
HEADERS_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
# The one change to production settings: static URLs without collectstatic's manifest.
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
client = Client()
page = client.get("/accounts/login/", secure=True, headers={"host": "thidua.example.vn"})
plain = client.get("/accounts/login/", headers={"host": "thidua.example.vn"})
csrf = page.cookies[settings.CSRF_COOKIE_NAME]
print(json.dumps({
    "status": page.status_code,
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "headers": dict(page.headers),
    "csrf_cookie": {"secure": bool(csrf["secure"]), "httponly": bool(csrf["httponly"]), "samesite": csrf["samesite"]},
    "session_cookie": {"secure": settings.SESSION_COOKIE_SECURE, "httponly": settings.SESSION_COOKIE_HTTPONLY,
                       "samesite": settings.SESSION_COOKIE_SAMESITE},
    "language_cookie": {"secure": settings.LANGUAGE_COOKIE_SECURE, "httponly": settings.LANGUAGE_COOKIE_HTTPONLY,
                        "samesite": settings.LANGUAGE_COOKIE_SAMESITE},
}))
"""


@pytest.fixture(scope="module")
def production_response(tmp_path_factory) -> dict:
    env = production_env(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="thidua.example.vn",
        STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
    )
    result = subprocess.run(
        [sys.executable, "-c", HEADERS_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.integration
def test_production_redirects_plain_http_to_https(production_response):
    assert production_response["plain_status"] == 301
    assert production_response["plain_location"] == "https://thidua.example.vn/accounts/login/"


@pytest.mark.integration
def test_production_sends_hsts_for_a_year_with_subdomains_and_preload(production_response):
    assert production_response["status"] == 200
    assert production_response["headers"]["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


@pytest.mark.integration
def test_production_sends_a_csp_without_inline_code_and_no_framing(production_response):
    headers = production_response["headers"]
    policy = dict(
        [*part.strip().split(" ", 1), ""][:2] for part in headers["Content-Security-Policy"].split(";")
    )

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.integration
def test_production_sends_referrer_policy_and_nosniff(production_response):
    headers = production_response["headers"]

    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.integration
def test_production_cookies_are_secure_httponly_and_same_site(production_response):
    expected = {"secure": True, "httponly": True, "samesite": "Lax"}

    assert production_response["csrf_cookie"] == expected
    assert production_response["session_cookie"] == expected
    assert production_response["language_cookie"] == expected


@pytest.mark.unit
def test_the_session_cookie_set_at_sign_in_carries_the_flags(db, client):
    from tests.factories.accounts import TEST_PASSWORD, UserFactory

    user = UserFactory()

    response = client.post(
        "/accounts/login/", {"username": user.email, "password": TEST_PASSWORD}, secure=True
    )

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert response.status_code == 302
    assert (bool(cookie["secure"]), bool(cookie["httponly"]), cookie["samesite"]) == (True, True, "Lax")
