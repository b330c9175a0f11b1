"""Who may download the bloc's joint pledge: the Board's staff and every user of the bloc's members."""

import pytest
from django.urls import reverse

from blocs.pledges import services
from tests.blocs.pledges.conftest import signed
from tests.factories.accounts import UserFactory
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EnterpriseFactory, enterprise_user

pytestmark = [pytest.mark.unit, pytest.mark.slow]  # every test renders the joint pledge


@pytest.fixture
def joint(pw, world, django_capture_on_commit_callbacks):
    """The joint pledge rendered after the leader and a member signed and the Board closed signing."""
    with django_capture_on_commit_callbacks(execute=True):
        signed(pw, pw.leader, pw.leader_rep, world.a.officer)
        signed(pw, pw.member, pw.member_rep, world.a.officer)
        services.close_signing(template=pw.template, closed_by=world.a.officer)
    pw.template.refresh_from_db()
    document = pw.template.joint_document
    document.refresh_from_db()
    assert document.is_done, document.error
    return document


@pytest.fixture
def other_bloc_user(pw, world):
    """A representative of an enterprise of another bloc of the same Board, the same year."""
    enterprise = EnterpriseFactory(organization=world.a.board)
    BlocMembershipFactory(
        bloc=BlocFactory(organization=world.a.board), enterprise=enterprise, year=pw.template.year
    )
    return enterprise_user(enterprise)


def test_joint_pledge_download_trio(pw, world, client_for, joint, other_bloc_user):
    url = reverse("documents:document_download", args=[joint.pk])

    for user in (pw.member_rep, pw.reporter, pw.leader_rep, pw.other_rep, world.a.council):
        response = client_for(user).get(url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content)[:4] == b"%PDF"
    assert client_for(other_bloc_user).get(url).status_code == 404
    assert client_for(world.b.admin).get(url).status_code == 404
    assert (
        client_for(enterprise_user(EnterpriseFactory(organization=world.b.board))).get(url).status_code == 404
    )


def test_board_insider_without_role_still_gets_403(world, client_for, joint):
    url = reverse("documents:document_download", args=[joint.pk])

    assert client_for(UserFactory(organization=world.a.board)).get(url).status_code == 403


def test_status_partial_follows_the_same_rule(pw, world, client_for, joint, other_bloc_user):
    url = reverse("documents:document_status", args=[joint.pk])

    assert client_for(pw.reporter).get(url).status_code == 200
    assert client_for(other_bloc_user).get(url).status_code == 404


def test_members_see_the_joint_pledge_on_their_pledge_page(pw, world, client_for, joint):
    download = reverse("documents:document_download", args=[joint.pk])

    for user, enterprise in ((pw.reporter, pw.member), (pw.other_rep, pw.other), (pw.leader_rep, pw.leader)):
        html = client_for(user).get(reverse("pledges:pledge_detail", args=[pw.pledge_of(enterprise).pk]))
        assert download in html.content.decode(), user


def test_leader_sees_the_joint_pledge_on_the_template_page(pw, client_for, joint):
    html = client_for(pw.leader_rep).get(reverse("pledges:template_detail", args=[pw.template.pk]))

    assert reverse("documents:document_download", args=[joint.pk]) in html.content.decode()
