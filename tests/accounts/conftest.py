import pytest
from django.conf import settings
from django.test import Client


def speak_english(client: Client) -> Client:
    """Ask for English pages (language cookie), so assertions on message text do not follow the catalogues."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def english():
    """``english(client)``: the same client, now asking for English pages."""
    return speak_english
