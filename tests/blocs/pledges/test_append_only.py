"""Pledge signatures are append-only: the model refuses, and on PostgreSQL the database refuses raw SQL too."""

import pytest
from django.db import DatabaseError, connection, transaction

from blocs.pledges.models import PledgeSignature
from tests.blocs.pledges.conftest import signed

pytestmark = pytest.mark.unit

TABLE = PledgeSignature._meta.db_table


def run_sql(sql: str, params: list) -> None:
    with transaction.atomic(), connection.cursor() as cursor:  # a savepoint: the test's transaction survives
        cursor.execute(sql, params)


def test_model_refuses_to_change_or_delete_a_signature(pw, world):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    signature.signer_title = "Chủ tịch"

    with pytest.raises(ValueError, match="append-only"):
        signature.save()
    with pytest.raises(ValueError, match="append-only"):
        signature.delete()
    with pytest.raises(ValueError, match="append-only"):
        PledgeSignature.objects.filter(pk=signature.pk).update(signer_title="Chủ tịch")
    with pytest.raises(ValueError, match="append-only"):
        PledgeSignature.objects.filter(pk=signature.pk).delete()

    assert PledgeSignature.objects.get(pk=signature.pk).signer_title == "Giám đốc"


def test_raw_sql_update_and_delete_are_refused_on_postgresql(pw, world):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    update = (f"UPDATE {TABLE} SET signer_title = %s WHERE id = %s", ["Chủ tịch", signature.pk])
    delete = (f"DELETE FROM {TABLE} WHERE id = %s", [signature.pk])

    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="pledge signatures are append-only"):
            run_sql(*update)
        with pytest.raises(DatabaseError, match="pledge signatures are append-only"):
            run_sql(*delete)
        assert PledgeSignature.objects.get(pk=signature.pk).signer_title == "Giám đốc"
    else:  # SQLite has no trigger: raw SQL goes through, the model-level guard is what refuses
        run_sql(*update)
        stored = PledgeSignature.objects.get(pk=signature.pk)
        assert stored.signer_title == "Chủ tịch"
        with pytest.raises(ValueError, match="append-only"):
            stored.save()


def test_the_scan_and_new_signatures_are_still_written(pw, world):
    first = signed(pw, pw.member, pw.member_rep, world.a.officer)
    second = signed(pw, pw.other, pw.other_rep, world.a.officer)

    assert second.prev_hash == first.record_hash
    assert PledgeSignature.objects.count() == 2
