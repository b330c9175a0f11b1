"""The one helper every state-changing service calls: ``record_event``."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from thidua.audit.chain import GENESIS_HASH, link_hash
from thidua.audit.models import AuditChainHead, AuditEvent
from thidua.client_ip import client_ip


def json_safe(value: dict) -> dict:
    """What the JSON column will give back, so the hash is computed on exactly what is stored."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def record_event(
    *,
    action: str,
    actor=None,
    organization=None,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    changes: dict | None = None,
    request=None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one event to its Board's chain. Runs inside the caller's transaction, so it commits or rolls
    back with it."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if organization is None and actor is not None:
        organization = actor.organization
    with transaction.atomic():
        head = _locked_head(organization)
        event = AuditEvent(
            seq=head.last_seq + 1,
            created_at=timezone.now(),
            actor=actor,
            actor_label=actor_label or (actor.email if actor is not None else ""),
            organization=organization,
            action=action,
            object_type=object_type,
            object_id=str(object_id or ""),
            changes=json_safe(changes or {}),
            ip=client_ip(request),
            prev_hash=head.last_hash,
        )
        event.row_hash = link_hash(event.prev_hash, event)
        event.save()
        AuditChainHead.objects.filter(pk=head.pk).update(last_seq=event.seq, last_hash=event.row_hash)
    return event


def _locked_head(organization) -> AuditChainHead:
    """The head of ``organization``'s chain (``None``: the chain of events with no Board), locked until the
    caller's transaction ends. Only writers of the same chain wait; the first event of a chain creates its
    head, and a concurrent first event waits on the unique constraint, then locks the row that won."""
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        organization=organization, defaults={"last_seq": 0, "last_hash": GENESIS_HASH}
    )
    return head
