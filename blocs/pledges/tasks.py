"""Thin Celery tasks of the pledges; the work lives in ``services``."""

from celery import shared_task

from blocs.pledges.services import send_due_reminders, send_review_reminders


@shared_task(name="pledges.send_pledge_reminders", ignore_result=True)
def task_send_pledge_reminders() -> int:
    """Beat, daily: remind representatives whose pledge waits for them before the deadline, and the reviewers
    of pledges submitted days ago (each once per step)."""
    return send_due_reminders() + send_review_reminders()
