"""notify(): one in-app row per user and one e-mail with an absolute link, sent only once the change commits."""

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from tests.factories.accounts import UserFactory
from thidua.notifications.models import Notification
from thidua.notifications.services import absolute_url, notify

pytestmark = pytest.mark.unit


@pytest.fixture
def pledge_context(world):
    """The context the pledge_reminder e-mail expects, as plain values."""

    class Year:
        year = 2026

    class Template:
        year = Year()
        bloc = type("Bloc", (), {"name": "Khối thi đua số 1"})()
        signing_deadline = None

    class Pledge:
        template = Template()
        enterprise = type("Enterprise", (), {"name": "Công ty TNHH Hồng Ngọc"})()

    return {"pledge": Pledge(), "step": "Nháp", "deadline": None}


def test_notify_writes_one_row_per_user_and_one_mail_with_an_absolute_link(
    world, pledge_context, django_capture_on_commit_callbacks
):
    users = [UserFactory(organization=world.a.board), UserFactory(organization=world.a.board, email="")]

    with django_capture_on_commit_callbacks(execute=True):
        sent = notify(
            users,
            kind="pledge_reminder",
            message="Nhắc việc",
            url="/blocs/pledges/7/",
            context=pledge_context,
        )

    rows = list(Notification.objects.order_by("id").values_list("user_id", "kind", "url"))
    assert rows == [(u.pk, "pledge_reminder", "/blocs/pledges/7/") for u in users]
    assert sent == 1
    assert [message.to for message in mail.outbox] == [[users[0].email]]
    assert f"{settings.SITE_URL}/blocs/pledges/7/" in mail.outbox[0].body


def test_no_mail_when_the_change_rolls_back(world, pledge_context, django_capture_on_commit_callbacks):
    user = UserFactory(organization=world.a.board)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify([user], kind="pledge_reminder", message="x", url="/p/", context=pledge_context)
                raise RuntimeError
        except RuntimeError:
            pass

    assert (callbacks, mail.outbox, Notification.objects.count()) == ([], [], 0)


def test_absolute_url_keeps_absolute_links():
    assert (absolute_url("/a/"), absolute_url("https://x.vn/a/"), absolute_url("")) == (
        f"{settings.SITE_URL}/a/",
        "https://x.vn/a/",
        "",
    )
