"""The fingerprint of a signed pledge: canonical serialisation, SHA-256, verification (re-authentication
before signing is the platform's: ``thidua.accounts.reauth``).

Canonical content (what the representative signs) = a JSON object, keys sorted, no insignificant
whitespace, UTF-8, every string NFC-normalised with ``\\n`` line ends and trimmed, every Decimal written as its
normalised plain string ("1200.5", never "1.2005E+3"), of:

    template: id, version, theme, joint_text
    commitments: the ticked commitments (in template order)
    targets: [{indicator, value, unit, basis}] sorted by indicator code
    registrations: [{subject_kind, name, award_code}] sorted
    enterprise: tax_code, name
    pledge: id, version
    signer: user_id, name, title
    signed_at: UTC ISO 8601

``sha256`` = SHA-256 hex of those bytes. Verification rebuilds the content from the CURRENT rows of the
database with the stored signer fields and compares both the stored JSON and the recomputed fingerprint, so
an edit made behind the application's back (raw SQL) is detected and the pledge is named.

Each signature also carries ``prev_hash`` (the previous record of the same Board and year) and
``record_hash`` = SHA-256 of {prev_hash, sha256, pledge id, signer id, signed_at, ip, auth_method}: a chain in
which a deleted or rewritten record breaks every later link.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from blocs.pledges.models import Pledge, PledgeSignature


def normalise_text(value: str) -> str:
    text = unicodedata.normalize("NFC", value or "")
    return "\n".join(
        line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ).strip()


def decimal_string(value: Decimal) -> str:
    normalised = Decimal(value).normalize()
    if normalised == normalised.to_integral():
        return str(normalised.quantize(Decimal(1)))
    return format(normalised, "f")


def _clean(value):
    if isinstance(value, str):
        return normalise_text(value)
    if isinstance(value, Decimal):
        return decimal_string(value)
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def canonical_json(content: dict) -> str:
    return json.dumps(_clean(content), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def pledge_content(
    pledge, *, signer_id: int, signer_name: str, signer_title: str, signed_at: datetime
) -> dict:
    """The content signed, read from the database rows as they are now."""
    template = pledge.template
    enterprise = pledge.enterprise
    targets = sorted(
        (
            {
                "indicator": target.indicator.code,
                "value": target.value,
                "unit": target.unit,
                "basis": target.basis,
            }
            for target in pledge.targets.select_related("indicator")
        ),
        key=lambda row: row["indicator"],
    )
    registrations = sorted(
        (
            {"subject_kind": r.subject_kind, "name": normalise_text(r.name), "award_code": r.award_code}
            for r in pledge.registrations.all()
        ),
        key=lambda row: (row["subject_kind"], row["name"], row["award_code"]),
    )
    return {
        "template": {
            "id": template.pk,
            "version": template.version,
            "theme": template.theme,
            "joint_text": template.joint_text,
        },
        "commitments": list(pledge.ticked_commitments),
        "targets": targets,
        "registrations": registrations,
        "enterprise": {"tax_code": enterprise.tax_code, "name": enterprise.name},
        "pledge": {"id": pledge.pk, "version": pledge.version},
        "signer": {"user_id": signer_id, "name": signer_name, "title": signer_title},
        "signed_at": utc_iso(signed_at),
    }


def record_hash(
    *, prev_hash: str, sha256: str, pledge_id: int, signer_id: int, signed_at, ip, auth_method
) -> str:
    return sha256_hex(
        canonical_json(
            {
                "prev_hash": prev_hash,
                "sha256": sha256,
                "pledge_id": pledge_id,
                "signer_id": signer_id,
                "signed_at": utc_iso(signed_at),
                "ip": ip or "",
                "auth_method": auth_method,
            }
        )
    )


def genesis_hash(organization_id: int, year: int) -> str:
    return sha256_hex(f"thidua-pledge-chain:{organization_id}:{year}")


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------
@dataclass
class Verification:
    pledge_id: int
    label: str
    valid: bool
    stored_sha256: str
    recomputed_sha256: str
    problems: list[str] = field(default_factory=list)

    @property
    def short_stored(self) -> str:
        return self.stored_sha256[:12]

    @property
    def short_recomputed(self) -> str:
        return self.recomputed_sha256[:12]


def content_for_signature(pledge, signature) -> dict:
    return pledge_content(
        pledge,
        signer_id=signature.signer_id,
        signer_name=signature.signer_name,
        signer_title=signature.signer_title,
        signed_at=signature.signed_at,
    )


def verify_pledge_signature(pledge) -> Verification:
    """Recompute the fingerprint from the CURRENT rows and compare it with the stored one."""
    fresh = Pledge.objects.select_related("template", "enterprise").get(pk=pledge.pk)
    signature = PledgeSignature.objects.get(pledge_id=pledge.pk)
    recomputed = sha256_hex(canonical_json(content_for_signature(fresh, signature)))
    problems = []
    if recomputed != signature.sha256:
        problems.append(_("The pledge's content has changed after it was signed."))
    if sha256_hex(signature.canonical_json) != signature.sha256:
        problems.append(_("The stored signed content does not match its fingerprint."))
    expected_record = record_hash(
        prev_hash=signature.prev_hash,
        sha256=signature.sha256,
        pledge_id=signature.pledge_id,
        signer_id=signature.signer_id,
        signed_at=signature.signed_at,
        ip=signature.ip,
        auth_method=signature.auth_method,
    )
    if expected_record != signature.record_hash:
        problems.append(_("The signature record has been altered."))
    genesis = genesis_hash(signature.organization_id, fresh.template.year.year)
    if (
        signature.prev_hash != genesis
        and not PledgeSignature.objects.filter(record_hash=signature.prev_hash).exists()
    ):
        problems.append(_("The signature chain is broken before this record."))
    return Verification(
        pledge_id=fresh.pk,
        label=f"{fresh.enterprise.name} ({fresh.enterprise.tax_code}) v{fresh.version}",
        valid=not problems,
        stored_sha256=signature.sha256,
        recomputed_sha256=recomputed,
        problems=problems,
    )
