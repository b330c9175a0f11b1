"""Decree 30 print fidelity, measured on WeasyPrint's laid-out pages of every sample document.

Positions are CSS pixels (96 per inch) from the page's top-left corner, as WeasyPrint lays them out.
"""

import functools

import pytest

from thidua.documents import rendering
from thidua.documents.samples import all_samples, build_sample_document

# WeasyPrint lays the pages out in-process; no PDF is written, so these are not "slow".
pytestmark = pytest.mark.unit

MM = 96 / 25.4
EDGE_MM = 5
KINDS = sorted(all_samples())


@functools.cache
def _boxes():
    from weasyprint.formatting_structure import boxes  # lazily: WeasyPrint stays out of import time (TID253)

    return boxes


class _LazyBoxes:
    def __getattr__(self, name):
        return getattr(_boxes(), name)


boxes = _LazyBoxes()


def laid_out(kind: str):
    return rendering.layout(rendering.render_html(build_sample_document(all_samples()[kind]())))


def printed_boxes(page):
    """Boxes that put ink on the page: text, images (the QR code), and borders (rules, table lines)."""
    for box in page._page_box.descendants():
        if isinstance(box, boxes.TextBox):
            if box.text.strip():
                yield box
        elif isinstance(box, boxes.ReplacedBox) or any(
            getattr(box, f"border_{side}_width", 0) > 0 for side in ("top", "right", "bottom", "left")
        ):
            yield box


def extent(box) -> tuple[float, float, float, float]:
    x, y = box.border_box_x(), box.border_box_y()
    return x, y, x + box.border_width(), y + box.border_height()


def line_text_extent(line) -> tuple[float, float]:
    texts = [box for box in line.descendants() if isinstance(box, boxes.TextBox) and box.text.strip()]
    return min(box.position_x for box in texts), max(box.position_x + box.width for box in texts)


def with_class(page, name: str):
    for box in page._page_box.descendants():
        element = getattr(box, "element", None)
        if (
            element is not None
            and name in (element.get("class") or "").split()
            and box.element_tag != "#text"
        ):
            yield box


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_is_printed_within_5_mm_of_the_paper_edge(kind):
    document = laid_out(kind)

    too_close = []
    for number, page in enumerate(document.pages, start=1):
        for box in printed_boxes(page):
            left, top, right, bottom = extent(box)
            if (
                left < EDGE_MM * MM - 0.5
                or top < EDGE_MM * MM - 0.5
                or right > page.width - EDGE_MM * MM + 0.5
                or bottom > page.height - EDGE_MM * MM + 0.5
            ):
                too_close.append((number, type(box).__name__, getattr(box, "text", "")[:30]))

    assert too_close == []


def test_qr_code_and_its_caption_are_printable_on_page_one_only():
    document = laid_out("notice")
    first, *_rest = document.pages

    qr = [box for box in first._page_box.descendants() if isinstance(box, boxes.ReplacedBox)]
    caption = [
        box
        for box in first._page_box.descendants()
        if isinstance(box, boxes.TextBox) and box.text.startswith("Xác thực văn bản")
    ]
    assert len(qr) == 1
    assert qr[0].width >= 15 * MM  # the code stays readable by a phone
    assert caption and all(box.style["font_size"] >= 10 * 96 / 72 - 0.01 for box in caption)
    assert extent(qr[0])[3] <= first.height - EDGE_MM * MM


def test_decision_qr_is_on_page_one_only():
    document = laid_out("decision")

    pages_with_qr = [
        number
        for number, page in enumerate(document.pages, start=1)
        if any(isinstance(box, boxes.ReplacedBox) for box in page._page_box.descendants())
    ]

    assert pages_with_qr == [1]


@pytest.mark.parametrize("kind", ["notice", "decision", "notice_draft"])
def test_number_is_on_the_same_row_as_place_and_date(kind):
    page = laid_out(kind).pages[0]
    texts = [box for box in page._page_box.descendants() if isinstance(box, boxes.TextBox)]

    number = next(box for box in texts if box.text.startswith("Số:"))
    date = next(box for box in texts if "ngày" in box.text and "Thái" in box.text)

    assert abs((number.position_y + number.baseline) - (date.position_y + date.baseline)) < 0.5
    assert number.position_x + number.width < date.position_x  # number left, date right


@pytest.mark.parametrize("kind", ["notice", "decision"])
def test_rule_under_the_abstract_is_a_third_to_a_half_of_its_line(kind):
    page = laid_out(kind).pages[0]
    abstract = next(with_class(page, "doc-abstract"))
    rule = next(with_class(page, "rule-abstract"))

    widest = max(right - left for left, right in (line_text_extent(line) for line in abstract.children))

    assert 1 / 3 <= rule.border_width() / widest <= 1 / 2
    centre = rule.border_box_x() + rule.border_width() / 2
    assert abs(centre - page.width / 2 - (30 - 15) / 2 * MM) < 1  # centred on the text block


def test_no_line_breaks_inside_a_place_name_or_fixed_phrase():
    sample = all_samples()["notice"]()
    filler = "Đề nghị các doanh nghiệp trong " * 3
    sample.context["paragraphs"] = [
        f"{filler}khu công nghiệp Thanh Bình tỉnh Thái Nguyên họp tại Hội trường của Ban Quản lý {n}."
        for n in range(12)
    ]
    document = rendering.layout(rendering.render_html(build_sample_document(sample)))

    lines = [
        " ".join(box.text for box in line.descendants() if isinstance(box, boxes.TextBox))
        for page in document.pages
        for line in page._page_box.descendants()
        if isinstance(line, boxes.LineBox)
    ]
    ends = [line.replace("\u00a0", " ").split()[-1] for line in lines if line.strip()]
    starts = [line.replace("\u00a0", " ").split()[0] for line in lines if line.strip()]

    for word in ("khu", "công", "Thanh", "Thái", "Ban", "Quản"):
        assert word not in ends, f"a line ends inside a phrase: {word!r}"
    for word in ("nghiệp", "công", "Bình", "Nguyên", "Quản", "lý"):
        assert word not in starts, f"a line starts inside a phrase: {word!r}"
