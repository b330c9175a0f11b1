"""The client's IP address, the one answer used by login throttling, pledge signatures and the audit log.

Behind reverse proxies ``REMOTE_ADDR`` is the nearest proxy, and each proxy appends the address it saw to
``X-Forwarded-For``. Only the entries written by proxies we run can be trusted: anything to their left was
sent by the client and may be forged. With ``TRUSTED_PROXY_COUNT = n`` (environment variable, default 0)
the client is therefore the n-th entry from the right of ``X-Forwarded-For``:

- ``0``: no proxy is trusted, the header is ignored and ``REMOTE_ADDR`` is the client;
- ``1``: one proxy (nginx in front of gunicorn): the last entry, the address nginx saw;
- a header with fewer than n entries did not come through our n proxies: ``REMOTE_ADDR`` is used.

An entry that is not an IP address also falls back to ``REMOTE_ADDR``, so a bad header never reaches an
IP-address column.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _ip_or_none(value: str | None) -> str | None:
    value = (value or "").strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address as our trusted proxies report it, or ``None`` without a request."""
    if request is None:
        return None
    remote = _ip_or_none(request.META.get("REMOTE_ADDR"))
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < trusted:
        return remote
    return _ip_or_none(forwarded[-trusted]) or remote
