"""Each user chooses, per kind, the e-mail at once, one daily digest, or none; the bell always shows it."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.factories.accounts import UserFactory
from thidua.notifications.enums import EmailDelivery
from thidua.notifications.models import EmailPreference, Notification
from thidua.notifications.services import notify, send_digests, set_email_preferences

pytestmark = pytest.mark.integration

KIND = "pledge_submitted"


@pytest.fixture
def people(world):
    return {delivery: UserFactory(organization=world.a.board) for delivery in EmailDelivery.values}


def test_each_user_gets_the_email_as_chosen(people, django_capture_on_commit_callbacks):
    for delivery, user in people.items():
        set_email_preferences(user=user, deliveries={KIND: delivery})

    with django_capture_on_commit_callbacks(execute=True):
        sent = notify(
            people.values(), kind=KIND, message="Công ty A đã nộp giao ước", url="/blocs/pledges/1/"
        )

    assert sent == 1
    assert [m.to for m in mail.outbox] == [[people[EmailDelivery.IMMEDIATE].email]]
    rows = dict(Notification.objects.values_list("user_id", "digest_pending"))
    assert rows == {
        people[EmailDelivery.IMMEDIATE].pk: False,
        people[EmailDelivery.DIGEST].pk: True,
        people[EmailDelivery.NONE].pk: False,
    }


def test_the_digest_lists_what_waits_once_with_absolute_links(people, django_capture_on_commit_callbacks):
    reader = people[EmailDelivery.DIGEST]
    set_email_preferences(user=reader, deliveries={KIND: EmailDelivery.DIGEST})
    notify([reader], kind=KIND, message="Công ty A đã nộp giao ước", url="/blocs/pledges/1/")
    notify([reader], kind=KIND, message="Công ty B đã nộp giao ước", url="/blocs/pledges/2/")

    with django_capture_on_commit_callbacks(execute=True):
        first = send_digests()
        second = send_digests()

    assert (first, second) == (1, 0)
    assert [m.to for m in mail.outbox] == [[reader.email]]
    body = mail.outbox[0].body
    assert "Công ty A đã nộp giao ước" in body
    assert f"{settings.SITE_URL}/blocs/pledges/2/" in body
    assert f"{settings.SITE_URL}{reverse('notifications:notification_preferences')}" in body
    assert not Notification.objects.filter(digest_pending=True).exists()


def test_the_preferences_page_saves_a_choice_per_kind(world, client_for):
    client = client_for(world.a.officer)

    page = client.get(reverse("notifications:notification_preferences"))
    response = client.post(
        reverse("notifications:notification_preferences"),
        dict.fromkeys(page.context["form"].fields, EmailDelivery.IMMEDIATE)
        | {f"kind_{KIND}": EmailDelivery.DIGEST},
    )

    assert response.status_code == 302
    assert list(EmailPreference.objects.values_list("user_id", "kind", "delivery")) == [
        (world.a.officer.pk, KIND, EmailDelivery.DIGEST)
    ]


def test_a_bad_choice_is_refused_with_a_message_and_changes_nothing(world, client_for):
    client = client_for(world.a.officer)

    response = client.post(reverse("notifications:notification_preferences"), {f"kind_{KIND}": "hourly"})

    assert response.status_code == 200
    assert response.context["form"].errors[f"kind_{KIND}"]
    assert EmailPreference.objects.count() == 0
