import pytest
from django.contrib.sessions.models import Session

from thidua.accounts.session_refresh import REFRESHED_KEY

pytestmark = pytest.mark.unit


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_recent_session_is_not_written_again(world, client_for):
    client = client_for(world.a.officer)
    before = _expiry(client)

    client.get("/")

    assert _expiry(client) == before


def test_session_older_than_the_refresh_interval_moves_its_expiry_forward(world, client_for, settings):
    client = client_for(world.a.officer)
    session = client.session
    session[REFRESHED_KEY] = 0
    session.save()
    before = _expiry(client)

    client.get("/")

    assert _expiry(client) > before
    assert client.session[REFRESHED_KEY] > 0
