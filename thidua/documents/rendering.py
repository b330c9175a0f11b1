"""HTML and PDF of an official document, in three separate steps (house style §3.6).

- ``document_context(document)`` is pure data: the caller's context snapshot plus the letterhead (parent line
  in its short official form, the authority line), number, date line, signer block, recipients and the
  verification URL with its QR code; a preview ("DỰ THẢO") has no number, no day and no QR code. Proper
  names and fixed phrases get non-breaking spaces (``typography``);
- ``render_html(document)`` renders the document's template (under ``templates/pdf/``), always in
  Vietnamese (``translation.override("vi")``) whatever language the person who asked for it uses;
- ``render_pdf(document)`` turns that HTML into PDF bytes with WeasyPrint.

WeasyPrint is imported inside functions only (ruff TID253), so importing this module costs nothing. Each
process keeps ONE ``FontConfiguration``, one parsed print stylesheet and one URL fetcher. The fetcher reads
files under ``static/`` and ``MEDIA_ROOT`` from disk and refuses everything else (http, https, ftp,
``file://`` elsewhere): text typed by a user can never make the worker fetch anything. ``data:`` URIs are
served (the QR code is one).

The PDF is deterministic for a given snapshot (fixed metadata dates, no random file identifier), so a
re-render after a crash produces the same bytes and the same SHA-256.
"""

from __future__ import annotations

import atexit
import functools
import mimetypes
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from thidua.documents.letterhead import authority_line, balanced_lines, locality_of, short_parent_line
from thidua.documents.typography import NBSP, keep_together, keep_together_in

if TYPE_CHECKING:
    from thidua.documents.models import GeneratedDocument

PRINT_CSS = "pdf/print.css"
# Keys the platform puts in every template context; a caller's context may not use them.
RESERVED_CONTEXT_KEYS = frozenset({"document", "letterhead", "signer", "recipients", "verification"})


class RefusedURL(ValueError):
    """A resource URL the renderer will not fetch."""


# ---------------------------------------------------------------------------
# Pure formatting (Decree 30/2020, Appendix I)
# ---------------------------------------------------------------------------
def number_and_symbol(number: int, symbol: str) -> str:
    """``5, "TB-BQL"`` → ``"05/TB-BQL"``: numbers below 10 get a leading zero; no spaces."""
    return f"{number:02d}/{symbol}"


def date_words(day: date) -> str:
    """``ngày 05 tháng 01 năm 2026``: day < 10 and months 1 and 2 get a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str, day: date) -> str:
    """``Thái Nguyên, ngày 05 tháng 01 năm 2026``."""
    return f"{place}, {date_words(day)}"


def draft_number(symbol: str) -> str:
    """ "        /TB-BQL": a preview leaves the number blank (it is taken when the document is signed)."""
    return f"{NBSP * 8}/{symbol}"


def draft_date_line(place: str, day: date) -> str:
    """ "Thái Nguyên, ngày      tháng      năm 2026": the day of signing is not known yet."""
    gap = NBSP * 6
    return f"{place}, ngày{gap}tháng{gap}năm {day.year}"


def qr_data_uri(url: str) -> str:
    """An SVG data URI of a QR code for ``url`` (segno; medium error correction)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=1)


def verification_url(token: str) -> str:
    return settings.SITE_URL + reverse("documents:verify", args=[token])


# ---------------------------------------------------------------------------
# Context and HTML
# ---------------------------------------------------------------------------
def letterhead_context(snapshot: dict) -> dict[str, Any]:
    """The letterhead as printed: the parent line shortened ("UBND TỈNH …"), long lines balanced without
    breaking a fixed phrase, and the authority line of decisions built from the parent line's locality."""
    letterhead = dict(snapshot)
    parent = short_parent_line(letterhead.get("parent_body_line", ""))
    issuing = " ".join(letterhead.get("issuing_body_line", "").upper().split())
    phrases = place_phrases(letterhead)
    letterhead["parent_body_line"] = parent
    letterhead["parent_body_lines"] = balanced_lines(keep_together(parent, phrases=phrases), bold=False)
    letterhead["issuing_body_lines"] = balanced_lines(keep_together(issuing, phrases=phrases), bold=True)
    letterhead["authority_line"] = (
        keep_together(
            authority_line(
                head_title=letterhead["head_title"], issuing_body_line=issuing, parent_body_line=parent
            ),
            phrases=phrases,
        )
        if letterhead.get("head_title")
        else ""
    )
    return letterhead


def place_phrases(letterhead: dict) -> tuple[str, ...]:
    """Place names that must not break across lines: the place of the date line and the parent's locality."""
    return tuple(
        phrase
        for phrase in (letterhead.get("place_name", ""), locality_of(letterhead.get("parent_body_line", "")))
        if phrase
    )


