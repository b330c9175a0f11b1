"""Closing a year: the membership sends ``year_closing`` inside the close and ``year_closed`` after it commits;
a receiver that refuses keeps the year open."""

import pytest
from django.core.exceptions import ValidationError

from blocs.enums import YearStatus
from blocs.membership.services.years import close_year
from blocs.membership.signals import year_closed, year_closing
from blocs.models import EmulationYear
from tests.factories.blocs import EmulationYearFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def year(world):
    return EmulationYearFactory(organization=world.a.board, year=2026)


@pytest.fixture
def heard():
    """Connect a receiver to both signals for one test; it records what it heard."""
    calls = []

    def closing(*, year, **kwargs):
        calls.append(("closing", year.status))

    def closed(*, year, **kwargs):
        calls.append(("closed", year.status))

    year_closing.connect(closing, dispatch_uid="test-closing")
    year_closed.connect(closed, dispatch_uid="test-closed")
    yield calls
    year_closing.disconnect(dispatch_uid="test-closing")
    year_closed.disconnect(dispatch_uid="test-closed")


def test_closing_then_closed_once_committed(world, year, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        close_year(year=year, closed_by=world.a.admin)

    assert heard == [("closing", YearStatus.CLOSED), ("closed", YearStatus.CLOSED)]


def test_a_refusing_receiver_keeps_the_year_open(world, year, django_capture_on_commit_callbacks):
    def refuse(**kwargs):
        raise ValidationError("Not yet.")

    year_closing.connect(refuse, dispatch_uid="test-refuse")
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
            close_year(year=year, closed_by=world.a.admin)
    finally:
        year_closing.disconnect(dispatch_uid="test-refuse")

    assert (EmulationYear.objects.get(pk=year.pk).status, callbacks) == (YearStatus.OPEN, [])
