"""Thin Celery tasks of the membership; the work lives in ``services`` (imported inside, a leaf)."""

from celery import shared_task


@shared_task(name="membership.announce_election", ignore_result=True)
def task_announce_election(*, election_id: int, event: str) -> int:
    """Tell the bloc's member units (and, once a round is over, the Board) that an election opened or that
    its round is over: queued on commit, so the request that opened or closed it does not fan out."""
    from blocs.membership.services.announcements import announce_election  # noqa: PLC0415 -- leaf

    return announce_election(election_id=election_id, event=event)
