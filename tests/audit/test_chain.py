"""The append-only audit log: one hash chain per Board, and `verify_audit` naming the first tampered row of
each broken chain."""

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
    """Three events in Board A's chain, one in Board B's, one with no Board."""
    events = [
        record_event(
            action="board.updated", actor=world.a.admin, obj=world.a.board, changes={"name": ["Cũ", "Mới"]}
        ),
        record_event(
            action="user.created", actor=world.a.admin, obj=world.a.officer, changes={"roles": ["officer"]}
        ),
        record_event(action="auth.login", actor=world.a.signer, obj=world.a.signer),
    ]
    record_event(action="auth.login", actor=world.b.signer, obj=world.b.signer)
    record_event(action="auth.login_failed", actor_label="nobody@example.vn")
    return events


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


def chain_of(board) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(organization=board).order_by("seq"))


def test_each_board_has_its_own_chain_linked_by_hashes(world, three_events):
    for board, length in ((world.a.board, 3), (world.b.board, 1), (None, 1)):
        stored = chain_of(board)

        assert [event.seq for event in stored] == list(range(1, length + 1))
        assert stored[0].prev_hash == GENESIS_HASH
        for previous, event in itertools.pairwise(stored):
            assert event.prev_hash == previous.row_hash
        for event in stored:
            assert event.row_hash == link_hash(event.prev_hash, event)
        head = AuditChainHead.objects.get(organization=board)
        assert (head.last_seq, head.last_hash) == (length, stored[-1].row_hash)


def test_event_records_actor_board_object_and_summary(world, three_events):
    event = three_events[1]

    assert event.actor == world.a.admin
    assert event.actor_label == world.a.admin.email
    assert event.organization == world.a.board
    assert (event.object_type, event.object_id) == ("accounts.user", str(world.a.officer.pk))
    assert event.changes == {"roles": ["officer"]}


def test_intact_chains_report_success(three_events):
    output = verify()

    assert "Audit chains intact: 5 events in 3 chains." in output


def test_empty_log_is_intact(db):
    assert "Audit chains intact: 0 events in 0 chains." in verify()


def test_values_that_are_not_plain_json_still_verify(world):
    record_event(
        action="test.values",
        actor=world.a.admin,
        changes={"day": datetime.date(2026, 1, 5), "score": Decimal("92.50"), "text": "Khen thưởng"},
    )
    record_event(action="test.after", actor=world.a.admin)

    assert "Audit chains intact: 2 events in 1 chains." in verify()


def test_row_edited_in_sql_is_named_with_its_board(world, three_events):
    run_sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["auth.logout", three_events[1].pk])

    message = verify_error()

    assert message == (
        f"Audit chain of {world.a.board.name} (id {world.a.board.pk}) broken: "
        f"event #2 (id {three_events[1].pk}) was edited."
    )


def test_edited_summary_is_detected(three_events):
    run_sql("UPDATE audit_auditevent SET ip = %s WHERE id = %s", ["10.9.9.9", three_events[0].pk])

    assert "event #1" in verify_error()


def test_an_edit_in_one_chain_leaves_the_others_intact(world, three_events):
    run_sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["auth.logout", three_events[2].pk])

    message = verify_error()

    assert message.count("broken") == 1
    with translation.override("en"):
        out = StringIO()
        call_command("verify_audit", board=world.b.board.pk, stdout=out)
    assert "Audit chains intact: 1 events in 1 chains." in out.getvalue()


