"""The hash chain: canonical content of an event and the hash that links it to the previous one."""

import hashlib
import json
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


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


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    event_id: int | None
    reason: str


def first_break(events, head_seq: int, head_hash: str) -> ChainBreak | None:
    """Walk events in ``seq`` order; return where the chain first stops holding, or None."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    for event in events:
        if event.seq != expected_seq:
            return ChainBreak(expected_seq, None, "missing")
        if event.prev_hash != prev_hash:
            return ChainBreak(event.seq, event.pk, "relinked")
        if link_hash(prev_hash, event) != event.row_hash:
            return ChainBreak(event.seq, event.pk, "edited")
        prev_hash = event.row_hash
        expected_seq += 1
    if expected_seq - 1 != head_seq or prev_hash != head_hash:
        return ChainBreak(expected_seq, None, "missing")
    return None
