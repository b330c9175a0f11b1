"""System checks of the documents pipeline (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error

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
