"""The README and docs/ cite only files inside the repository, and the files they cite exist."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Where a cited path may live: the repository root, or the template folder (template names such as
# `pdf/base.html` are cited the way Django loads them).
BASES = (ROOT, ROOT / "templates")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\s]+)`")


def cited_paths(text: str) -> list[str]:
    """Backticked tokens that look like repository paths: relative paths with a slash. (A bare file name such
    as `models.py` names a file of the layout, not a path.)"""
    paths = []
    for token in CODE.findall(text):
        if "://" in token or token.startswith(("/", "~", "$")) or any(c in token for c in "<>*{}…@="):
            continue
        if "/" in token:
            paths.append(token)
    return paths


def generated_at_run_time() -> set[str]:
    """Folders and files the portal creates when it runs (media/, staticfiles/, …): listed in .gitignore."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return {line.strip().strip("/") for line in lines if line.strip() and not line.startswith("#")}


def exists(path: str) -> bool:
    if path.removeprefix("./").strip("/") in generated_at_run_time():
        return True
    return any((base / path).exists() for base in BASES)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_nothing_points_outside_the_repository(document):
    text = document.read_text(encoding="utf-8")

    outside = [line for line in text.splitlines() if "../" in line]

    assert outside == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_cited_path_exists(document):
    text = document.read_text(encoding="utf-8")

    missing = [path for path in cited_paths(text) if not exists(path)]

    assert missing == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_resolves(document):
    text = document.read_text(encoding="utf-8")
    targets = [
        target.split("#")[0]
        for target in LINK.findall(text)
        if not target.startswith(("http://", "https://", "mailto:", "#"))
    ]

    missing = [target for target in targets if not (document.parent / target).exists()]

    assert missing == []


def test_the_checks_see_a_path_that_does_not_exist():
    assert cited_paths("see `thidua/no_such_module.py` and `docs/architecture.md`") == [
        "thidua/no_such_module.py",
        "docs/architecture.md",
    ]
    assert not exists("thidua/no_such_module.py")
