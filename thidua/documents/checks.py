"""System checks of the documents pipeline (``manage.py check --deploy``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error

LOOPBACK_HOSTS = frozenset({"localhost", "::1", "0.0.0.0"})

E001_MESSAGE = (
    "Official documents would be rendered inside the web request: Celery tasks run eagerly "
    "(no REDIS_URL, or CELERY_TASK_ALWAYS_EAGER is on) while DEBUG is off."
)


def check_celery_required(app_configs=None, **kwargs) -> list[Error]:
    """In production a real broker and a separate worker render the PDFs (operations.md P4).

    Registered with ``deploy=True`` by ``DocumentsConfig.ready``: it runs under ``check --deploy``."""
    if settings.DEBUG:
        return []
    eager = bool(getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False))
    if eager or not getattr(settings, "REDIS_URL", ""):
        return [
            Error(
                E001_MESSAGE,
                hint="Set REDIS_URL (e.g. redis://redis:6379/0), run `celery -A thidua worker` and "
                "`celery -A thidua beat`, and leave CELERY_TASK_ALWAYS_EAGER off.",
                id="documents.E001",
            )
        ]
    return []


E002_MESSAGE = (
    "SITE_URL is not the portal's public address: the QR code printed on every official document would point "
    "to %(url)r."
)


def check_site_url(app_configs=None, **kwargs) -> list[Error]:
    """The verification link on each PDF is built from SITE_URL: in production it must be the public https
    address people reach (``make run`` sets it from HOST and PORT, with DEBUG on)."""
    if settings.DEBUG:
        return []
    url = getattr(settings, "SITE_URL", "") or ""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host or host in LOOPBACK_HOSTS or host.startswith("127."):
        return [
            Error(
                E002_MESSAGE % {"url": url},
                hint="Set SITE_URL to the public address, e.g. SITE_URL=https://thidua.example.vn",
                id="documents.E002",
            )
        ]
    return []
