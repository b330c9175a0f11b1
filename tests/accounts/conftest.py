import pytest

from tests.conftest import english as speak_english


@pytest.fixture
def english():
    """``english(client)``: the same client, now asking for English pages."""
    return speak_english
