"""The letterhead lines in their official form, and fitting them into the Decree 30 header columns
(domain.md §9.2).

The parent body is printed in its short official form: Decree 30/2020 Appendix I lets the common words be
abbreviated, and "UBND TỈNH THÁI NGUYÊN" is how provincial bodies head their documents (``short_parent_line``).
A decision's authority line names the head of the issuing body with its locality, which comes from the parent
line: "TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH THÁI NGUYÊN" (``authority_line``).

The header is a two-column table: the parent and issuing bodies on the left (``LEFT_COLUMN_MM``), the
national title and motto on the right. A Board's lines such as "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" are wider
than the left column at 12 pt, and a browser-style wrap leaves one word alone on the second line
("… TỈNH THÁI / NGUYÊN"). Official documents break such lines into balanced halves ("ỦY BAN NHÂN DÂN / TỈNH
THÁI NGUYÊN"), so the renderer measures the text with the shipped font's advance widths and picks the break
itself. The sizes here must match ``static/pdf/print.css``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import combinations, pairwise
from pathlib import Path

from django.conf import settings

# A4 (210 mm) minus the 30 mm left and 15 mm right margins; the left column takes 45 % of it.
TEXT_WIDTH_MM = 210 - 30 - 15
LEFT_COLUMN_MM = TEXT_WIDTH_MM * 0.45
SAFETY_MM = 2.0  # kerning and rounding
LETTERHEAD_PT = 12.0
PT_TO_MM = 25.4 / 72
FONT_FILES = {False: "LiberationSerif-Regular.ttf", True: "LiberationSerif-Bold.ttf"}
MAX_LINES = 3  # beyond that the text is left to the stylesheet's ordinary wrapping


# Common words of a parent body's name and their official abbreviations (Decree 30/2020, Appendix I).
_LONG_FORMS = (
    (re.compile(r"^(ỦY|UỶ) BAN NHÂN DÂN(?= |$)"), "UBND"),
    (re.compile(r"^HỘI ĐỒNG NHÂN DÂN(?= |$)"), "HĐND"),
)
_SHORT_PREFIXES = ("UBND", "HĐND")
_BREAKABLE_SPACES = re.compile(r"[ \t\r\n]+")


def _upper_words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).upper().split())


def short_parent_line(line: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" → "UBND TỈNH THÁI NGUYÊN"; other lines are upper-cased only."""
    text = _upper_words(line)
    for pattern, short in _LONG_FORMS:
        text = pattern.sub(short, text)
    return text


def locality_of(parent_body_line: str) -> str:
    """ "TỈNH THÁI NGUYÊN" from "UBND TỈNH THÁI NGUYÊN" (or its long form); "" for a parent that is not a
    local People's Committee or Council (e.g. a ministry)."""
    words = short_parent_line(parent_body_line).split(" ")
    if words and words[0] in _SHORT_PREFIXES:
        return " ".join(words[1:])
    return ""


def authority_line(*, head_title: str, issuing_body_line: str, parent_body_line: str) -> str:
    """ "TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH THÁI NGUYÊN": the head's title merged with the issuing
    body ("Trưởng ban" + "BAN QUẢN LÝ …" share the word BAN), then the locality unless the body already ends
    with it."""
    head = _upper_words(head_title).split()
    body = _upper_words(issuing_body_line).split()
    overlap = next((k for k in range(min(len(head), len(body)), 0, -1) if head[-k:] == body[:k]), 0)
    words = head + body[overlap:]
    locality = locality_of(parent_body_line).split()
    if locality and words[-len(locality) :] != locality:
        words += locality
    return " ".join(words)


@functools.cache
def _advances(bold: bool) -> tuple[dict[str, float], float]:
    """Advance width of every mapped character, in em, and the average for unmapped ones."""
    from fontTools.ttLib import TTFont  # noqa: PLC0415 -- loaded by the renderer only, not by web requests

    font = TTFont(Path(settings.BASE_DIR, "static", "fonts", FONT_FILES[bold]), lazy=True)
    per_em = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    advances = {chr(code): metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
    font.close()
    return advances, sum(advances.values()) / len(advances)


def text_width_mm(text: str, *, bold: bool, size_pt: float = LETTERHEAD_PT) -> float:
    advances, average = _advances(bold)
    return sum(advances.get(char, average) for char in text) * size_pt * PT_TO_MM


def balanced_lines(
    text: str, *, bold: bool, size_pt: float = LETTERHEAD_PT, width_mm: float = LEFT_COLUMN_MM - SAFETY_MM
) -> list[str]:
    """``text`` as is when it fits ``width_mm``; else broken at spaces into the fewest lines (at most
    ``MAX_LINES``) that fit, the widest of them as narrow as possible. If even ``MAX_LINES`` balanced lines
    do not fit, those are returned and the stylesheet wraps them further."""
    text = " ".join(word for word in _BREAKABLE_SPACES.split(text) if word)  # non-breaking spaces stay
    if not text or text_width_mm(text, bold=bold, size_pt=size_pt) <= width_mm:
        return [text] if text else []
    words = text.split(" ")
    best: list[str] = [text]
    for line_count in range(2, min(MAX_LINES, len(words)) + 1):
        candidates = []
        for cuts in combinations(range(1, len(words)), line_count - 1):
            bounds = (0, *cuts, len(words))
            lines = [" ".join(words[a:b]) for a, b in pairwise(bounds)]
            widest = max(text_width_mm(line, bold=bold, size_pt=size_pt) for line in lines)
            candidates.append((widest, lines))
        widest, lines = min(candidates, key=lambda candidate: candidate[0])
        best = lines
        if widest <= width_mm:
            break
    return best
