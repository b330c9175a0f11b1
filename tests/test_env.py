"""Typed environment readers (thidua/env.py): values, defaults, and a clear refusal of garbage."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from thidua.env import env_bool, env_int, env_list, env_secret, env_str

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        (" on ", True),
        ("0", False),
        ("no", False),
        ("OFF", False),
        ("false", False),
        ("", None),
        ("  ", None),
    ],
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("THIDUA_TEST_FLAG", raw)

    value = env_bool("THIDUA_TEST_FLAG", default=None)

    assert value is expected


def test_env_bool_default_when_unset(monkeypatch):
    monkeypatch.delenv("THIDUA_TEST_FLAG", raising=False)

    assert env_bool("THIDUA_TEST_FLAG", True) is True


@pytest.mark.parametrize("raw", ["ture", "yes please", "2", "enabled", "0n"])
def test_env_bool_refuses_a_typo_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("THIDUA_TEST_FLAG", raw)

    with pytest.raises(ImproperlyConfigured) as excinfo:
        env_bool("THIDUA_TEST_FLAG", default=False)

    message = str(excinfo.value)
    assert message.startswith("THIDUA_TEST_FLAG must be one of")
    assert repr(raw) in message


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
