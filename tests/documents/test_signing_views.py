"""The signer's queue and page, and what the issuer sees: permissions, query counts, re-authentication."""

import pytest
from django.urls import reverse

from tests.conftest import english
from tests.documents.conftest import totp_now
from tests.factories.accounts import TEST_PASSWORD, UserFactory, staff_user
from tests.factories.documents import NoticeFactory
from thidua.accounts.enums import BoardRole
from thidua.audit.models import AuditEvent
from thidua.documents.enums import DocumentState, SignatureRequestStatus
from thidua.documents.models import Notice, NumberSequence

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("item_count", [1, 3])
def test_signature_queue_query_count(world, client_for, submit, django_assert_num_queries, item_count):
    for _ in range(item_count):
        submit()
    client = client_for(world.a.signer)

    with django_assert_num_queries(6):  # session, user+Board, 2FA device, roles, then count + page
        response = client.get(reverse("documents:signature_queue"))

    assert len(response.context["page_obj"]) == item_count


def test_the_queue_holds_only_what_waits_for_me(world, client_for, submit):
    mine = submit()
    other_signer = staff_user(world.a.board, BoardRole.SIGNER, full_name="Phó Trưởng Ban Khác")
    submit(NoticeFactory(created_by=world.a.officer, signer=other_signer))
    submit(NoticeFactory(created_by=world.b.officer, signer=world.b.signer))

    response = client_for(world.a.signer).get(reverse("documents:signature_queue"))

    assert list(response.context["page_obj"]) == [mine]


def test_signature_page_trio(world, client_for, submit):
    signature_request = submit()
    url = reverse("documents:signature_detail", args=[signature_request.pk])

    signer_page = client_for(world.a.signer).get(url)
    officer_page = client_for(world.a.officer).get(url)

    assert signer_page.status_code == 200
    assert signer_page.context["sign_form"] is not None
    assert officer_page.status_code == 200
    assert officer_page.context["sign_form"] is None
    assert officer_page.context["can_withdraw"] is True
    assert client_for(UserFactory(organization=world.a.board)).get(url).status_code == 403
    assert client_for(world.b.signer).get(url).status_code == 404


def test_signature_detail_query_count(world, client_for, submit, django_assert_num_queries):
    signature_request = submit()
    client = client_for(world.a.signer)

    with django_assert_num_queries(
        6
    ):  # session, user+Board, 2FA device, roles, the request, the signer's device
        client.get(reverse("documents:signature_detail", args=[signature_request.pk]))


def test_only_the_chosen_signer_may_sign_or_return(world, client_for, submit):
    signature_request = submit()
    other_signer = staff_user(world.a.board, BoardRole.SIGNER, full_name="Phó Trưởng Ban Khác")
    sign_url = reverse("documents:signature_sign", args=[signature_request.pk])
    return_url = reverse("documents:signature_return", args=[signature_request.pk])
    data = {"password": TEST_PASSWORD, "reason": "x"}

    for user in (other_signer, world.a.officer, world.a.admin, world.a.council):
        assert client_for(user).post(sign_url, data).status_code == 403
        assert client_for(user).post(return_url, data).status_code == 403
    for user in (world.b.signer, world.b.admin):
        assert client_for(user).post(sign_url, data).status_code == 404
    assert client_for(world.a.signer).get(sign_url).status_code == 405

    signature_request.refresh_from_db()
    assert signature_request.status == SignatureRequestStatus.PENDING
    assert not NumberSequence.objects.exists()


@pytest.mark.slow
def test_signer_signs_with_password_and_code_then_the_number_appears(
    world, client_for, submit, django_capture_on_commit_callbacks
):
    signature_request = submit()
    client = client_for(world.a.signer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("documents:signature_sign", args=[signature_request.pk]),
            {"password": TEST_PASSWORD, "otp_token": totp_now(world.a.signer)},
            follow=True,
        )

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse(
        "documents:signature_detail", args=[signature_request.pk]
    )
    assert "01/TB-BQL" in html
    assert Notice.objects.get().status == DocumentState.ISSUED


def test_a_wrong_password_shows_an_error_and_is_counted(world, client_for, submit):
    signature_request = submit()
    client = english(client_for(world.a.signer))

    response = client.post(
        reverse("documents:signature_sign", args=[signature_request.pk]),
        {"password": "wrong", "otp_token": totp_now(world.a.signer)},
    )

    assert response.status_code == 200
    assert "Re-authentication failed" in response.content.decode()
    assert AuditEvent.objects.filter(action="signature_request.reauth_failed").count() == 1
    assert not NumberSequence.objects.exists()


def test_a_missing_code_is_a_form_error(world, client_for, submit):
    signature_request = submit()

    response = client_for(world.a.signer).post(
        reverse("documents:signature_sign", args=[signature_request.pk]), {"password": TEST_PASSWORD}
    )

    assert response.status_code == 200
    assert response.context["sign_form"].errors["otp_token"]


def test_returned_notice_shows_the_reason_to_its_issuer(world, client_for, submit):
    signature_request = submit()
    returned = client_for(world.a.signer).post(
        reverse("documents:signature_return", args=[signature_request.pk]),
        {"reason": "Bổ sung địa điểm tổ chức Hội nghị."},
    )

    page = client_for(world.a.officer).get(
        reverse("documents:notice_detail", args=[signature_request.object_id])
    )

    assert returned.status_code == 302
    assert page.context["notice"].status == DocumentState.DRAFT
    assert "Bổ sung địa điểm tổ chức Hội nghị." in page.content.decode()
    assert reverse("documents:notice_submit", args=[signature_request.object_id]) in page.content.decode()


def test_return_without_a_reason_is_a_form_error(world, client_for, submit):
    signature_request = submit()

    response = client_for(world.a.signer).post(
        reverse("documents:signature_return", args=[signature_request.pk]), {"reason": ""}
    )

    assert response.status_code == 200
    assert response.context["return_form"].errors["reason"]


def test_withdraw_trio(world, client_for, submit):
    signature_request = submit()
    url = reverse("documents:signature_withdraw", args=[signature_request.pk])

    assert client_for(world.a.council).post(url).status_code == 403
    assert client_for(world.b.officer).post(url).status_code == 404
    response = client_for(world.a.officer).post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("documents:notice_detail", args=[signature_request.object_id])
    assert Notice.objects.get().status == DocumentState.DRAFT
