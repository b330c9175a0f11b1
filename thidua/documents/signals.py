"""Extension points of the document pipeline. The platform imports no domain app: a domain app that needs
more than the platform knows connects receivers to these signals in its ``AppConfig.ready()``.

``document_viewer``
    Sent with ``user`` and ``document`` when neither the Board's staff rule nor the requester rule lets
    ``user`` see ``document``. A receiver returns True to let the user see it (e.g. the members of a bloc
    for the bloc's joint pledge); anything else is no answer. One True is enough.

``document_outsider``
    Sent with ``user`` and ``document`` when a user of the document's Board may not see it. A receiver
    returns True when the user is outside the document's audience altogether (e.g. an enterprise user and
    another bloc's joint pledge): the answer is then a 404, so the document's existence is not leaked,
    rather than a 403.

``document_samples``
    Sent by ``manage.py render_sample`` to collect the sample documents of every app. A receiver returns a
    dict ``{kind: builder}`` where ``builder()`` returns a ``thidua.documents.samples.SampleDocument``.

``document_kinds``
    Sent to collect the kinds of documents the domain apps issue. A receiver returns a list of
    ``thidua.documents.kinds.DocumentKind`` (what each kind cites and sends by default).

``document_signed`` (sender = the owner's model class)
    Sent inside the signing transaction with ``signature_request``, ``document`` (the issued, numbered
    GeneratedDocument; its render is queued on commit) and ``owner``: the owner becomes ISSUED. A receiver's
    writes commit or roll back with the signature.

``notice_audiences``
    Sent with ``board`` by the notice form: who a notice can be delivered to in the portal. A receiver
    returns a list of ``(key, label)`` pairs, keys unique across apps (e.g. ``("bloc:12", "Members of …")``).

``notice_audience_users``
    Sent with ``board`` and ``key`` once a notice is issued: the receiver that owns ``key`` returns a
    queryset of the users it names (active users of ``board``); the others return None.

``document_returned`` (sender = the owner's model class)
    Sent inside the transaction with ``signature_request`` and ``owner`` when the signer returned the
    document (``signature_request.reason`` says why) or the issuer withdrew it (``signature_request.status``
    tells which): the owner is a DRAFT again.

``render_requested``
    Sent (on commit) with ``document_id`` when a document is pending: issued, retried, or swept up again. The
    platform's own receiver (``thidua.documents.receivers.send_render_task``) sends the Celery task and
    answers True, or False when the broker is down. This keeps the services below the tasks (the tasks call
    the services; the services never import the tasks). Not an extension point for domain apps.

``notice_delivery_requested``
    Sent (on commit) with ``notice_id`` once a notice with an audience is issued; the platform's receiver
    (``thidua.documents.receivers.send_delivery_task``) sends the Celery task that delivers it. Like
    ``render_requested``, it keeps the services below the tasks. Not an extension point for domain apps.
"""

from django.dispatch import Signal

document_viewer = Signal()
document_outsider = Signal()
document_samples = Signal()
document_kinds = Signal()
document_signed = Signal()
document_returned = Signal()
render_requested = Signal()
notice_delivery_requested = Signal()
notice_audiences = Signal()
notice_audience_users = Signal()
