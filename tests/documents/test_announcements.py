"""Each step of the signing workflow is announced at once, in the app and by e-mail with an absolute link: to
the signer a document waits for, to its submitter when it is issued or returned; and an issued notice is
delivered to its audience in the portal, who may then read it and its PDF."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user
from tests.factories.documents import NoticeFactory
from tests.notifications.announced import mailed, notified
from thidua.documents import services
from thidua.documents.models import Notice, NoticeDelivery

pytestmark = pytest.mark.integration


def test_a_document_waiting_for_a_signature_is_announced_to_its_signer(
    world, submit, queue_only, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signature_request = submit()

    path = reverse("documents:signature_detail", args=[signature_request.pk])
    assert notified("signature_requested") == {world.a.signer.pk: path}
    assert mailed(path) == [world.a.signer.email]


def test_an_issued_document_is_announced_to_its_submitter(
    world, submit, sign, queue_only, django_capture_on_commit_callbacks
):
    signature_request = submit()

    with django_capture_on_commit_callbacks(execute=True):
        document = sign(signature_request)

    path = reverse("documents:notice_detail", args=[signature_request.object_id])
    assert notified("document_issued") == {world.a.officer.pk: path}
    assert mailed(path) == [world.a.officer.email]
    assert document.number_and_symbol in mail.outbox[-1].body


def test_a_returned_document_is_announced_to_its_submitter(world, submit, django_capture_on_commit_callbacks):
    signature_request = submit()

    with django_capture_on_commit_callbacks(execute=True):
        services.return_document(
            signature_request=signature_request, returned_by=world.a.signer, reason="Sửa trích yếu"
        )

    path = reverse("documents:notice_detail", args=[signature_request.object_id])
    assert notified("document_returned") == {world.a.officer.pk: path}
    assert mailed(path) == [world.a.officer.email]


@pytest.fixture
def two_blocs(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    ours, theirs = BlocFactory(organization=world.a.board), BlocFactory(organization=world.a.board)
    member = BlocMembershipFactory(bloc=ours, year=year)
    other = BlocMembershipFactory(bloc=theirs, year=year)
    return ours, enterprise_user(member.enterprise), enterprise_user(other.enterprise)


def test_an_issued_notice_is_delivered_to_its_audience_in_the_portal(
    world, two_blocs, submit, sign, client_for, queue_only, django_capture_on_commit_callbacks
):
    bloc, member_rep, other_rep = two_blocs
    notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer, deliver_to=f"bloc:{bloc.pk}")
    sign(submit(notice))  # queues the delivery (and the render) on commit

    with django_capture_on_commit_callbacks(execute=True):
        delivered = services.deliver_notice(notice_id=notice.pk)  # what the worker runs

    notice.refresh_from_db()
    path = reverse("documents:notice_detail", args=[notice.pk])
    assert delivered == 1
    assert notified("notice_issued") == {member_rep.pk: path}
    assert mailed(path) == [member_rep.email]
    assert list(NoticeDelivery.objects.values_list("user_id", flat=True)) == [member_rep.pk]
    member, other = client_for(member_rep), client_for(other_rep)
    assert member.get(path).status_code == 200
    assert member.get(reverse("documents:document_status", args=[notice.document_id])).status_code == 200
    assert notice.title in member.get(reverse("documents:notice_list")).content.decode()
    assert other.get(path).status_code == 403
    assert notice.title not in other.get(reverse("documents:notice_list")).content.decode()


def test_delivering_again_delivers_to_nobody_twice(world, two_blocs, submit, sign):
    notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer, deliver_to="members")
    sign(submit(notice))

    first = services.deliver_notice(notice_id=notice.pk)
    again = services.deliver_notice(notice_id=notice.pk)

    assert (first, again, NoticeDelivery.objects.count()) == (2, 0, 2)


def test_an_unknown_audience_is_refused_and_nothing_is_saved(world):
    with pytest.raises(ValidationError) as refused:
        services.create_notice(
            organization=world.a.board,
            created_by=world.a.officer,
            title="Về việc họp",
            body="Nội dung",
            recipients="Lưu: VT",
            signer=world.a.signer,
            deliver_to="bloc:999999",
        )

    assert (list(refused.value.message_dict), Notice.objects.count()) == (["deliver_to"], 0)
