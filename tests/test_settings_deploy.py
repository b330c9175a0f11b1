"""Production settings: `check --deploy` is clean, a missing SECRET_KEY stops start-up, env helpers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from thidua.env import env_bool, env_int, env_list, env_secret, env_str

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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("YES", True), (" on ", True), ("0", False), ("no", False), ("", None)],
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("THIDUA_TEST_FLAG", raw)

    value = env_bool("THIDUA_TEST_FLAG", default=None)

    assert value is expected


def test_env_bool_default_when_unset(monkeypatch):
    monkeypatch.delenv("THIDUA_TEST_FLAG", raising=False)

    assert env_bool("THIDUA_TEST_FLAG", True) is True


def test_env_int_reads_and_rejects_garbage(monkeypatch):
    monkeypatch.setenv("THIDUA_TEST_INT", "42")
    assert env_int("THIDUA_TEST_INT", 1) == 42

    monkeypatch.setenv("THIDUA_TEST_INT", "forty")
    with pytest.raises(ImproperlyConfigured, match="THIDUA_TEST_INT must be a whole number"):
        env_int("THIDUA_TEST_INT", 1)

    monkeypatch.delenv("THIDUA_TEST_INT")
    assert env_int("THIDUA_TEST_INT", 7) == 7


def test_env_list_and_str(monkeypatch):
    monkeypatch.setenv("THIDUA_TEST_LIST", " a.example.vn, ,b.example.vn ")
    monkeypatch.delenv("THIDUA_TEST_STR", raising=False)

    assert env_list("THIDUA_TEST_LIST") == ["a.example.vn", "b.example.vn"]
    assert env_list("THIDUA_TEST_MISSING", "x,y") == ["x", "y"]
    assert env_str("THIDUA_TEST_STR", "fallback") == "fallback"


def test_env_secret_prefers_the_file(monkeypatch, tmp_path):
    secret_file = tmp_path / "pw"
    secret_file.write_text("from-file\n", encoding="utf-8")
    monkeypatch.setenv("THIDUA_TEST_SECRET", "from-env")
    monkeypatch.setenv("THIDUA_TEST_SECRET_FILE", str(secret_file))

    assert env_secret("THIDUA_TEST_SECRET", required=True) == "from-file"


def test_env_secret_value_fallback_and_required(monkeypatch):
    monkeypatch.delenv("THIDUA_TEST_SECRET_FILE", raising=False)
    monkeypatch.setenv("THIDUA_TEST_SECRET", "from-env")
    assert env_secret("THIDUA_TEST_SECRET", required=True) == "from-env"

    monkeypatch.delenv("THIDUA_TEST_SECRET")
    assert env_secret("THIDUA_TEST_SECRET", required=False, fallback="dev") == "dev"
    with pytest.raises(ImproperlyConfigured, match="THIDUA_TEST_SECRET is not set"):
        env_secret("THIDUA_TEST_SECRET", required=True)


def test_manage_py_in_a_bare_checkout_runs_in_development_mode():
    env = production_env()
    del env["REDIS_URL"]

    result = run_manage("makemigrations", "--check", "--dry-run", env=env)

    assert result.returncode == 0, result.stderr
