"""Fitting the letterhead lines into the Decree 30 header columns (domain.md §9.2).

The header is a two-column table: the parent and issuing bodies on the left (``LEFT_COLUMN_MM``), the
national title and motto on the right. A Board's lines such as "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" are wider
than the left column at 12 pt, and a browser-style wrap leaves one word alone on the second line
("… TỈNH THÁI / NGUYÊN"). Official documents break such lines into balanced halves ("ỦY BAN NHÂN DÂN / TỈNH
THÁI NGUYÊN"), so the renderer measures the text with the shipped font's advance widths and picks the break
itself. The sizes here must match ``static/pdf/print.css``.
"""

from __future__ import annotations

import functools
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
    text = " ".join(text.split())
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
