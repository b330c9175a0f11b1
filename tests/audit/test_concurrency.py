"""One chain per Board: a Board holding its chain in an open transaction does not hold up another Board,
while two writes of one Board queue up and keep its chain linear.

On PostgreSQL the writers are real connections in threads, one of them keeping its transaction open; every
wait has a deadline and nothing asserts on elapsed time. SQLite has one writer for the whole file, so there
the same writes run in turn and only the resulting chains are checked."""

import itertools
import threading
import time
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import translation

from thidua.audit.chain import GENESIS_HASH
from thidua.audit.models import AuditEvent
from thidua.audit.services import record_event

pytestmark = [pytest.mark.unit, pytest.mark.django_db(transaction=True)]

DEADLINE = 30.0  # seconds; only reached when something is wrong


def wait_until(predicate: Callable[[], bool]) -> bool:
    """Poll ``predicate`` until it holds or the deadline passes; return whether it held."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


class InThread:
    """Run ``work`` on its own database connection in a thread; remember its backend pid and outcome."""

    def __init__(self, work: Callable[[], object]):
        self.work = work
        self.pid: int | None = None
        self.started = threading.Event()
        self.done = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            if concurrent():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    self.pid = cursor.fetchone()[0]
            self.started.set()
            self.work()
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc
        finally:
            self.done.set()
            connections.close_all()

    def finish(self) -> None:
        assert self.done.wait(DEADLINE), "the thread did not finish before the deadline"
        self.thread.join(DEADLINE)
        if self.error is not None:
            raise self.error


def concurrent() -> bool:
    return connection.vendor == "postgresql"


class HeldChain(InThread):
    """Appends one event for ``actor``'s Board and, on PostgreSQL, keeps the transaction (and so the chain)
    open until ``release()``; on SQLite it commits at once."""

    def __init__(self, actor):
        self.holding = threading.Event()
        self.released = threading.Event()
        if not concurrent():
            self.released.set()

        def work():
            with transaction.atomic():
                record_event(action="test.held", actor=actor)
                self.holding.set()
                assert self.released.wait(DEADLINE), "never released"

        super().__init__(work)
        assert self.holding.wait(DEADLINE), "the holder never appended its event"
        if not concurrent():
            self.finish()

    def still_open(self) -> bool:
        return not self.done.is_set()

    def release(self) -> None:
        self.released.set()
        self.finish()


def waiting_on_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


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
