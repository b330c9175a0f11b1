"""A real Celery worker (prefork, -c 1) on Redis, sharing the test database with this process.

Covers R1/R2 of operations.md: a document ends done exactly once after the worker is SIGKILLed mid-render,
and a document whose enqueue failed (broker down at request time) is recovered by the sweeper.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from kombu import pools as kombu_pools

from thidua.audit.models import AuditEvent
from thidua.celery import app as celery_app
from thidua.documents import services
from thidua.documents.enums import DocumentStatus
from thidua.documents.models import GeneratedDocument
from thidua.documents.queries import sha256_of_stream

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# The broker of the real-worker tests: its database is flushed, so give each concurrent run its own.
REDIS_URL = (
    os.environ.get("TEST_DOCUMENTS_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/11"
)
CLOSED_PORT_URL = "redis://127.0.0.1:1/11"
DEADLINE = 60  # seconds, for every wait


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(**extra_env) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.documents.worker_settings",
        "SECRET_KEY": "worker-test-secret-key-0123456789-abcdefghijklmnop",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SITE_URL": settings.SITE_URL,
        "LOG_LEVEL": "WARNING",
        **extra_env,
    }
    command = [sys.executable, "-m", "celery", "-A", "thidua", "worker", "-P", "prefork", "-c", "1"]
    command += ["--without-mingle", "--without-gossip", "--without-heartbeat", "-l", "warning"]
    return subprocess.Popen(
        command,
        cwd=settings.BASE_DIR,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=open(os.environ.get("WORKER_LOG", os.devnull), "ab"),
    )


def kill_worker(worker: subprocess.Popen) -> None:
    """SIGKILL the worker's main process and its pool child (they share a process group)."""
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=DEADLINE)


def use_broker(url: str) -> None:
    """Make this (test) process publish to ``url`` instead of running tasks eagerly."""
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = url
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    kombu_pools.reset()


def wait_for(predicate, what: str):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"Timed out after {DEADLINE}s waiting for {what}")


def status_of(document) -> str:
    return GeneratedDocument.objects.get(pk=document.pk).status


@pytest.fixture
def broker(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    redis.Redis.from_url(REDIS_URL).flushdb()
    use_broker(REDIS_URL)
    yield
    use_broker("memory://")
    celery_app.conf.task_always_eager = True


@pytest.fixture
def workers():
    started: list[subprocess.Popen] = []

    def _start(**extra_env):
        started.append(start_worker(**extra_env))
        return started[-1]

    yield _start
    for worker in started:
        kill_worker(worker)


def assert_done_once(document):
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        assert sha256_of_stream(handle) == document.sha256
    assert document.status == DocumentStatus.DONE
    stored = list(Path(settings.MEDIA_ROOT, Path(document.file.name).parent).glob(f"{document.pk}-*.pdf"))
    assert stored == [Path(settings.MEDIA_ROOT, document.file.name)]
    assert AuditEvent.objects.filter(action="document.rendered", object_id=str(document.pk)).count() == 1


def test_real_worker_renders_the_document(broker, workers, issue):
    workers()

    document = issue()

    wait_for(lambda: status_of(document) == DocumentStatus.DONE, "the render")
    assert_done_once(document)
    assert GeneratedDocument.objects.get(pk=document.pk).attempts == 1


def test_sigkilled_worker_mid_render_is_done_exactly_once_by_the_next(broker, workers, issue, tmp_path):
    marker = tmp_path / "hold-render"
    marker.touch()
    fast_recovery = {
        "CELERY_VISIBILITY_TIMEOUT": "4",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        "DOCUMENTS_RENDER_STALE_AFTER": "2",
    }
    first = workers(**fast_recovery)
    document = issue(template_name="pdf/test_slow.html", context={"marker": str(marker), "paragraphs": ["x"]})
    wait_for(lambda: status_of(document) == DocumentStatus.RENDERING, "the first worker to claim it")

    kill_worker(first)
    marker.unlink()
    workers(**fast_recovery)

    wait_for(lambda: status_of(document) == DocumentStatus.DONE, "the second worker to finish it")
    assert_done_once(document)
    assert GeneratedDocument.objects.get(pk=document.pk).attempts == 2


def test_broker_down_at_request_time_then_sweeper_recovers(broker, workers, issue, caplog):
    use_broker(CLOSED_PORT_URL)
    document = issue()
    assert status_of(document) == DocumentStatus.PENDING
    assert "sweeper will" in caplog.text

    use_broker(REDIS_URL)
    workers()
    swept = services.sweep_pending_documents(pending_after=timedelta(0))

    assert swept == [document.pk]
    wait_for(lambda: status_of(document) == DocumentStatus.DONE, "the swept render")
    assert_done_once(document)
