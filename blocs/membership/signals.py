"""Extension points of the membership, for the sub-domains and apps above it (pledges, scoring, awards) to
connect to in their ``AppConfig.ready()``. The membership never imports them.

``year_closing``
    Sent by ``services.close_year`` with ``year`` (already marked CLOSED, row locked) and ``closed_by``,
    inside the closing transaction, before the year's audit event. A receiver makes the year's records
    read-only in the same transaction (the pledges lock every signed pledge); if it raises, the year stays
    open and nothing of the close is kept. Receivers must not call back into the year close.

``year_closed``
    Sent with ``year`` and ``closed_by`` once the closing transaction has committed. For side effects that
    must not happen for a close that rolls back (e-mails, caches); a failing receiver does not reopen the year.

``member_added``
    Sent by ``services.add_member`` with ``membership`` (the new ACTIVE row) and ``added_by``, inside its
    transaction. A receiver brings the member into what the bloc is doing this year (the pledges open its
    draft pledge when the bloc's template is approved, and tell its representatives).

``member_withdrawn``
    Sent by ``services.withdraw_membership`` with ``membership`` (now WITHDRAWN) and ``withdrawn_by``, inside
    its transaction: the member leaves the bloc's signing sets (the pledges issue the joint pledge when every
    remaining member has signed).

``election_announcement_requested``
    Sent (on commit) by ``services.elections`` with ``election_id`` and ``event`` ("opened" or "closed"); the
    membership's own receiver sends the Celery task that fans the announcement out, so the services stay below
    the tasks (the tasks call the services). Not an extension point for other apps.
"""

from django.dispatch import Signal

year_closing = Signal()
year_closed = Signal()
member_added = Signal()
member_withdrawn = Signal()
election_announcement_requested = Signal()