def document_context(document: GeneratedDocument) -> dict[str, Any]:
    """Everything a PDF template needs, from the document's own fields and snapshots only (no queries)."""
    letterhead = letterhead_context(document.letterhead)
    phrases = place_phrases(document.letterhead)
    place = keep_together(letterhead.get("place_name", ""), phrases=phrases)
    if document.is_draft:
        number = draft_number(document.symbol)
        day_line = draft_date_line(place, document.issued_on)
        verification = None
    else:
        url = verification_url(document.verification_token)
        number = number_and_symbol(document.number, document.symbol)
        day_line = date_line(place, document.issued_on)
        verification = {"url": url, "qr": qr_data_uri(url), "token": document.verification_token}
    return {
        **keep_together_in(document.context, phrases=phrases),
        "document": {
            "kind": document.kind,
            "doc_type": document.doc_type,
            "title": keep_together(document.title, phrases=phrases),
            "number": document.number,
            "number_and_symbol": number,
            "is_draft": document.is_draft,
            "issued_on": document.issued_on,
            "date_words": date_words(document.issued_on),
            "date_line": day_line,
            "created_iso": document.issued_on.isoformat(),
        },
        "letterhead": letterhead,
        "signer": {
            "prefix": document.signer_prefix,
            "authority": document.signer_authority,
            "title": document.signer_title,
            "name": keep_together(document.signer_name),
        },
        "recipients": keep_together_in(list(document.recipients), phrases=phrases),
        "verification": verification,
    }


def render_html(document: GeneratedDocument) -> str:
    """The document's HTML, in Vietnamese whatever the language active in the caller (an English page, a
    worker without locale): official documents are Vietnamese."""
    with translation.override("vi"):
        return render_to_string(document.template_name, document_context(document))


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------
def allowed_roots() -> tuple[Path, ...]:
    return (Path(settings.BASE_DIR, "static").resolve(), Path(settings.MEDIA_ROOT).resolve())


def local_path_for(url: str) -> Path:
    """The file on disk a ``file:`` URL names, if it lies under ``static/`` or MEDIA_ROOT; else refuse.

    ``file:///static/x`` and ``file:///media-not-served/x`` (what ``{% static %}`` and ``.url`` give
    against the ``file:///`` base URL) map to those folders.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"Refused to fetch {url!r}: only local static and media files are allowed.")
    raw = unquote(parts.path)
    static_root, media_root = allowed_roots()
    if raw.startswith(settings.STATIC_URL):
        candidate = static_root / raw.removeprefix(settings.STATIC_URL)
    elif raw.startswith(settings.MEDIA_URL):
        candidate = media_root / raw.removeprefix(settings.MEDIA_URL)
    else:
        candidate = Path(raw)
    resolved = candidate.resolve()
    if not any(resolved.is_relative_to(root) for root in (static_root, media_root)):
        raise RefusedURL(f"Refused to fetch {url!r}: outside the static and media folders.")
    if not resolved.is_file():
        raise RefusedURL(f"Refused to fetch {url!r}: no such file.")
    return resolved


@functools.cache
def url_fetcher_class() -> type:
    """The ``URLFetcher`` subclass (WeasyPrint ≥ 68 API), built on first use so WeasyPrint loads lazily."""
    from weasyprint.urls import (
        URLFetcher,
        URLFetcherResponse,
    )  # lazily: WeasyPrint stays out of import time (TID253)

    class LocalFilesURLFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)
            path = local_path_for(url)
            mime_type, _encoding = mimetypes.guess_type(path.name)
            return URLFetcherResponse(
                path.as_uri(),
                path.read_bytes(),
                headers={"Content-Type": mime_type or "application/octet-stream"},
            )

    return LocalFilesURLFetcher


def make_url_fetcher() -> Any:
    return url_fetcher_class()(allowed_protocols=("file", "data"), allow_redirects=False, timeout=5)


@dataclass(frozen=True)
class Engine:
    """What one process reuses across renders."""

    font_config: Any
    stylesheets: tuple[Any, ...]
    url_fetcher: Any


@functools.cache
def engine() -> Engine:
    from weasyprint import CSS  # lazily: WeasyPrint stays out of import time (TID253)
    from weasyprint.text.fonts import (
        FontConfiguration,
    )  # lazily: WeasyPrint stays out of import time (TID253)

    font_config = FontConfiguration()
    fetcher = make_url_fetcher()
    css_path = Path(settings.BASE_DIR, "static", PRINT_CSS)
    stylesheet = CSS(filename=str(css_path), font_config=font_config, url_fetcher=fetcher)
    # Release the fonts while the interpreter is still whole (FontConfiguration.__del__ needs its module).
    atexit.register(engine.cache_clear)
    return Engine(font_config=font_config, stylesheets=(stylesheet,), url_fetcher=fetcher)


def _options() -> dict[str, Any]:
    from weasyprint import DEFAULT_OPTIONS  # lazily: WeasyPrint stays out of import time (TID253)

    options = dict(DEFAULT_OPTIONS)
    options.update(stylesheets=list(engine().stylesheets), presentational_hints=False, uncompressed_pdf=False)
    return options


def layout(html: str) -> Any:
    """The laid-out WeasyPrint document (pages and boxes) of an HTML string, with the shared engine;
    relative URLs resolve to file:///. Tests read positions and sizes from it."""
    from weasyprint import HTML  # lazily: WeasyPrint stays out of import time (TID253)

    eng = engine()
    document = HTML(string=html, base_url="file:///", url_fetcher=eng.url_fetcher, encoding="utf-8")
    return document.render(font_config=eng.font_config, **_options())


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML string rendered with the shared engine."""
    from weasyprint import DEFAULT_OPTIONS  # lazily: WeasyPrint stays out of import time (TID253)

    options = _options()
    return layout(html).write_pdf(**{key: options[key] for key in DEFAULT_OPTIONS})


def render_pdf(document: GeneratedDocument) -> bytes:
    return html_to_pdf(render_html(document))
