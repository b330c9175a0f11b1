"""Vietnamese accent folding: the search key that lets "hong ngoc" find "Hồng Ngọc"."""

import unicodedata


def search_key(text: str) -> str:
    """Lower-case, strip diacritics (đ → d), collapse whitespace."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
