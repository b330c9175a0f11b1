"""Migrations: those that run code import nothing from the project, and a fresh migrate seeds the indicator
catalogue the code uses."""

import ast
from pathlib import Path

import pytest

from blocs.pledges.catalogue import CATALOGUE
from blocs.pledges.models import Indicator

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = {"thidua", "blocs", "scoring", "awards", "tests"}
MIGRATIONS = sorted(
    path
    for package in PROJECT_PACKAGES - {"tests"}
    for path in (ROOT / package).glob("**/migrations/[0-9]*.py")
)


def project_imports(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Project modules imported as ``import a.b`` (how Django's generated migrations name a validator, an
    upload path or a manager) and as ``from a import b`` (how a hand-written migration pulls in code)."""
    plain, from_ = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            plain.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            from_.add(node.module)
    ours = {name for name in plain | from_ if name.split(".")[0] in PROJECT_PACKAGES}
    return plain & ours, from_ & ours


def runs_code(tree: ast.AST) -> bool:
    return any(
        isinstance(node, ast.Attribute) and node.attr in {"RunPython", "RunSQL"} for node in ast.walk(tree)
    )


def test_there_are_migrations_to_check():
    assert any(path.name == "0006_indicator_catalogue.py" for path in MIGRATIONS)


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_migration_imports_no_live_code(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))

    plain, from_ = project_imports(tree)

    assert from_ == set()  # no helper, catalogue or function of the project
    if runs_code(tree):
        assert plain == set()  # a data migration carries everything it needs


def test_a_fresh_migrate_gives_the_national_catalogue(db):
    stored = list(
        Indicator.objects.filter(organization=None)
        .order_by("ordering")
        .values_list("code", "name", "name_en", "unit", "kind", "aggregation", "optional", "ordering")
    )

    assert stored == [(*row, order * 10) for order, row in enumerate(CATALOGUE, start=1)]
