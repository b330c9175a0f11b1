"""No line break inside a proper name or a fixed phrase of an official document.

A clerk would never let "khu công / nghiệp", "Thái / Nguyên" or "ngày / 05" be split across two lines. The
renderer joins the words of such phrases with non-breaking spaces (U+00A0) before the HTML is laid out:

- fixed phrases of the domain ("khu công nghiệp", "Ban Quản lý", "Khối thi đua", …) and the place names the
  caller gives (the Board's place and locality), in any letter case;
- a word that names a unit or a number and what follows ("tỉnh Thái Nguyên", "KCN Thanh Bình",
  "ngày 05", "Điều 1.", "số 152/2025/NĐ-CP");
- a proper name: two to four consecutive capitalised words ("Nguyễn Thị Hồng Ngọc", "Lechenwood Việt Nam");
  text written all in capitals (headings) is left to the explicit phrases.

Longer runs are left breakable, so a line is never forced wider than the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

NBSP = "\u00a0"
FIXED_PHRASES = (
    "khu công nghiệp",
    "khu kinh tế",
    "khu chế xuất",
    "cụm công nghiệp",
    "Ban Quản lý",
    "Khối thi đua",
    "Cụm thi đua",
    "Khối trưởng",
    "Khối phó",
    "Cờ thi đua",
    "Bằng khen",
    "Giấy khen",
    "Chiến sĩ thi đua",
    "Lao động tiên tiến",
    "Ủy ban nhân dân",
    "Hội đồng Thi đua - Khen thưởng",
    "Độc lập - Tự do - Hạnh phúc",
)
# Words that stay with the word after them when that word is a name (capitalised) ...
BEFORE_NAME = frozenset(
    {"tỉnh", "thành phố", "phường", "xã", "huyện", "quận", "thị xã", "kcn", "kkt", "ccn", "khu công nghiệp"}
)
# ... or a number (compared case-insensitively).
BEFORE_NUMBER = frozenset({"ngày", "tháng", "năm", "số", "điều", "khoản", "điểm", "mục", "phụ lục"})
MAX_NAME_WORDS = 4
_TRAILING_PUNCTUATION = ',.;:!?)”"'


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({" ".join(p.split()) for p in phrases if len(p.split()) > 1}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in phrase.split(" ")) for phrase in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_FIXED = _phrase_pattern(FIXED_PHRASES + tuple(BEFORE_NAME) + tuple(BEFORE_NUMBER))


def _is_title_case(word: str) -> bool:
    """ "Thái", "Việt", "Lechenwood": a capital then at least one lower-case letter."""
    letters = [ch for ch in word if ch.isalpha()]
    return (
        bool(letters) and letters[0].isupper() and word[0].isupper() and any(ch.islower() for ch in letters)
    )


def _is_acronym(word: str) -> bool:
    return 1 < len(word) <= 5 and word.isalpha() and word.isupper()


def _join(match: re.Match[str]) -> str:
    return NBSP.join(match.group(0).split())


def keep_together(text: str, *, phrases: Iterable[str] = ()) -> str:
    """``text`` with non-breaking spaces inside fixed phrases, ``phrases`` and proper names."""
    if not text or " " not in text:
        return text
    text = _FIXED.sub(_join, text) if _FIXED else text
    extra = _phrase_pattern(phrases)
    if extra is not None:
        text = extra.sub(_join, text)
    tokens = text.split(" ")
    out = [tokens[0]]
    run = 1  # words in the current proper-name run
    for previous, word in pairwise(tokens):
        bare_previous = previous.replace(NBSP, " ").casefold()
        ends_clause = previous[-1:] in _TRAILING_PUNCTUATION if previous else True
        join = False
        if not ends_clause and word:
            if (bare_previous in BEFORE_NUMBER and word[0].isdigit()) or (
                bare_previous in BEFORE_NAME and _is_title_case(word)
            ):
                join = True
            elif (
                _is_title_case(word)
                and (_is_title_case(previous) or _is_acronym(previous))
                and run < MAX_NAME_WORDS
            ):
                join = True
                run += 1
            else:
                run = 1
        else:
            run = 1
        out.append((NBSP if join else " ") + word)
    return "".join(out)


def keep_together_in(value, *, phrases: Iterable[str] = ()):
    """``keep_together`` applied to every string inside ``value`` (dicts and lists walked, keys untouched)."""
    phrases = tuple(phrases)
    if isinstance(value, str):
        return keep_together(value, phrases=phrases)
    if isinstance(value, dict):
        return {key: keep_together_in(item, phrases=phrases) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [keep_together_in(item, phrases=phrases) for item in value]
    return value
