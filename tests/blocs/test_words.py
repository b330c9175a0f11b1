"""Words (issue 10 item 10): Vietnamese labels with context where one English word means several things, one
term for a closed year ("Đã khóa sổ"), the awards area named as the Boards name it, ratios as rules write them."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from blocs.enums import YearStatus
from blocs.pledges.models import PledgeSignature, TitleRegistration
from blocs.templatetags.blocs_tags import ratio
from blocs.voting.models import VotingSession
from thidua.accounts.models import BoardMembership
from thidua.documents.models import GeneratedDocument

pytestmark = pytest.mark.unit


def _label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name)


def test_one_english_word_gets_its_vietnamese_meaning_from_its_context():
    with translation.override("vi"):
        labels = {
            "position": _label(BoardMembership, "title"),
            "signer": _label(PledgeSignature, "signer_title"),
            "emulation title": _label(TitleRegistration, "award_code"),
            "abstract": _label(GeneratedDocument, "title"),
            "voting session": _label(VotingSession, "title"),
        }

    assert labels == {
        "position": "chức vụ",
        "signer": "chức vụ",
        "emulation title": "danh hiệu",
        "abstract": "trích yếu",
        "voting session": "tên phiên bầu",
    }


def test_a_closed_year_is_called_khoa_so_everywhere():
    catalogue = Path(settings.BASE_DIR, "locale", "vi", "LC_MESSAGES", "django.po").read_text(
        encoding="utf-8"
    )
    entries = re.findall(r'msgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"', catalogue)

    about_a_closed_year = [
        vi for en, vi in entries if re.search(r"\byear\b.*\bclosed?\b|\bclose the year\b", en, re.I)
    ]
    with translation.override("vi"):
        status = str(YearStatus.CLOSED.label)

    assert status == "Đã khóa sổ"
    assert about_a_closed_year
    assert all("khóa sổ" in vi.lower() for vi in about_a_closed_year), about_a_closed_year


def test_the_awards_area_is_binh_xet_suy_ton_va_khen_thuong():
    template = Template('{% load i18n %}{% translate "Awards" context "awards area" %}')

    with translation.override("vi"):
        assert template.render(Context()) == "Bình xét, suy tôn và khen thưởng"


@pytest.mark.parametrize(
    ("value", "words"),
    [(Decimal("0.6667"), "2/3"), (Decimal("0.5"), "50 %"), (Decimal("0.8"), "80 %"), (None, "—")],
)
def test_ratios_are_shown_as_rules_write_them(value, words):
    assert ratio(value) == words


def test_a_threshold_reads_over_50_percent():
    template = Template(
        "{% load i18n blocs_tags %}{% blocktranslate trimmed with ratio=value|ratio %}over {{ ratio }}"
        "{% endblocktranslate %}"
    )

    with translation.override("vi"):
        assert template.render(Context({"value": Decimal("0.5")})) == "trên 50 %"
