"""`manage.py verify_documents`: every stored PDF re-hashed against the SHA-256 recorded with it."""

import hashlib
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from tests.pdf_tools import minimal_pdf
from thidua.documents.enums import DocumentStatus
from thidua.documents.models import GeneratedDocument
from thidua.documents.queries import fingerprinted_models
from thidua.documents.services import store_pdf

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def stored(issue, queue_only):
    """``stored(text)``: a done document whose PDF is stored with its fingerprint (no real render)."""

    def _stored(text: str = "") -> GeneratedDocument:
        document = issue()
        pdf = minimal_pdf(text)
        sha256 = hashlib.sha256(pdf).hexdigest()
        name = store_pdf(document, pdf, sha256)
        GeneratedDocument.objects.filter(pk=document.pk).update(
            file=name, sha256=sha256, status=DocumentStatus.DONE
        )
        document.refresh_from_db()
        return document

    return _stored


def verify() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("verify_documents", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_intact_files_pass_and_are_counted(stored, issue):
    stored("một")
    stored("hai")
    issue()  # pending: no file yet, nothing to check

    out, _err = verify()

    assert "Stored files intact: 2 files match their recorded SHA-256." in out


def test_a_changed_file_is_named(stored):
    stored("một")
    changed = stored("hai")
    with default_storage.open(changed.file.name, "wb") as handle:
        handle.write(minimal_pdf("sửa sau khi ký"))
    err = StringIO()

    with pytest.raises(CommandError, match="1 of 2 stored files are missing or changed"):
        call_command("verify_documents", stdout=StringIO(), stderr=err)

    assert (
        f"documents.generateddocument #{changed.pk}: the file {changed.file.name} has changed"
        in err.getvalue()
    )


def test_a_missing_file_is_named(stored):
    lost = stored("một")
    default_storage.delete(lost.file.name)
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("verify_documents", stdout=StringIO(), stderr=err)

    assert f"documents.generateddocument #{lost.pk}: the file {lost.file.name} is missing." in err.getvalue()


def test_documents_and_signed_scans_are_the_fingerprinted_models():
    names = {model.__name__ for model in fingerprinted_models()}

    assert {"GeneratedDocument", "PledgeSignatureScan"} <= names
