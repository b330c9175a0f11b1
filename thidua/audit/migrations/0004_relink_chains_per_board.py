"""Re-link the existing audit events into one chain per Board (organization; NULL = the chain of events with
no Board), in their original order, and write each chain's head.

Frozen here on purpose (a migration never imports live code): the canonical content and link hash as
thidua/audit/chain.py defined them when this migration was written. The append-only trigger is disabled for
the re-link only, inside this migration's transaction, and enabled again before it commits.
"""

import hashlib
import json

from django.db import migrations

GENESIS_HASH = "0" * 64
BATCH = 500


def canonical_content(event) -> bytes:
    content = {
        "seq": event.seq,
        "created_at": event.created_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "organization_id": event.organization_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "changes": event.changes,
        "ip": event.ip,
    }
    return json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    ).encode()


def link_hash(prev_hash: str, event) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical_content(event)).hexdigest()


def relink(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE refuses pending deferred checks
        schema_editor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
    heads: dict[int | None, tuple[int, str]] = {}
    events = list(AuditEvent.objects.order_by("seq", "id"))  # the old seq is the order they were chained in
    for event in events:
        last_seq, last_hash = heads.get(event.organization_id, (0, GENESIS_HASH))
        event.seq = last_seq + 1
        event.prev_hash = last_hash
        event.row_hash = link_hash(last_hash, event)
        heads[event.organization_id] = (event.seq, event.row_hash)
    AuditEvent.objects.bulk_update(events, ["seq", "prev_hash", "row_hash"], batch_size=BATCH)
    AuditChainHead.objects.bulk_create(
        AuditChainHead(organization_id=organization_id, last_seq=last_seq, last_hash=last_hash)
        for organization_id, (last_seq, last_hash) in heads.items()
    )
    if postgresql:
        schema_editor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only")


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_chain_per_board")]

    operations = [migrations.RunPython(relink, migrations.RunPython.noop, elidable=False)]
