"""In-app notifications and their e-mail: the Notification model, ``notify()``, the navbar bell and the list,
each user's e-mail preferences and the daily digest.

Any app tells people something with one call, ``thidua.notifications.services.notify(users, kind=..., ...)``:
one in-app row per user and, once the transaction commits, one e-mail rendered from
``emails/<kind>_subject.txt`` and ``emails/<kind>_body.txt`` (or the generic ``emails/notification_*``) with
an absolute link built from ``SITE_URL`` — at once, or in the daily digest (``send_digests``, beat), or not at
all, as the user chose for that kind. Apps declare their kinds through ``kinds.notification_kinds``.
"""
