"""Each step of the membership is announced at once, in the app and by e-mail with an absolute link, to those
who must act or are affected: applications to the Board and back, a bloc's election to its member units."""

import pytest
from django.urls import reverse

from blocs.enums import EnterpriseRole
from blocs.membership.services import (
    approve_application,
    close_election_round,
    create_election,
    name_delegate,
    open_election,
    reject_application,
    submit_application,
)
from tests.factories.blocs import EnterpriseFactory, enterprise_user
from tests.notifications.announced import mailed, notified

pytestmark = pytest.mark.integration


@pytest.fixture
def applicant(world):
    enterprise = EnterpriseFactory(organization=world.a.board)
    return enterprise, enterprise_user(enterprise), enterprise_user(enterprise, EnterpriseRole.REPORTER)


def test_an_application_is_announced_to_the_boards_managers(
    world, blocs_world, applicant, django_capture_on_commit_callbacks
):
    enterprise, representative, _reporter = applicant

    with django_capture_on_commit_callbacks(execute=True):
        application = submit_application(
            enterprise=enterprise, year=blocs_world.year, submitted_by=representative
        )

    path = reverse("membership:application_detail", args=[application.pk])
    assert notified("application_received") == {world.a.admin.pk: path, world.a.officer.pk: path}
    assert mailed(path) == sorted([world.a.admin.email, world.a.officer.email])


@pytest.mark.parametrize("approved", [True, False])
def test_a_decision_is_announced_to_the_applicants_people(
    world, blocs_world, applicant, django_capture_on_commit_callbacks, approved
):
    enterprise, representative, reporter = applicant
    application = submit_application(
        enterprise=enterprise, year=blocs_world.year, submitted_by=representative
    )

    with django_capture_on_commit_callbacks(execute=True):
        if approved:
            approve_application(application=application, bloc=blocs_world.bloc, decided_by=world.a.officer)
        else:
            reject_application(application=application, reason="Chưa đủ hồ sơ", decided_by=world.a.officer)

    path = reverse("register:my_enterprise")
    assert notified("application_decided") == {representative.pk: path, reporter.pk: path}
    assert mailed(path) == sorted([representative.email, reporter.email])


def test_an_election_is_announced_to_the_member_units_and_its_end_to_the_board(
    world, blocs_world, django_capture_on_commit_callbacks
):
    reporter = enterprise_user(blocs_world.member_enterprise, EnterpriseRole.REPORTER)
    delegate = enterprise_user(blocs_world.leader_enterprise, EnterpriseRole.REPORTER)
    name_delegate(enterprise=blocs_world.leader_enterprise, delegate=delegate, named_by=blocs_world.leader)
    election = create_election(
        bloc=blocs_world.bloc, year=blocs_world.year, office="LEADER", elects_for=2027, created_by=None
    )
    path = reverse("membership:election_detail", args=[election.pk])
    speakers = {blocs_world.leader.pk: path, blocs_world.member.pk: path, delegate.pk: path}

    with django_capture_on_commit_callbacks(execute=True):
        open_election(election=election, opened_by=world.a.officer)
    opened = notified("election_opened")
    with django_capture_on_commit_callbacks(execute=True):
        close_election_round(election=election, closed_by=world.a.officer)

    assert opened == speakers  # not the reporter, nor the other bloc's leader
    assert reporter.pk not in opened
    assert notified("election_closed") == speakers | {world.a.admin.pk: path, world.a.officer.pk: path}
    assert mailed(path).count(blocs_world.member.email) == 2
