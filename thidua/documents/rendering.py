"""HTML and PDF of an official document, in three separate steps (house style §3.6).

- ``document_context(document)`` is pure data: the caller's context snapshot plus the letterhead, number,
  date line, signer block, recipients and the verification URL with its QR code;
- ``render_html(document)`` renders the document's template (under ``templates/pdf/``);
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

from thidua.documents.letterhead import balanced_lines

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


def qr_data_uri(url: str) -> str:
    """An SVG data URI of a QR code for ``url`` (segno; medium error correction)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=1)


def verification_url(token: str) -> str:
    return settings.SITE_URL + reverse("documents:verify", args=[token])


# ---------------------------------------------------------------------------
# Context and HTML
# ---------------------------------------------------------------------------
def document_context(document: GeneratedDocument) -> dict[str, Any]:
    """Everything a PDF template needs, from the document's own fields and snapshots only (no queries)."""
    url = verification_url(document.verification_token)
    letterhead = dict(document.letterhead)
    # The header's left column cannot hold long lines at 12 pt: break them into balanced lines.
    letterhead["parent_body_lines"] = balanced_lines(letterhead.get("parent_body_line", ""), bold=False)
    letterhead["issuing_body_lines"] = balanced_lines(letterhead.get("issuing_body_line", ""), bold=True)
    return {
        **document.context,
        "document": {
            "kind": document.kind,
            "doc_type": document.doc_type,
            "title": document.title,
            "number": document.number,
            "number_and_symbol": number_and_symbol(document.number, document.symbol),
            "issued_on": document.issued_on,
            "date_words": date_words(document.issued_on),
            "date_line": date_line(letterhead.get("place_name", ""), document.issued_on),
            "created_iso": document.issued_on.isoformat(),
        },
        "letterhead": letterhead,
        "signer": {
            "prefix": document.signer_prefix,
            "authority": document.signer_authority,
            "title": document.signer_title,
            "name": document.signer_name,
        },
        "recipients": list(document.recipients),
        "verification": {"url": url, "qr": qr_data_uri(url), "token": document.verification_token},
    }


def render_html(document: GeneratedDocument) -> str:
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


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML string rendered with the shared engine (relative URLs resolve to file:///)."""
    from weasyprint import HTML  # lazily: WeasyPrint stays out of import time (TID253)

    eng = engine()
    document = HTML(string=html, base_url="file:///", url_fetcher=eng.url_fetcher, encoding="utf-8")
    return document.write_pdf(
        stylesheets=list(eng.stylesheets),
        font_config=eng.font_config,
        presentational_hints=False,
        uncompressed_pdf=False,
    )


def render_pdf(document: GeneratedDocument) -> bytes:
    return html_to_pdf(render_html(document))
