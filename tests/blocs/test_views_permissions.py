"""The permission trio for every object URL: allowed / insider without the right (403) / other Board (404)."""

import pytest
from django.urls import reverse

from blocs.enums import EnterpriseRole
from blocs.membership.services.elections import create_election
from blocs.models import Delegation, MembershipApplication
from tests.factories.blocs import (
    BlocFactory,
    ConsolidationDecisionFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    IndustrialParkFactory,
    MeetingFactory,
    MembershipApplicationFactory,
    enterprise_user,
)

pytestmark = pytest.mark.unit


def status(client_for, user, url, method="get"):
    return getattr(client_for(user), method)(url).status_code


def test_enterprise_detail_trio(world, blocs_world, client_for):
    url = reverse("register:enterprise_detail", args=[blocs_world.member_enterprise.pk])

    assert status(client_for, world.a.council, url) == 200  # Board staff
    assert status(client_for, blocs_world.member, url) == 200  # its own user
    assert status(client_for, blocs_world.leader, url) == 200  # the leader of its bloc
    assert status(client_for, blocs_world.outsider, url) == 403  # another bloc's enterprise
    assert status(client_for, world.b.officer, url) == 404


def test_enterprise_edit_trio(world, blocs_world, client_for):
    url = reverse("register:enterprise_edit", args=[blocs_world.member_enterprise.pk])

    assert status(client_for, world.a.officer, url) == 200
    assert status(client_for, world.a.council, url) == 403
    assert status(client_for, blocs_world.member, url) == 403
    assert status(client_for, world.b.admin, url) == 404


def test_bloc_detail_trio_and_contacts(world, blocs_world, client_for):
    url = reverse("membership:bloc_detail", args=[blocs_world.bloc.pk])

    leader_page = client_for(blocs_world.leader).get(url)
    member_page = client_for(blocs_world.member).get(url)

    assert (leader_page.status_code, leader_page.context["show_contacts"]) == (200, True)
    assert (member_page.status_code, member_page.context["show_contacts"]) == (200, False)
    assert status(client_for, world.a.signer, url) == 200
    assert status(client_for, blocs_world.outsider, url) == 403
    assert status(client_for, world.b.officer, url) == 404


def test_bloc_edit_trio(world, blocs_world, client_for):
    url = reverse("membership:bloc_edit", args=[blocs_world.bloc.pk])

    assert status(client_for, world.a.admin, url) == 200
    assert status(client_for, blocs_world.leader, url) == 403
    assert status(client_for, world.b.admin, url) == 404


def test_park_edit_trio(world, client_for):
    park = IndustrialParkFactory(organization=world.a.board)
    url = reverse("register:park_edit", args=[park.pk])

    assert status(client_for, world.a.officer, url) == 200
    assert status(client_for, world.a.council, url) == 403
    assert status(client_for, world.b.officer, url) == 404


def test_year_close_trio(world, client_for):
    url = reverse(
        "membership:year_close", args=[EmulationYearFactory(organization=world.a.board, year=2024).pk]
    )

    assert status(client_for, world.a.signer, url, "post") == 403
    assert status(client_for, world.b.officer, url, "post") == 404
    assert status(client_for, world.a.officer, url, "post") == 302


def test_application_detail_trio(world, blocs_world, client_for):
    application = MembershipApplicationFactory(
        enterprise=blocs_world.member_enterprise, year=blocs_world.year
    )
    url = reverse("membership:application_detail", args=[application.pk])

    assert status(client_for, world.a.officer, url) == 200
    assert status(client_for, blocs_world.member, url) == 200
    assert status(client_for, blocs_world.leader, url) == 403
    assert status(client_for, world.b.officer, url) == 404


def test_application_approve_trio(world, blocs_world, client_for):
    application = MembershipApplicationFactory(
        enterprise=blocs_world.member_enterprise, year=blocs_world.year
    )
    url = reverse("membership:application_approve", args=[application.pk])

    assert status(client_for, world.a.council, url, "post") == 403
    assert status(client_for, blocs_world.member, url, "post") == 403
    assert status(client_for, world.b.officer, url, "post") == 404


def test_decision_detail_trio(world, client_for):
    decision = ConsolidationDecisionFactory(organization=world.a.board)
    url = reverse("membership:decision_detail", args=[decision.pk])

    assert status(client_for, world.a.council, url) == 200
    other = EmulationYearFactory(organization=world.a.board, year=2020)
    assert other.pk
    assert status(client_for, world.b.officer, url) == 404


def test_decision_detail_forbidden_for_enterprise_user(world, blocs_world, client_for):
    url = reverse(
        "membership:decision_detail", args=[ConsolidationDecisionFactory(organization=world.a.board).pk]
    )

    assert status(client_for, blocs_world.leader, url) == 403


def test_meeting_trio(world, blocs_world, client_for):
    meeting = MeetingFactory(bloc=blocs_world.bloc, year=blocs_world.year)
    url = reverse("membership:meeting_detail", args=[meeting.pk])
    create_url = reverse("membership:meeting_create", args=[blocs_world.bloc.pk])

    assert status(client_for, blocs_world.leader, url) == 200
    assert status(client_for, blocs_world.outsider, url) == 403
    assert status(client_for, world.b.officer, url) == 404
    assert status(client_for, blocs_world.leader, create_url) == 200
    assert status(client_for, blocs_world.member, create_url) == 403
    assert status(client_for, world.b.officer, create_url) == 404


