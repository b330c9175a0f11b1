"""The append-only audit log: hash links, and `verify_audit` naming the first tampered row."""

import datetime
import itertools
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from thidua.audit.chain import GENESIS_HASH, link_hash
from thidua.audit.models import AuditChainHead, AuditEvent
from thidua.audit.services import record_event

pytestmark = pytest.mark.unit


@pytest.fixture
def three_events(world) -> list[AuditEvent]:
    return [
        record_event(
            action="board.updated", actor=world.a.admin, obj=world.a.board, changes={"name": ["Cũ", "Mới"]}
        ),
        record_event(
            action="user.created", actor=world.a.admin, obj=world.a.officer, changes={"roles": ["officer"]}
        ),
        record_event(action="auth.login", actor=world.b.signer, obj=world.b.signer),
    ]


def run_sql(sql: str, params: list | None = None) -> None:
    """Edit the log behind the application's back, as a DBA would: on PostgreSQL the append-only trigger is
    disabled first (inside the test's transaction, so the rollback enables it again)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE refuses pending deferred FK checks
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(sql, params or [])


def verify() -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("verify_audit", stdout=out)
    return out.getvalue()


def verify_error() -> str:
    with translation.override("en"), pytest.raises(CommandError) as excinfo:
        call_command("verify_audit", stdout=StringIO())
    return str(excinfo.value)


def test_events_are_linked_by_their_hashes(three_events):
    stored = list(AuditEvent.objects.order_by("seq"))

    assert [event.seq for event in stored] == [1, 2, 3]
    assert stored[0].prev_hash == GENESIS_HASH
    for previous, event in itertools.pairwise(stored):
        assert event.prev_hash == previous.row_hash
    for event in stored:
        assert event.row_hash == link_hash(event.prev_hash, event)
    head = AuditChainHead.objects.get()
    assert (head.last_seq, head.last_hash) == (3, stored[-1].row_hash)


def test_event_records_actor_board_object_and_summary(world, three_events):
    event = AuditEvent.objects.get(seq=2)

    assert event.actor == world.a.admin
    assert event.actor_label == world.a.admin.email
    assert event.organization == world.a.board
    assert (event.object_type, event.object_id) == ("accounts.user", str(world.a.officer.pk))
    assert event.changes == {"roles": ["officer"]}


def test_intact_chain_reports_success(three_events):
    output = verify()

    assert "Audit chain intact: 3 events." in output


def test_empty_log_is_intact(db):
    assert "Audit chain intact: 0 events." in verify()


def test_values_that_are_not_plain_json_still_verify(world):
    record_event(
        action="test.values",
        actor=world.a.admin,
        changes={"day": datetime.date(2026, 1, 5), "score": Decimal("92.50"), "text": "Khen thưởng"},
    )
    record_event(action="test.after", actor=world.a.admin)

    assert "Audit chain intact: 2 events." in verify()


def test_row_edited_in_sql_is_named(three_events):
    run_sql("UPDATE audit_auditevent SET action = %s WHERE seq = 2", ["auth.logout"])

    message = verify_error()

    assert "event #2" in message
    assert "edited" in message


def test_edited_summary_is_detected(three_events):
    run_sql("UPDATE audit_auditevent SET ip = %s WHERE seq = 1", ["10.9.9.9"])

    assert "event #1" in verify_error()


def test_recomputed_hash_of_an_edited_row_breaks_the_next_link(three_events):
    forged = AuditEvent.objects.get(seq=2)
    forged.action = "auth.logout"
    run_sql(
        "UPDATE audit_auditevent SET action = %s, row_hash = %s WHERE seq = 2",
        [forged.action, link_hash(forged.prev_hash, forged)],
    )

    message = verify_error()

    assert "event #3" in message


def test_deleted_middle_row_is_named(three_events):
    run_sql("DELETE FROM audit_auditevent WHERE seq = 2")

    message = verify_error()

    assert "event #2 is missing" in message


def test_deleted_last_row_is_detected(three_events):
    run_sql("DELETE FROM audit_auditevent WHERE seq = 3")

    message = verify_error()

    assert "event #3 is missing" in message


def test_deleted_first_row_is_detected(three_events):
    run_sql("DELETE FROM audit_auditevent WHERE seq = 1")

    assert "event #1 is missing" in verify_error()


def test_model_refuses_to_save_an_existing_row(three_events):
    event = AuditEvent.objects.get(seq=1)
    event.action = "changed"

    with pytest.raises(ValueError, match="append-only"):
        event.save()


def test_model_refuses_to_delete_a_row(three_events):
    event = AuditEvent.objects.get(seq=1)

    with pytest.raises(ValueError, match="append-only"):
        event.delete()

    assert AuditEvent.objects.count() == 3


def test_record_event_rolls_back_with_the_callers_transaction(world):
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(action="test.rolled_back", actor=world.a.admin)
        raise RuntimeError

    record_event(action="test.kept", actor=world.a.admin)

    assert list(AuditEvent.objects.values_list("seq", "action")) == [(1, "test.kept")]
    assert "Audit chain intact: 1 events." in verify()


def test_bulk_update_and_delete_through_the_orm_are_refused(three_events):
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.filter(seq=2).update(action="auth.logout")
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.filter(seq=2).delete()

    assert "Audit chain intact: 3 events." in verify()


def test_raw_sql_edit_is_refused_by_the_database_on_postgresql(three_events):
    def edit(sql: str) -> None:
        with transaction.atomic(), connection.cursor() as cursor:  # a savepoint: the test goes on
            cursor.execute(sql)

    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="audit events are append-only"):
            edit("UPDATE audit_auditevent SET action = 'auth.logout' WHERE seq = 2")
        with pytest.raises(DatabaseError, match="audit events are append-only"):
            edit("DELETE FROM audit_auditevent WHERE seq = 2")
        assert "Audit chain intact: 3 events." in verify()
    else:  # SQLite has no trigger: the edit goes through and the chain check names it
        edit("UPDATE audit_auditevent SET action = 'auth.logout' WHERE seq = 2")
        assert "event #2" in verify_error()
