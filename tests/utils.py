"""Helpers the tests share. Fixtures live in conftest modules; everything a test imports lives here.

Concurrency: ``InThread`` runs work on its own database connection in a thread, ``HeldTransaction`` keeps a
transaction open until released, ``waiting_on_a_lock`` asks PostgreSQL whether a connection waits on a lock,
``wait_until`` polls with a deadline. Nothing asserts on elapsed time: the deadline is only reached when
something is wrong.
"""

import threading
import time
from collections.abc import Callable

from django.db import connection, connections, transaction
from django.utils import translation

DEADLINE = 30.0  # seconds; only reached when something is wrong


def concurrent() -> bool:
    """Whether the database runs transactions side by side (PostgreSQL); SQLite has one writer per file."""
    return connection.vendor == "postgresql"


def wait_until(predicate: Callable[[], bool]) -> bool:
    """Poll ``predicate`` until it holds or the deadline passes; return whether it held."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


class InThread:
    """Run ``work`` on its own database connection in a thread, in the caller's language; remember its backend
    pid, result and error."""

    def __init__(self, work: Callable[[], object]):
        self.work = work
        self.language = translation.get_language()
        self.pid: int | None = None
        self.result: object = None
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
            with translation.override(self.language):
                self.result = self.work()
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc
        finally:
            self.done.set()
            connections.close_all()

    def finish(self) -> object:
        """Wait for the thread; raise what it raised, or return what ``work`` returned."""
        assert self.done.wait(DEADLINE), "the thread did not finish before the deadline"
        self.thread.join(DEADLINE)
        if self.error is not None:
            raise self.error
        return self.result

    def outcome(self) -> BaseException | object:
        """Wait for the thread; return what it raised or else what ``work`` returned."""
        assert self.done.wait(DEADLINE), "the thread did not finish before the deadline"
        self.thread.join(DEADLINE)
        return self.error if self.error is not None else self.result


class HeldTransaction(InThread):
    """Run ``work`` in a transaction on its own connection and, on PostgreSQL, keep the transaction (and every
    lock it took) open until ``release()``; on SQLite it commits at once."""

    def __init__(self, work: Callable[[], object]):
        self.holding = threading.Event()
        self.released = threading.Event()
        if not concurrent():
            self.released.set()

        def held():
            with transaction.atomic():
                result = work()
                self.holding.set()
                assert self.released.wait(DEADLINE), "never released"
            return result

        super().__init__(held)
        if not wait_for(self.holding, self.done):
            raise AssertionError("the held transaction did not reach its end before the deadline")
        if self.error is not None:
            raise self.error
        if not concurrent():
            self.finish()

    def still_open(self) -> bool:
        return not self.done.is_set()

    def release(self) -> object:
        self.released.set()
        return self.finish()


def wait_for(*events: threading.Event) -> bool:
    """Wait until one of ``events`` is set (or the deadline passes)."""
    return wait_until(lambda: any(event.is_set() for event in events))


def waiting_on_a_lock(pid: int | None) -> bool:
    """Whether the PostgreSQL backend ``pid`` is waiting on a lock right now."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"
