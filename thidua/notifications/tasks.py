"""Thin Celery tasks of the notifications; the work lives in ``services`` (imported inside, a leaf)."""

from celery import shared_task


@shared_task(name="notifications.send_digests", ignore_result=True)
def task_send_digests() -> int:
    """Beat, daily: one e-mail per user who reads some kinds in the digest, listing what came since."""
    from thidua.notifications.services import send_digests  # noqa: PLC0415 -- leaf

    return send_digests()
