"""One chain per Board: a Board holding its chain in an open transaction does not hold up another Board,
while two writes of one Board queue up and keep its chain linear.

On PostgreSQL the writers are real connections in threads, one of them keeping its transaction open; every
wait has a deadline and nothing asserts on elapsed time. SQLite has one writer for the whole file, so there
the same writes run in turn and only the resulting chains are checked."""

import itertools
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.utils import DEADLINE, HeldTransaction, InThread, concurrent, wait_until, waiting_on_a_lock
from thidua.audit.chain import GENESIS_HASH
from thidua.audit.models import AuditEvent
from thidua.audit.services import record_event

pytestmark = [pytest.mark.unit, pytest.mark.django_db(transaction=True)]


class HeldChain(HeldTransaction):
    """Appends one event for ``actor``'s Board and, on PostgreSQL, keeps the transaction (and so the chain)
    open until ``release()``; on SQLite it commits at once."""

    def __init__(self, actor):
        super().__init__(lambda: record_event(action="test.held", actor=actor))


def assert_linear(board) -> list[AuditEvent]:
    chain = list(AuditEvent.objects.filter(organization=board).order_by("seq"))
    assert [event.seq for event in chain] == list(range(1, len(chain) + 1))
    assert chain[0].prev_hash == GENESIS_HASH
    for previous, event in itertools.pairwise(chain):
        assert event.prev_hash == previous.row_hash
    return chain


def verify() -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("verify_audit", stdout=out)
    return out.getvalue()


@pytest.fixture
def started_chains(world):
    """Each Board already has a chain (its head row exists), as in steady operation."""
    record_event(action="test.first", actor=world.a.admin)
    record_event(action="test.first", actor=world.b.admin)
    record_event(action="test.first", actor_label="system")


def test_a_board_holding_its_chain_does_not_block_another_board(world, started_chains):
    holder = HeldChain(world.a.admin)
    try:
        other_board = InThread(lambda: record_event(action="test.other_board", actor=world.b.officer))
        no_board = InThread(lambda: record_event(action="test.no_board", actor_label="system"))

        assert other_board.done.wait(DEADLINE), "Board B's write waited on Board A's open transaction"
        assert no_board.done.wait(DEADLINE), "a Board-less write waited on Board A's open transaction"
        assert holder.still_open() or not concurrent()  # Board A's transaction was open the whole time
    finally:
        holder.release()
    other_board.finish()
    no_board.finish()

    assert [e.action for e in assert_linear(world.b.board)] == ["test.first", "test.other_board"]
    assert [e.action for e in assert_linear(None)] == ["test.first", "test.no_board"]
    assert "Audit chains intact: 6 events in 3 chains." in verify()


def test_two_writes_of_one_board_are_serialised_and_the_chain_stays_linear(world, started_chains):
    holder = HeldChain(world.a.admin)
    try:
        second = InThread(lambda: record_event(action="test.second", actor=world.a.officer))
        assert second.started.wait(DEADLINE)

        if concurrent():
            assert wait_until(lambda: waiting_on_a_lock(second.pid)), "the second write did not wait"
            assert not second.done.is_set()
    finally:
        holder.release()
    second.finish()

    chain = assert_linear(world.a.board)
    assert [event.action for event in chain] == ["test.first", "test.held", "test.second"]
    assert "Audit chains intact: 5 events in 3 chains." in verify()


def test_the_first_two_events_of_a_board_make_one_chain(world):
    holder = HeldChain(world.a.admin)  # creates Board A's head inside its open transaction
    try:
        second = InThread(lambda: record_event(action="test.second", actor=world.a.officer))
        assert second.started.wait(DEADLINE)

        if concurrent():
            assert wait_until(lambda: waiting_on_a_lock(second.pid)), "the second write did not wait"
    finally:
        holder.release()
    second.finish()

    chain = assert_linear(world.a.board)
    assert [event.action for event in chain] == ["test.held", "test.second"]
    assert "Audit chains intact: 2 events in 1 chains." in verify()
