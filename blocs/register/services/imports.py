"""Commit a parsed enterprise workbook: all rows or none, in one transaction, with one audit event."""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blocs.register.models import Enterprise
from blocs.register.xlsx import IMPORTED_FIELDS, parse_workbook
from thidua.audit.services import record_event

BATCH_SIZE = 2000
UPDATED_FIELDS = [f for f in IMPORTED_FIELDS if f != "tax_code"] + ["search_name", "updated_at"]


@dataclass
class ImportOutcome:
    created: int
    updated: int


def commit_enterprise_import(
    *, board, actor, path: str | Path, update_existing: bool = False, request=None
) -> ImportOutcome:
    """Parse the stored upload again and write every row, or nothing if any row is wrong.

    The caller deletes the stored file afterwards, so a second commit of the same upload finds nothing.
    """
    parsed = parse_workbook(path, board, update_existing=update_existing)
    if parsed.file_error:
        raise ValidationError(parsed.file_error)
    if parsed.errors:
        raise ValidationError(
            _("The file has %(n)s errors; nothing was imported.") % {"n": len(parsed.errors)}
        )
    new, changed = [], []
    now = timezone.now()
    for row in parsed.rows:
        values = {f: row[f] for f in IMPORTED_FIELDS}
        enterprise = Enterprise(organization=board, id=row["existing_id"], **values)
        # The same derived key Enterprise.save() computes; bulk writes bypass save().
        enterprise.search_name = enterprise.compute_search_name()
        enterprise.updated_at = now
        (changed if row["existing_id"] else new).append(enterprise)
    try:
        with transaction.atomic():
            Enterprise.objects.bulk_create(new, batch_size=BATCH_SIZE)
            if changed:
                Enterprise.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=BATCH_SIZE)
            record_event(
                action="enterprise.imported",
                actor=actor,
                organization=board,
                object_type="blocs.enterprise",
                changes={"created": len(new), "updated": len(changed), "file": Path(path).name},
                request=request,
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("Another import or edit changed these enterprises meanwhile; nothing was imported. Try again.")
        ) from exc
    return ImportOutcome(created=len(new), updated=len(changed))
