"""Thin Celery tasks of quarterly reporting; the work lives in the services."""

from celery import shared_task

from scoring.quarterly.services.periods import open_due_periods
from scoring.quarterly.services.reminders import send_report_reminders


@shared_task(name="scoring.send_quarterly_reminders", ignore_result=True)
def task_send_quarterly_reminders() -> int:
    """Beat, daily: open the periods whose quarter has ended (and add reports for late members), then remind
    whoever has not submitted before a deadline and the reviewers of reports waiting for them."""
    open_due_periods()
    return send_report_reminders()
