"""`make run` puts tasks on a real queue without Redis (kombu's filesystem transport in CELERY_QUEUE_DIR) that
the worker it starts beside runserver consumes: signing a document returns before its PDF exists, and the
page, polling, then shows it ready. The worker here runs with the settings `make run` gives it."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from tests.documents.conftest import totp_now
from tests.documents.test_worker import DEADLINE, database_url, kill_worker, use_broker, wait_for
from tests.factories.accounts import TEST_PASSWORD
from thidua.celery import app as celery_app
from thidua.documents.enums import DocumentStatus
from thidua.documents.models import GeneratedDocument

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue_dir(settings, tmp_path):
    """This process publishes to the folder as `make run`'s web process does (one folder both ways)."""
    folder = tmp_path / "queue"
    for name in ("messages", "control"):
        (folder / name).mkdir(parents=True)
    settings.MEDIA_ROOT = tmp_path / "media"
    options = celery_app.conf.broker_transport_options
    celery_app.conf.broker_transport_options = {
        "data_folder_in": str(folder / "messages"),
        "data_folder_out": str(folder / "messages"),
        "control_folder": str(folder / "control"),
        "store_processed": False,
    }
    use_broker("filesystem://")
    yield folder
    celery_app.conf.broker_transport_options = options
    use_broker("memory://")
    celery_app.conf.task_always_eager = True


@pytest.fixture
def make_run_worker(queue_dir):
    """The worker of `make run`: DEBUG, no REDIS_URL, CELERY_QUEUE_DIR, the production settings module."""
    env = {
        key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "DEBUG": "1",
        "CELERY_QUEUE_DIR": str(queue_dir),
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SITE_URL": settings.SITE_URL,
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "celery", "-A", "thidua", "worker", "--pool=prefork", "--concurrency=1"]
    command += ["--without-mingle", "--without-gossip", "--without-heartbeat", "--loglevel=WARNING"]

    def _start():
        return subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=open(os.environ.get("WORKER_LOG", os.devnull), "ab"),
        )

    started = []
    yield lambda: started.append(_start())
    for worker in started:
        kill_worker(worker)


def test_signing_returns_before_the_pdf_exists_and_the_page_then_shows_it_ready(
    world, submit, client_for, make_run_worker
):
    signature_request = submit()
    signer = client_for(world.a.signer)

    response = signer.post(
        reverse("documents:signature_sign", args=[signature_request.pk]),
        {"password": TEST_PASSWORD, "otp_token": totp_now(world.a.signer)},
    )

    document = GeneratedDocument.objects.get(is_draft=False)
    assert response.status_code == 302
    assert (document.status, bool(document.file)) == (DocumentStatus.PENDING, False)  # queued, not rendered
    page = signer.get(reverse("documents:notice_detail", args=[signature_request.object_id])).content.decode()
    status_url = reverse("documents:document_status", args=[document.pk])
    assert f'hx-get="{status_url}"' in page  # the card polls its status

    make_run_worker()
    ready = wait_for(
        lambda: (
            reverse("documents:document_download", args=[document.pk])
            in signer.get(status_url).content.decode()
        ),
        f"the worker to render the PDF (within {DEADLINE}s)",
    )

    document.refresh_from_db()
    assert ready
    assert (document.status, document.file.read(5)) == (DocumentStatus.DONE, b"%PDF-")
