"""The pledges' writes on PostgreSQL with real connections in threads: one lock order (year -> template ->
pledges by id -> scan -> audit chain head, ``blocs.pledges.services.locks``), so a signature that supersedes a
version and a scan upload of that version run in turn, whichever comes first, instead of deadlocking; two
creations of one bloc's template give one template and a clear message. SQLite runs the
writes in turn."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from blocs.pledges import services
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.models import PledgeSignatureScan, PledgeTemplate
from tests.blocs.pledges.conftest import TEST_PASSWORD, accepted, signed
from tests.factories.blocs import BlocFactory
from tests.pdf_tools import minimal_pdf
from tests.utils import HeldTransaction, InThread, concurrent, wait_until, waiting_on_a_lock

pytestmark = [pytest.mark.unit, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def scan_upload(pledge, user):
    upload = SimpleUploadedFile("ban-ky.pdf", minimal_pdf(), content_type="application/pdf")
    return lambda: services.attach_signed_scan(pledge=pledge, user=user, upload=upload)


def sign(pledge, user):
    return lambda: services.sign_pledge(pledge=pledge, user=user, password=TEST_PASSWORD, title="Giám đốc")


def test_a_scan_upload_of_the_version_being_superseded_waits_for_the_signature_and_is_refused(pw, world):
    first = signed(pw, pw.member, pw.member_rep, world.a.officer).pledge
    services.propose_amendment(pledge=first, proposed_by=pw.member_rep, reason="Điều chỉnh chỉ tiêu")
    amendment = accepted(pw, pw.member, pw.member_rep, world.a.officer)

    signature = HeldTransaction(sign(amendment, pw.member_rep))
    try:
        upload = InThread(scan_upload(first, pw.member_rep))
        assert upload.started.wait(30)
        if concurrent():
            assert wait_until(lambda: waiting_on_a_lock(upload.pid)), "the scan upload did not wait"
    finally:
        signature.release()

    refused = upload.outcome()
    assert isinstance(refused, ValidationError)
    assert refused.messages == [
        "A scanned copy can only be attached to a signed version that is not locked or superseded."
    ]
    assert not PledgeSignatureScan.objects.exists()


def test_signing_an_amendment_waits_for_the_scan_upload_of_the_version_it_replaces(pw, world):
    first = signed(pw, pw.member, pw.member_rep, world.a.officer).pledge
    services.propose_amendment(pledge=first, proposed_by=pw.member_rep, reason="Điều chỉnh chỉ tiêu")
    amendment = accepted(pw, pw.member, pw.member_rep, world.a.officer)

    upload = HeldTransaction(scan_upload(first, pw.member_rep))
    try:
        signature = InThread(sign(amendment, pw.member_rep))
        assert signature.started.wait(30)
        if concurrent():
            assert wait_until(lambda: waiting_on_a_lock(signature.pid)), "the signature did not wait"
    finally:
        upload.release()

    assert signature.finish().pledge_id == amendment.pk
    first.refresh_from_db()
    assert first.status == PledgeStatus.SUPERSEDED
    assert PledgeSignatureScan.objects.get().signature.pledge_id == first.pk


def test_two_concurrent_creations_of_a_template_give_one_template_and_a_clear_message(pw, world):
    bloc = BlocFactory(organization=world.a.board, code="KTĐ9")

    def create(user):
        return lambda: services.create_template(
            bloc=bloc,
            year=pw.template.year,
            created_by=user,
            theme="Đoàn kết – phát triển",  # noqa: RUF001
            joint_text="Phấn đấu hoàn thành vượt mức các chỉ tiêu.",
            commitments=["Nộp thuế đầy đủ, đúng hạn"],
            indicators=pw.indicators,
            signing_deadline=datetime.date(2026, 3, 31),
        )

    holder = HeldTransaction(create(world.a.officer))
    try:
        other = InThread(create(world.a.admin))
        assert other.started.wait(30)
        if concurrent():
            assert wait_until(lambda: waiting_on_a_lock(other.pid)), "the second creation did not wait"
    finally:
        first = holder.release()

    second = other.outcome()
    assert isinstance(second, ValidationError)
    assert second.messages == ["This bloc already has a pledge template for 2026."]
    assert list(PledgeTemplate.objects.filter(bloc=bloc).values_list("pk", flat=True)) == [first.pk]
