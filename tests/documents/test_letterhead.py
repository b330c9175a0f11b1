import re

import pytest

from tests.pdf_tools import poppler
from thidua.documents import rendering
from thidua.documents.letterhead import (
    LEFT_COLUMN_MM,
    authority_line,
    balanced_lines,
    locality_of,
    short_parent_line,
    text_width_mm,
)
from thidua.documents.samples import all_samples, build_sample_document
from thidua.documents.templatetags.pdf_text import title_lines

MM = 72 / 25.4
LEFT_MARGIN_PT = 30 * MM
COLUMN_SPLIT_PT = LEFT_MARGIN_PT + LEFT_COLUMN_MM * MM


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "bold", "expected"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", False, ["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"]),
        ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", True, ["BAN QUẢN LÝ CÁC", "KHU CÔNG NGHIỆP"]),
        ("UBND TỈNH THÁI NGUYÊN", False, ["UBND TỈNH THÁI NGUYÊN"]),
        ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", False, ["ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"]),
        ("  BAN QUẢN LÝ   KHU KINH TẾ ", True, ["BAN QUẢN LÝ KHU KINH TẾ"]),
        ("", True, []),
    ],
)
def test_long_letterhead_lines_break_into_balanced_halves(text, bold, expected):
    assert balanced_lines(text, bold=bold) == expected


@pytest.mark.unit
def test_the_longest_line_at_12pt_does_not_fit_the_left_column():
    """Why the parent body line is broken: the column (45 % of the text width) cannot hold it at 12 pt."""
    assert text_width_mm("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", bold=False, size_pt=12) > LEFT_COLUMN_MM


@pytest.mark.unit
def test_a_very_long_line_is_capped_at_three_lines():
    lines = balanced_lines("BAN QUẢN LÝ " * 12, bold=True)

    assert len(lines) == 3


NB = "\u00a0"


@pytest.mark.unit
def test_context_and_html_carry_the_short_parent_line_and_balanced_issuing_lines():
    sample = all_samples()["notice"]()
    document = build_sample_document(sample)
    document.letterhead["parent_body_line"] = "Ủy ban nhân dân tỉnh Thái Nguyên"  # as a Board might type it

    context = rendering.document_context(document)
    html = rendering.render_html(document)

    assert context["letterhead"]["parent_body_lines"] == [f"UBND TỈNH{NB}THÁI{NB}NGUYÊN"]
    assert context["letterhead"]["issuing_body_lines"] == [f"BAN{NB}QUẢN{NB}LÝ CÁC", f"KHU{NB}CÔNG{NB}NGHIỆP"]
    assert f"BAN{NB}QUẢN{NB}LÝ CÁC<br>KHU{NB}CÔNG{NB}NGHIỆP" in html
    assert '<span class="motto-text">Độc lập - Tự do - Hạnh phúc</span>' in html


@pytest.mark.unit
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "UBND TỈNH THÁI NGUYÊN"),
        ("Uỷ ban nhân dân tỉnh Đắk Lắk", "UBND TỈNH ĐẮK LẮK"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "UBND THÀNH PHỐ HÀ NỘI"),
        ("UBND TỈNH THÁI NGUYÊN", "UBND TỈNH THÁI NGUYÊN"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH BẮC NINH", "HĐND TỈNH BẮC NINH"),
        ("BAN QUẢN LÝ CÁC KCN TỈNH THÁI NGUYÊN", "BAN QUẢN LÝ CÁC KCN TỈNH THÁI NGUYÊN"),
    ],
)
def test_parent_line_in_its_short_official_form(line, expected):
    assert short_parent_line(line) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    ("parent", "locality"),
    [
        ("UBND TỈNH THÁI NGUYÊN", "TỈNH THÁI NGUYÊN"),
        ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "TỈNH THÁI NGUYÊN"),
        ("BỘ CÔNG THƯƠNG", ""),
    ],
)
def test_locality_of_the_parent_line(parent, locality):
    assert locality_of(parent) == locality


@pytest.mark.unit
@pytest.mark.parametrize(
    ("head", "issuing", "parent", "expected"),
    [
        # The defect: the long parent form left "UBND" (or "ỦY BAN NHÂN DÂN") in the authority line.
        (
            "Trưởng ban",
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
            "UBND TỈNH THÁI NGUYÊN",
            "TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH THÁI NGUYÊN",
        ),
        (
            "Trưởng ban",
            "BAN QUẢN LÝ KHU KINH TẾ",
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
            "TRƯỞNG BAN QUẢN LÝ KHU KINH TẾ TỈNH ĐẮK LẮK",
        ),
        (
            "Trưởng ban",
            "BAN QUẢN LÝ CÁC KCN TỈNH BẮC NINH",
            "UBND TỈNH BẮC NINH",
            "TRƯỞNG BAN QUẢN LÝ CÁC KCN TỈNH BẮC NINH",
        ),
        ("Giám đốc", "SỞ NỘI VỤ", "UBND TỈNH THÁI NGUYÊN", "GIÁM ĐỐC SỞ NỘI VỤ TỈNH THÁI NGUYÊN"),
    ],
)
def test_authority_line_is_built_from_the_parent_line(head, issuing, parent, expected):
    assert authority_line(head_title=head, issuing_body_line=issuing, parent_body_line=parent) == expected


@pytest.mark.unit
def test_authority_line_breaks_outside_fixed_phrases():
    document = build_sample_document(all_samples()["decision"]())

    line = rendering.document_context(document)["letterhead"]["authority_line"]

    assert title_lines(line) == [
        f"TRƯỞNG BAN{NB}QUẢN{NB}LÝ CÁC",
        f"KHU{NB}CÔNG{NB}NGHIỆP TỈNH{NB}THÁI{NB}NGUYÊN",
    ]


def _words_on_page_one(pdf_path) -> list[tuple[str, float, float, float]]:
    """(word, xMin, xMax, height) of every word on page 1, from ``pdftotext -bbox``."""
    out = poppler("pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf_path), "-")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [
        (word, float(x0), float(x1), float(y1) - float(y0))
        for x0, y0, x1, y1, word in re.findall(pattern, out)
    ]


@pytest.mark.integration
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["notice", "decision"])
def test_header_columns_and_type_sizes_in_the_pdf(kind, tmp_path):
    pdf = tmp_path / f"{kind}.pdf"
    pdf.write_bytes(rendering.render_pdf(build_sample_document(all_samples()[kind]())))

    words = _words_on_page_one(pdf)
    header = words[: [w[0] for w in words].index("Số:")]  # the header comes first in reading order
    left = [w for w in header if w[0] in {"ỦY", "BAN", "NHÂN", "DÂN", "TỈNH", "THÁI", "NGUYÊN", "QUẢN", "LÝ"}]
    national = [w for w in header if w[0] in {"CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"}]
    motto = [w for w in header if w[0] in {"Độc", "lập", "Hạnh", "phúc"}]

    assert len(national) == 8
    assert all(x0 >= LEFT_MARGIN_PT - 1 and x1 <= COLUMN_SPLIT_PT for _w, x0, x1, _h in left)
    assert all(x0 >= COLUMN_SPLIT_PT for _w, x0, _x1, _h in national + motto)
    # Box heights scale with the font size: the letterhead and national title at 12 pt, the motto at 13 pt.
    twelve = national[0][3]
    assert all(abs(h - twelve) < 0.2 for *_rest, h in left + national)
    assert all(abs(h / twelve - 13 / 12) < 0.02 for *_rest, h in motto)
