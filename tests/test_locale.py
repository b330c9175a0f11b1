"""The Vietnamese catalogue is complete: every user-facing string has a translation, none is fuzzy."""

import re
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration  # runs msgfmt

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def catalogue_statistics(language: str) -> str:
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr


def test_vietnamese_catalogue_has_no_untranslated_or_fuzzy_entries():
    statistics = catalogue_statistics("vi")

    assert re.search(r"\d+ translated messages?\.$", statistics.strip()), statistics


def test_english_catalogue_is_valid():
    statistics = catalogue_statistics("en")

    assert "translated" in statistics or "untranslated" in statistics
