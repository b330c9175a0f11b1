"""The Board's library of legal bases: seeded for every Board, then edited by its admins and officers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.accounts.models import Organization
from thidua.audit.changes import apply_changes
from thidua.audit.services import record_event
from thidua.documents.kinds import kinds_citing_bases
from thidua.documents.legal_bases import seed_entries
from thidua.documents.models import LegalBasis

LEGAL_BASIS_FIELDS = (
    "instrument",
    "number",
    "signed_on",
    "issuer",
    "title",
    "in_force_from",
    "in_force_to",
    "position",
    "kinds",
)


def seed_legal_bases(organization: Organization) -> list[LegalBasis]:
    """Add the standard entries the Board does not have yet (by code). Safe to run twice."""
    existing = set(LegalBasis.objects.filter(organization=organization).values_list("code", flat=True))
    rows = [
        LegalBasis(organization=organization, **entry)
        for entry in seed_entries(organization)
        if entry["code"] not in existing
    ]
    return LegalBasis.objects.bulk_create(rows)


def _clean(basis: LegalBasis) -> None:
    known = {kind.code for kind in kinds_citing_bases()}
    basis.kinds = sorted({str(code) for code in basis.kinds})
    unknown = [code for code in basis.kinds if code not in known]
    if unknown:
        raise ValidationError(
            {"kinds": _("Unknown kind of document: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    basis.title = " ".join(basis.title.split())
    if basis.in_force_from and basis.in_force_to and basis.in_force_to < basis.in_force_from:
        raise ValidationError({"in_force_to": _("The end of validity comes before its start.")})
    basis.full_clean()


@transaction.atomic
def create_legal_basis(*, organization: Organization, created_by, **fields) -> LegalBasis:
    basis = LegalBasis(
        organization=organization, **{name: fields[name] for name in fields if name in LEGAL_BASIS_FIELDS}
    )
    _clean(basis)
    basis.save()
    record_event(action="legal_basis.created", actor=created_by, organization=organization, obj=basis)
    return basis


@transaction.atomic
def update_legal_basis(*, basis: LegalBasis, updated_by, **fields) -> LegalBasis:
    locked = LegalBasis.objects.select_for_update().get(pk=basis.pk)
    changed = apply_changes(
        locked, {name: value for name, value in fields.items() if name in LEGAL_BASIS_FIELDS}
    )
    _clean(locked)
    locked.save()
    record_event(
        action="legal_basis.updated",
        actor=updated_by,
        organization=locked.organization,
        obj=locked,
        changes=changed,
    )
    return locked


@transaction.atomic
def delete_legal_basis(*, basis: LegalBasis, deleted_by) -> None:
    """Documents already issued keep their text (their snapshot); later ones no longer cite it."""
    record_event(
        action="legal_basis.deleted",
        actor=deleted_by,
        organization=basis.organization,
        obj=basis,
        changes={"citation": str(basis)},
    )
    basis.delete()
