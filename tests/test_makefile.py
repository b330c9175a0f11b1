"""`make run`: the port it serves on is the port of every link the portal writes; the README's tables."""

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def dry_run(*arguments: str) -> list[str]:
    assert shutil.which("make"), "make is needed (the README's commands)"
    result = subprocess.run(
        ["make", "-n", "run", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


@pytest.mark.integration  # runs make
def test_make_run_port_is_the_port_of_every_link():
    lines = dry_run("PORT=8123")

    manage_lines = [line for line in lines if "manage.py" in line]
    assert manage_lines
    assert all("SITE_URL=http://127.0.0.1:8123 " in line for line in manage_lines)
    assert any(line.endswith("runserver 127.0.0.1:8123") for line in manage_lines)


@pytest.mark.integration  # runs make
def test_an_explicit_site_url_wins():
    lines = dry_run("PORT=8123", "SITE_URL=https://thidua.example.vn")

    assert any("SITE_URL=https://thidua.example.vn " in line and "runserver" in line for line in lines)


@pytest.mark.unit
def test_the_licence_is_an_spdx_expression():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    assert isinstance(project["license"], str)


@pytest.mark.unit
def test_every_table_of_the_readme_has_a_header_row():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    in_code = False
    previous = ""
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith("|") and not previous.startswith("|"):
            separator = lines[number] if number < len(lines) else ""
            assert re.fullmatch(r"\|( *:?-{3,}:? *\|)+", separator), (
                f"README.md:{number} starts a table without a header row"
            )
        previous = line if not in_code else ""