def test_membership_role_trio(world, blocs_world, client_for):
    membership = blocs_world.member_enterprise.memberships.get()
    url = reverse("membership:membership_role", args=[membership.pk])

    assert status(client_for, blocs_world.leader, url, "post") == 403
    assert status(client_for, world.b.officer, url, "post") == 404
    assert status(client_for, world.a.officer, url, "post") == 302


def test_election_trio(world, blocs_world, client_for):
    election = create_election(
        bloc=blocs_world.bloc,
        year=blocs_world.year,
        office="LEADER",
        elects_for=2027,
        created_by=world.a.officer,
    )
    detail = reverse("membership:election_detail", args=[election.pk])
    open_url = reverse("membership:election_open", args=[election.pk])
    confirm_url = reverse("membership:election_confirm", args=[election.pk])
    create_url = reverse("membership:election_create", args=[blocs_world.bloc.pk])

    assert status(client_for, blocs_world.member, detail) == 200  # a member of the bloc
    assert status(client_for, blocs_world.outsider, detail) == 403
    assert status(client_for, world.b.officer, detail) == 404
    assert status(client_for, blocs_world.member, open_url, "post") == 403
    assert status(client_for, world.b.officer, open_url, "post") == 404
    assert status(client_for, blocs_world.leader, open_url, "post") == 302  # the bloc leader runs it
    assert status(client_for, blocs_world.leader, confirm_url, "post") == 403
    assert status(client_for, blocs_world.leader, create_url) == 200
    assert status(client_for, blocs_world.member, create_url) == 403
    assert status(client_for, world.b.officer, create_url) == 404


def test_the_leaders_powers_go_to_its_representative_not_every_user(world, blocs_world, client_for):
    """Issue 10, item 7: a reporter of the leader enterprise does not hold the leader's powers, unless the
    representative names them delegate."""
    reporter = enterprise_user(blocs_world.leader_enterprise, role=EnterpriseRole.REPORTER)
    run_url = reverse("membership:election_create", args=[blocs_world.bloc.pk])
    contacts = reverse("membership:bloc_detail", args=[blocs_world.bloc.pk])

    before = (
        status(client_for, reporter, run_url),
        client_for(reporter).get(contacts).context["show_contacts"],
    )
    client_for(blocs_world.leader).post(reverse("membership:delegate_name"), {"delegate": reporter.pk})
    after = (
        status(client_for, reporter, run_url),
        client_for(reporter).get(contacts).context["show_contacts"],
    )

    assert (before, after) == ((403, False), (200, True))


def test_a_reporter_cannot_file_the_enterprises_application(world, blocs_world, client_for):
    """Issue 10, item 7."""
    enterprise = EnterpriseFactory(organization=world.a.board)  # in no bloc yet: it could apply
    reporter = enterprise_user(enterprise, role=EnterpriseRole.REPORTER)
    representative = enterprise_user(enterprise)

    response = client_for(reporter).post(
        reverse("membership:my_application_submit"), {"note": "Xin tham gia"}
    )
    page = client_for(reporter).get(reverse("register:my_enterprise"))

    allowed = client_for(representative).post(reverse("membership:my_application_submit"), {"note": "Xin"})

    assert response.status_code == 403
    assert b'action="/blocs/my/application/"' not in page.content
    assert allowed.status_code == 302
    assert MembershipApplication.objects.get().submitted_by == representative


def test_delegate_screens_are_the_representatives(world, blocs_world, client_for):
    reporter = enterprise_user(blocs_world.member_enterprise, role=EnterpriseRole.REPORTER)
    name_url, revoke_url = reverse("membership:delegate_name"), reverse("membership:delegate_revoke")

    assert status(client_for, reporter, name_url, "post") == 403
    assert status(client_for, world.a.officer, name_url, "post") == 404
    assert client_for(blocs_world.member).post(name_url, {"delegate": reporter.pk}).status_code == 302
    assert Delegation.objects.get(revoked_at__isnull=True).delegate == reporter
    assert status(client_for, reporter, revoke_url, "post") == 403
    assert status(client_for, blocs_world.member, revoke_url, "post") == 302
    assert not Delegation.objects.filter(revoked_at__isnull=True).exists()


def test_staff_lists_forbid_enterprise_users(blocs_world, client_for):
    for name in [
        "register:enterprise_list",
        "register:park_list",
        "membership:year_list",
        "membership:bloc_list",
        "membership:application_list",
        "membership:decision_list",
    ]:
        assert status(client_for, blocs_world.leader, reverse(name)) == 403, name


def test_my_enterprise_is_404_for_staff(world, client_for):
    assert status(client_for, world.a.officer, reverse("register:my_enterprise")) == 404


def test_my_enterprise_edit_needs_representative(blocs_world, client_for):
    assert status(client_for, blocs_world.outsider, reverse("register:my_enterprise_edit")) == 403
    assert status(client_for, blocs_world.member, reverse("register:my_enterprise_edit")) == 200


def test_other_board_bloc_is_404_for_leader(world, blocs_world, client_for):
    foreign = BlocFactory(organization=world.b.board)

    assert status(client_for, blocs_world.leader, reverse("membership:bloc_detail", args=[foreign.pk])) == 404
