"""The scanned signed copy: attached after signing by the representative, outside the signed fingerprint."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from blocs.pledges import fingerprint, services
from blocs.pledges.models import PledgeSignature, PledgeSignatureScan
from tests.blocs.pledges.conftest import accepted, signed
from tests.conftest import english
from tests.pdf_tools import minimal_pdf
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit

PDF = minimal_pdf()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf(name="ban-ky.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_attach_keeps_the_fingerprint_and_the_signature_row(pw, world):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    before = PledgeSignature.objects.filter(pk=signature.pk).values().get()

    scan = services.attach_signed_scan(pledge=signature.pledge, user=pw.member_rep, upload=pdf("Bản ký.pdf"))

    assert PledgeSignature.objects.filter(pk=signature.pk).values().get() == before
    assert fingerprint.verify_pledge_signature(signature.pledge).valid
    assert scan.file.name.startswith("pledges/signed/")
    assert "Bản ký" not in scan.file.name
    assert scan.file.read() == PDF
    assert scan.size == len(PDF)
    assert AuditEvent.objects.filter(action="pledge.scan_attached").count() == 1


def test_replacing_the_scan_keeps_one_row(pw, world):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    services.attach_signed_scan(pledge=signature.pledge, user=pw.member_rep, upload=pdf())

    services.attach_signed_scan(
        pledge=signature.pledge, user=pw.member_rep, upload=pdf(content=PDF + b"%v2\n")
    )

    assert PledgeSignatureScan.objects.get().size == len(PDF) + 4


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf("scan.png"), "ending in .pdf"),
        (pdf(content=b"GIF89a not a pdf"), "not a PDF"),
        (pdf(content=b"%PDF-" + b"0" * (10 * 1024 * 1024)), "too large"),
    ],
)
def test_only_a_pdf_of_at_most_10_mb(pw, world, upload, message):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)

    with pytest.raises(ValidationError, match=message):
        services.attach_signed_scan(pledge=signature.pledge, user=pw.member_rep, upload=upload)

    assert not PledgeSignatureScan.objects.exists()


def test_only_the_representative_and_only_after_signing(pw, world):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    unsigned = accepted(pw, pw.other, pw.other_rep, world.a.officer)

    with pytest.raises(ValidationError, match="representative"):
        services.attach_signed_scan(pledge=signature.pledge, user=pw.reporter, upload=pdf())
    with pytest.raises(ValidationError, match="signed version"):
        services.attach_signed_scan(pledge=unsigned, user=pw.other_rep, upload=pdf())


def test_upload_and_download_trio(pw, world, client_for):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    pledge = signature.pledge
    upload_url = reverse("pledges:pledge_scan_upload", args=[pledge.pk])
    download_url = reverse("pledges:pledge_scan_download", args=[pledge.pk])

    assert client_for(pw.member_rep).get(download_url).status_code == 404  # nothing attached yet
    assert client_for(pw.reporter).post(upload_url, {"file": pdf()}).status_code == 403
    assert client_for(pw.other_rep).post(upload_url, {"file": pdf()}).status_code == 404
    assert client_for(world.b.officer).post(upload_url, {"file": pdf()}).status_code == 404
    assert client_for(pw.member_rep).post(upload_url, {"file": pdf()}).status_code == 302

    response = client_for(pw.reporter).get(download_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert client_for(pw.leader_rep).get(download_url).status_code == 200
    assert client_for(world.a.council).get(download_url).status_code == 200
    assert client_for(pw.other_rep).get(download_url).status_code == 404
    assert client_for(world.b.officer).get(download_url).status_code == 404


def test_rejected_upload_shows_the_error_on_the_form(pw, world, client_for):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    url = reverse("pledges:pledge_scan_upload", args=[signature.pledge.pk])

    response = english(client_for(pw.member_rep)).post(url, {"file": pdf(content=b"not a pdf")})

    assert response.status_code == 200
    assert "This is not a PDF file." in response.content.decode()


def test_pledge_page_shows_the_scan(pw, world, client_for):
    signature = signed(pw, pw.member, pw.member_rep, world.a.officer)
    detail = reverse("pledges:pledge_detail", args=[signature.pledge.pk])
    assert 'data-testid="scan-attach"' in client_for(pw.member_rep).get(detail).content.decode()
    assert 'data-testid="signed-scan"' not in client_for(world.a.officer).get(detail).content.decode()

    scan = services.attach_signed_scan(pledge=signature.pledge, user=pw.member_rep, upload=pdf())
    html = client_for(world.a.officer).get(detail).content.decode()

    assert reverse("pledges:pledge_scan_download", args=[signature.pledge.pk]) in html
    assert scan.sha256 in html
    assert 'data-testid="signature-valid"' in html
