"""Production settings: `check --deploy` is clean, a missing SECRET_KEY or a mistyped switch stops start-up."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
PASSED_THROUGH = ("PATH", "HOME", "LANG", "PYTHONPATH", "DATABASE_URL", "TMPDIR")


def production_env(**overrides: str) -> dict[str, str]:
    """A clean environment with only what a production host would set (DEBUG unset)."""
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.setdefault("DATABASE_URL", "sqlite:////tmp/thidua-deploy-check.sqlite3")
    env["REDIS_URL"] = "redis://127.0.0.1:6379/9"  # production renders in a worker (documents.E001)
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


def test_check_deploy_passes_with_production_variables():
    env = production_env(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_passes_with_debug_explicitly_zero():
    env = production_env(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn", DEBUG="0")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_without_redis_url():
    env = production_env(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn")
    del env["REDIS_URL"]

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "documents.E001" in result.stderr
    assert "REDIS_URL" in result.stderr


def test_start_up_without_secret_key_fails_with_clear_message():
    env = production_env(ALLOWED_HOSTS="thidua.example.vn", DEBUG="0")

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(60) + "\n", encoding="utf-8")
    env = production_env(SECRET_KEY_FILE=str(key_file), ALLOWED_HOSTS="thidua.example.vn")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


def test_core_settings_are_vietnamese_first():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert "django.contrib.auth.middleware.LoginRequiredMiddleware" in settings.MIDDLEWARE


def test_start_up_with_a_mistyped_switch_fails_naming_the_variable():
    env = production_env(
        SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="thidua.example.vn", SECURE_SSL_REDIRECT="ture"
    )

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECURE_SSL_REDIRECT must be one of" in result.stderr
    assert "'ture'" in result.stderr


def test_manage_py_in_a_bare_checkout_runs_in_development_mode():
    env = production_env()
    del env["REDIS_URL"]

    result = run_manage("makemigrations", "--check", "--dry-run", env=env)

    assert result.returncode == 0, result.stderr
