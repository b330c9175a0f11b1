"""The quarterly world of Board A (a bloc of four members in 2026), reused for the criteria sets."""

import pytest

from tests.scoring.quarterly.conftest import client_as, make_quarterly_world  # noqa: F401 -- shared fixture


@pytest.fixture
def qw(world):
    return make_quarterly_world(world)
