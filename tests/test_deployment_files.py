"""The production files: what the image leaves out, what compose publishes, which secrets it requires."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Each test says its kind: those that run docker-compose are integration tests.

ROOT = Path(__file__).resolve().parent.parent


def compose_config(**variables: str) -> subprocess.CompletedProcess:
    if shutil.which("docker-compose") is None:
        pytest.fail(
            "docker-compose is missing: install Debian's docker-compose (apt-get install docker-compose)"
        )
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **variables}
    return subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def published_ports_by_service(config: str) -> dict[str, bool]:
    """From compose's normalised output: for each service, whether it publishes ports on the host."""
    services: dict[str, bool] = {}
    current = None
    in_services = False
    for line in config.splitlines():
        if not line.startswith(" "):
            in_services = line.startswith("services:")
            current = None
            continue
        if in_services and line.startswith("  ") and not line.startswith("   "):
            current = line.strip().rstrip(":")
            services[current] = False
        elif current and line.startswith("    ports:"):
            services[current] = True
    return services


LEFT_OUT = [".env", ".env.*", ".git", ".venv", "media", ".test-media", "**/__pycache__", ".pytest_cache",
            ".ruff_cache", "db.sqlite3*", ".helper-env"]  # fmt: skip


@pytest.mark.unit
@pytest.mark.parametrize("pattern", LEFT_OUT)
def test_the_image_leaves_out_secrets_history_data_and_caches(pattern):
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()

    assert pattern in lines


@pytest.mark.unit
def test_the_dockerignore_does_not_readmit_a_secret():
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()

    assert not [line for line in lines if line.startswith("!")]


@pytest.mark.integration
def test_only_the_tls_proxy_is_published_on_the_host():
    result = compose_config(SECRET_KEY="compose-test", POSTGRES_PASSWORD="compose-test")

    assert result.returncode == 0, result.stderr
    assert published_ports_by_service(result.stdout) == {
        "beat": False,
        "postgres": False,
        "proxy": True,
        "redis": False,
        "web": False,
        "worker": False,
    }


@pytest.mark.integration
def test_compose_refuses_to_start_without_a_database_password():
    result = compose_config(SECRET_KEY="compose-test")

    assert result.returncode != 0
    assert "set POSTGRES_PASSWORD in .env" in result.stderr


@pytest.mark.integration
def test_compose_refuses_to_start_without_a_secret_key():
    result = compose_config(POSTGRES_PASSWORD="compose-test")

    assert result.returncode != 0
    assert "set SECRET_KEY in .env" in result.stderr


@pytest.mark.unit
def test_the_proxy_forwards_to_web_over_the_internal_network_and_says_https():
    conf = (ROOT / "deploy" / "nginx" / "thidua.conf").read_text(encoding="utf-8")

    assert "proxy_pass http://web:8000;" in conf
    assert "proxy_set_header X-Forwarded-Proto https;" in conf
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in conf
    assert "return 301 https://$host$request_uri;" in conf
