"""The open year's settings: validated, audited, read-only once the year is closed; each one does something
(the leader's term length, which nothing could honour, was removed: a term is one year)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from blocs.enums import YearStatus
from blocs.membership.forms import YearSettingsForm
from blocs.membership.queries import current_round
from blocs.membership.rules import DEFAULT_YEAR_SETTINGS, clean_year_settings
from blocs.membership.services.elections import create_election
from blocs.membership.services.years import close_year, update_year_settings
from tests.conftest import english
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit

FORM = {
    "bloc_quorum_ratio": "0.75",
    "bloc_vote_threshold_ratio": "0.5",
    "leader_consecutive_terms_allowed": "on",
    "enterprise_report_day": "5",
    "bloc_report_day": "15",
    "objection_window_working_days": "7",
    "dossier_deadline": "11-30",
}


# ---------------------------------------------------------------------------
# Pure validation
# ---------------------------------------------------------------------------
def test_defaults_are_valid():
    assert clean_year_settings(DEFAULT_YEAR_SETTINGS) == DEFAULT_YEAR_SETTINGS


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("bloc_quorum_ratio", "1.01"),
        ("bloc_quorum_ratio", "0"),
        ("bloc_vote_threshold_ratio", "abc"),
        ("bloc_vote_threshold_ratio", "NaN"),
        ("enterprise_report_day", 0),
        ("bloc_report_day", 32),
        ("objection_window_working_days", "5"),
        ("leader_term_years", 2),
        ("leader_consecutive_terms_allowed", "yes"),
        ("dossier_deadline", "13-01"),
        ("dossier_deadline", "02-30"),
        ("surprise", 1),
    ],
)
def test_out_of_range_values_are_refused(key, value):
    with pytest.raises(ValidationError) as caught:
        clean_year_settings({key: value})

    assert list(caught.value.message_dict) == [key]


def test_values_are_normalised():
    cleaned = clean_year_settings(
        {"bloc_quorum_ratio": Decimal("0.75"), "dossier_deadline": "2-29", "bloc_report_day": 31}
    )

    assert cleaned == {"bloc_quorum_ratio": "0.75", "dossier_deadline": "02-29", "bloc_report_day": 31}


@pytest.mark.unit
def test_every_setting_is_read_and_the_term_length_is_gone():
    """Issue 10, item 8: the leader's term length did nothing; it is no setting any more. The deputy rule is
    enforced (tests/blocs/membership/test_elections.py, test_rules.py); the objection window and the dossier
    deadline stay for scoring and awards."""
    assert "leader_term_years" not in DEFAULT_YEAR_SETTINGS
    assert "leader_term_years" not in YearSettingsForm().fields
    assert {"objection_window_working_days", "dossier_deadline", "deputy_is_default_leader_candidate"} <= set(
        DEFAULT_YEAR_SETTINGS
    )


# ---------------------------------------------------------------------------
# Service
# ---------------------------------------------------------------------------
def test_update_merges_audits_and_feeds_the_election(world, blocs_world):
    update_year_settings(
        year=blocs_world.year, settings={"bloc_quorum_ratio": Decimal("0.8")}, updated_by=world.a.officer
    )

    blocs_world.year.refresh_from_db()
    session = current_round(
        create_election(
            bloc=blocs_world.bloc, year=blocs_world.year, office="LEADER", elects_for=2027, created_by=None
        )
    )
    event = AuditEvent.objects.get(action="year.settings_updated")
    assert blocs_world.year.settings == {**DEFAULT_YEAR_SETTINGS, "bloc_quorum_ratio": "0.8"}
    assert session.quorum_ratio == Decimal("0.8")
    assert event.changes == {"bloc_quorum_ratio": ["0.6667", "0.8"]}


def test_update_refuses_bad_values_and_writes_nothing(world, blocs_world):
    with pytest.raises(ValidationError):
        update_year_settings(
            year=blocs_world.year,
            settings={"bloc_quorum_ratio": "0.8", "bloc_report_day": 40},
            updated_by=world.a.officer,
        )

    blocs_world.year.refresh_from_db()
    assert blocs_world.year.settings == DEFAULT_YEAR_SETTINGS
    assert not AuditEvent.objects.filter(action="year.settings_updated").exists()


def test_closed_year_settings_are_read_only(world, blocs_world):
    close_year(year=blocs_world.year, closed_by=world.a.officer)

    with pytest.raises(ValidationError, match="closed"):
        update_year_settings(
            year=blocs_world.year, settings={"bloc_quorum_ratio": "0.8"}, updated_by=world.a.officer
        )


# ---------------------------------------------------------------------------
# Screen
# ---------------------------------------------------------------------------
def test_year_settings_trio(world, blocs_world, client_for):
    url = reverse("membership:year_settings", args=[blocs_world.year.pk])

    assert client_for(world.a.officer).get(url).status_code == 200
    assert client_for(world.a.council).get(url).status_code == 200  # staff read
    assert client_for(world.a.council).post(url, FORM).status_code == 403  # but do not edit
    assert client_for(blocs_world.leader).get(url).status_code == 403
    assert client_for(world.b.officer).get(url).status_code == 404
    assert client_for(world.b.admin).post(url, FORM).status_code == 404


def test_officer_edits_through_the_form(world, blocs_world, client_for):
    url = reverse("membership:year_settings", args=[blocs_world.year.pk])

    response = client_for(world.a.officer).post(url, FORM)

    blocs_world.year.refresh_from_db()
    assert response.status_code == 302
    assert blocs_world.year.settings == {
        "bloc_quorum_ratio": "0.75",
        "bloc_vote_threshold_ratio": "0.5",
        "leader_consecutive_terms_allowed": True,
        "deputy_is_default_leader_candidate": False,
        "enterprise_report_day": 5,
        "bloc_report_day": 15,
        "objection_window_working_days": 7,
        "dossier_deadline": "11-30",
    }


def test_form_shows_range_errors(world, blocs_world, client_for):
    url = reverse("membership:year_settings", args=[blocs_world.year.pk])

    response = english(client_for(world.a.officer)).post(
        url, {**FORM, "bloc_quorum_ratio": "1.5", "bloc_report_day": "0", "dossier_deadline": "31-12"}
    )

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert sorted(errors) == ["bloc_quorum_ratio", "bloc_report_day", "dossier_deadline"]
    blocs_world.year.refresh_from_db()
    assert blocs_world.year.settings == DEFAULT_YEAR_SETTINGS


def test_closed_year_page_is_read_only_and_refuses_a_post(world, blocs_world, client_for):
    close_year(year=blocs_world.year, closed_by=world.a.officer)
    client = english(client_for(world.a.officer))
    url = reverse("membership:year_settings", args=[blocs_world.year.pk])

    page = client.get(url)
    post = client.post(url, FORM)

    blocs_world.year.refresh_from_db()
    assert (page.context["can_edit"], blocs_world.year.status) == (False, YearStatus.CLOSED)
    assert b'name="bloc_quorum_ratio"' not in page.content
    assert "can no longer be changed" in post.content.decode()
    assert blocs_world.year.settings == DEFAULT_YEAR_SETTINGS
