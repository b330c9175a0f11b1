"""In-app notifications and their e-mail: the Notification model, ``notify()``, the navbar bell and the list.

Any app tells people something with one call, ``thidua.notifications.services.notify(users, kind=..., ...)``:
one in-app row per user and, once the transaction commits, one e-mail rendered from
``emails/<kind>_subject.txt`` and ``emails/<kind>_body.txt`` with an absolute link built from ``SITE_URL``.
"""
