"""The fingerprint of a published or locked ranking: its rows as canonical JSON (keys sorted, no whitespace,
Decimals as plain strings), SHA-256 hex. ``verify`` recomputes it from the stored snapshot."""

from __future__ import annotations

import datetime
import hashlib
import json
from decimal import Decimal


def _plain(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(type(value))


def canonical(snapshot: dict) -> bytes:
    return json.dumps(
        snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain
    ).encode()


def fingerprint(snapshot: dict) -> str:
    return hashlib.sha256(canonical(snapshot)).hexdigest()


def snapshot_of(ranking, rows) -> dict:
    return {
        "ranking": ranking.pk,
        "bloc": ranking.bloc.name,
        "year": ranking.year.year,
        "period": ranking.period,
        "rows": [
            {
                "rank": row.rank,
                "tax_code": row.enterprise.tax_code,
                "enterprise": row.enterprise.name,
                "normal": _plain(row.normal_points),
                "bonus": _plain(row.bonus_points),
                "deduction": _plain(row.deduction_points),
                "total": _plain(row.total),
                "classification": row.classification,
                "completion_level": row.completion_level,
                "vetoed": row.vetoed,
                "veto_reasons": row.veto_reasons,
            }
            for row in rows
        ],
    }


def verify(snapshot: dict | None, stored: str) -> bool:
    """True when the stored snapshot still hashes to the stored fingerprint."""
    return snapshot is not None and fingerprint(json.loads(canonical(snapshot))) == stored