def test_edits_in_two_chains_are_both_named(world, three_events):
    boardless = AuditEvent.objects.get(organization__isnull=True)
    run_sql("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["auth.logout", three_events[0].pk])
    run_sql("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", ["x@example.vn", boardless.pk])

    lines = verify_error().splitlines()

    assert lines == [
        f"Audit chain of events with no Board broken: event #1 (id {boardless.pk}) was edited.",
        f"Audit chain of {world.a.board.name} (id {world.a.board.pk}) broken: "
        f"event #1 (id {three_events[0].pk}) was edited.",
    ]


def test_a_row_moved_to_another_board_breaks_both_chains(world, three_events):
    run_sql(
        "UPDATE audit_auditevent SET organization_id = %s WHERE id = %s",
        [world.b.board.pk, three_events[2].pk],
    )

    message = verify_error()

    assert f"{world.a.board.name} (id {world.a.board.pk}) broken: event #3 is missing" in message
    assert f"{world.b.board.name} (id {world.b.board.pk}) broken: event #2 is missing" in message


def test_recomputed_hash_of_an_edited_row_breaks_the_next_link(three_events):
    forged = three_events[1]
    forged.action = "auth.logout"
    run_sql(
        "UPDATE audit_auditevent SET action = %s, row_hash = %s WHERE id = %s",
        [forged.action, link_hash(forged.prev_hash, forged), forged.pk],
    )

    message = verify_error()

    assert f"event #3 (id {three_events[2].pk}) was edited" in message


def test_deleted_middle_row_is_named(three_events):
    run_sql("DELETE FROM audit_auditevent WHERE id = %s", [three_events[1].pk])

    message = verify_error()

    assert "event #2 is missing" in message


def test_deleted_last_row_is_detected(three_events):
    run_sql("DELETE FROM audit_auditevent WHERE id = %s", [three_events[2].pk])

    message = verify_error()

    assert "event #3 is missing" in message


def test_deleted_first_row_is_detected(three_events):
    run_sql("DELETE FROM audit_auditevent WHERE id = %s", [three_events[0].pk])

    assert "event #1 is missing" in verify_error()


def test_a_chain_whose_head_was_deleted_is_still_checked(world, three_events):
    run_sql("DELETE FROM audit_auditchainhead WHERE organization_id = %s", [world.a.board.pk])

    assert f"{world.a.board.name} (id {world.a.board.pk}) broken" in verify_error()


def test_model_refuses_to_save_an_existing_row(three_events):
    event = AuditEvent.objects.get(pk=three_events[0].pk)
    event.action = "changed"

    with pytest.raises(ValueError, match="append-only"):
        event.save()


def test_model_refuses_to_delete_a_row(three_events):
    event = AuditEvent.objects.get(pk=three_events[0].pk)

    with pytest.raises(ValueError, match="append-only"):
        event.delete()

    assert AuditEvent.objects.count() == 5


def test_record_event_rolls_back_with_the_callers_transaction(world):
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(action="test.rolled_back", actor=world.a.admin)
        raise RuntimeError

    record_event(action="test.kept", actor=world.a.admin)

    assert list(AuditEvent.objects.values_list("seq", "action")) == [(1, "test.kept")]
    assert "Audit chains intact: 1 events in 1 chains." in verify()


def test_bulk_update_and_delete_through_the_orm_are_refused(three_events):
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.filter(pk=three_events[1].pk).update(action="auth.logout")
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.filter(pk=three_events[1].pk).delete()

    assert "Audit chains intact: 5 events in 3 chains." in verify()


def test_raw_sql_edit_is_refused_by_the_database_on_postgresql(three_events):
    target = three_events[1].pk

    def edit(sql: str) -> None:
        with transaction.atomic(), connection.cursor() as cursor:  # a savepoint: the test goes on
            cursor.execute(sql, [target])

    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="audit events are append-only"):
            edit("UPDATE audit_auditevent SET action = 'auth.logout' WHERE id = %s")
        with pytest.raises(DatabaseError, match="audit events are append-only"):
            edit("DELETE FROM audit_auditevent WHERE id = %s")
        assert "Audit chains intact: 5 events in 3 chains." in verify()
    else:  # SQLite has no trigger: the edit goes through and the chain check names it
        edit("UPDATE audit_auditevent SET action = 'auth.logout' WHERE id = %s")
        assert "event #2" in verify_error()
