"""What waits for a user: the list at the top of the home page, each item linking to where to act.

The platform imports no domain app: the home view sends ``waiting_items`` with ``user``; every app answers,
in its ``AppConfig.ready()`` receiver, a list of ``Waiting`` for the roles the user holds (Board staff, bloc
leader, enterprise). Each answer is computed in a fixed number of queries (counts in SQL, never a query per
row), so the home page's query count does not grow with the data.
"""

from dataclasses import dataclass

from django.dispatch import Signal
from django.utils.functional import Promise

from thidua.signals import collected_answers

waiting_items = Signal()


@dataclass(frozen=True)
class Waiting:
    """One thing to do. ``count`` None: a step of one's own (e.g. "your pledge: returned"), not a number."""

    order: int
    label: str | Promise
    url: str
    count: int | None = None
    note: str | Promise = ""
    late: bool = False


def waiting_for(user) -> list[Waiting]:
    """What every app says waits for ``user``, without the empty counts, in the apps' order."""
    items = [item for item in collected_answers(waiting_items, user=user) if item.count is None or item.count > 0]
    return sorted(items, key=lambda item: item.order)
