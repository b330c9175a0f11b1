import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import english
from tests.factories.accounts import UserFactory
from tests.factories.documents import NoticeFactory
from thidua.audit.models import AuditEvent
from thidua.documents import services
from thidua.documents.models import Notice

pytestmark = pytest.mark.unit


def _form_data(world, **overrides):
    data = {
        "title": "Về việc nộp báo cáo quý II",
        "audience": "Các doanh nghiệp",
        "body": "Đoạn mới.",
        "recipients": "Như trên;\nLưu: VT.",
        "signer": world.a.signer.pk,
    }
    data.update(overrides)
    return data


@pytest.fixture
def draft(world):
    return NoticeFactory(created_by=world.a.officer, signer=world.a.signer)


@pytest.fixture
def issued(issued_notice):
    return issued_notice


# --- services ----------------------------------------------------------------
def test_update_draft_changes_fields_and_audits_the_difference(world, draft):
    fields = {name: getattr(draft, name) for name in services.NOTICE_FIELDS}
    fields["title"] = "Về việc mới"

    services.update_notice(notice=draft, updated_by=world.a.admin, **fields)

    draft.refresh_from_db()
    event = AuditEvent.objects.get(action="notice.updated")
    assert draft.title == "Về việc mới"
    assert event.actor == world.a.admin
    assert list(event.changes) == ["title"]


def test_update_checks_like_create(world, draft):
    fields = {name: getattr(draft, name) for name in services.NOTICE_FIELDS}

    with pytest.raises(ValidationError) as refused:
        services.update_notice(
            notice=draft, updated_by=world.a.officer, **(fields | {"signer": world.b.signer})
        )

    assert "signer" in refused.value.message_dict
    draft.refresh_from_db()
    assert draft.signer == world.a.signer


@pytest.mark.slow
def test_an_issued_notice_is_immutable(world, issued):
    fields = {name: getattr(issued, name) for name in services.NOTICE_FIELDS} | {
        "title": "Sửa sau khi ban hành"
    }

    with pytest.raises(ValidationError, match="has been issued"):
        services.update_notice(notice=issued, updated_by=world.a.officer, **fields)
    with pytest.raises(ValidationError, match="has been issued"):
        services.delete_notice(notice=issued, deleted_by=world.a.officer)

    issued.refresh_from_db()
    assert issued.title != "Sửa sau khi ban hành"
    assert not AuditEvent.objects.filter(action__in=["notice.updated", "notice.deleted"]).exists()


def test_delete_draft_is_audited(world, draft):
    pk = draft.pk

    services.delete_notice(notice=draft, deleted_by=world.a.officer)

    event = AuditEvent.objects.get(action="notice.deleted")
    assert not Notice.objects.filter(pk=pk).exists()
    assert (event.object_id, event.changes["title"]) == (str(pk), draft.title)


# --- views -------------------------------------------------------------------
def test_edit_form_is_prefilled_and_saves(world, client_for, draft):
    client = client_for(world.a.officer)
    url = reverse("documents:notice_edit", args=[draft.pk])

    page = client.get(url)
    response = client.post(url, _form_data(world))

    draft.refresh_from_db()
    assert page.context["form"].initial["title"] == NoticeFactory.title
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:notice_detail", args=[draft.pk])
    assert (draft.title, draft.body) == ("Về việc nộp báo cáo quý II", "Đoạn mới.")


def test_edit_form_shows_service_errors(world, client_for, draft):
    world.a.signer.board_roles.all().delete()  # no longer a signer: the service refuses it

    response = client_for(world.a.officer).post(
        reverse("documents:notice_edit", args=[draft.pk]), _form_data(world)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["signer"]


def test_edit_trio(world, client_for, draft):
    url = reverse("documents:notice_edit", args=[draft.pk])

    assert client_for(world.a.admin).get(url).status_code == 200
    assert client_for(world.a.council).get(url).status_code == 403
    assert client_for(UserFactory(organization=world.a.board)).get(url).status_code == 403
    assert client_for(world.b.admin).get(url).status_code == 404
    assert client_for(world.b.admin).post(url, _form_data(world)).status_code == 404


@pytest.mark.slow
def test_edit_of_an_issued_notice_redirects_with_a_message(world, client_for, issued):
    client = english(client_for(world.a.officer))

    response = client.post(reverse("documents:notice_edit", args=[issued.pk]), _form_data(world), follow=True)

    issued.refresh_from_db()
    assert response.redirect_chain[-1][0] == reverse("documents:notice_detail", args=[issued.pk])
    assert "Only a draft notice can be changed" in response.content.decode()
    assert issued.title == NoticeFactory.title


def test_delete_trio(world, client_for, draft):
    url = reverse("documents:notice_delete", args=[draft.pk])

    assert client_for(world.a.council).post(url).status_code == 403
    assert client_for(world.b.admin).post(url).status_code == 404
    assert client_for(world.a.officer).get(url).status_code == 405
    response = client_for(world.a.officer).post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("documents:notice_list")
    assert not Notice.objects.filter(pk=draft.pk).exists()


@pytest.mark.slow
def test_delete_of_an_issued_notice_is_refused(world, client_for, issued):
    client = english(client_for(world.a.officer))

    response = client.post(reverse("documents:notice_delete", args=[issued.pk]), follow=True)

    assert Notice.objects.filter(pk=issued.pk).exists()
    assert "can no longer be changed or deleted" in response.content.decode()


def test_detail_offers_edit_and_delete_only_for_drafts(world, client_for, draft):
    client = client_for(world.a.officer)
    edit_url = reverse("documents:notice_edit", args=[draft.pk])

    before = client.get(reverse("documents:notice_detail", args=[draft.pk])).content.decode()
    services.submit_notice(notice=draft, submitted_by=world.a.officer)
    after = client.get(reverse("documents:notice_detail", args=[draft.pk])).content.decode()

    assert edit_url in before
    assert reverse("documents:notice_delete", args=[draft.pk]) in before
    assert reverse("documents:notice_submit", args=[draft.pk]) in before
    assert edit_url not in after
    assert reverse("documents:notice_submit", args=[draft.pk]) not in after
