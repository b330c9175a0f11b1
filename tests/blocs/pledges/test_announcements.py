"""Each step of a pledge and of its template is announced at once, in the app and by e-mail with an absolute
link, to those who must act or are affected."""

import datetime

import pytest
from django.urls import reverse

from blocs.enums import EnterpriseRole, MembershipRole
from blocs.pledges import services
from tests.blocs.pledges.conftest import fill
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EnterpriseFactory, enterprise_user
from tests.notifications.announced import mailed, notified
from thidua.notifications.models import Notification

pytestmark = pytest.mark.integration


def test_a_submitted_pledge_is_announced_to_the_bloc_leader(pw, django_capture_on_commit_callbacks):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)

    path = reverse("pledges:pledge_detail", args=[pledge.pk])
    assert notified("pledge_submitted") == {pw.leader_rep.pk: path}
    assert mailed(path) == [pw.leader_rep.email]


def test_the_leaders_pledge_without_a_deputy_is_announced_to_the_board(
    world, pw, django_capture_on_commit_callbacks
):
    pledge = fill(pw.pledge_of(pw.leader), pw.leader_rep, pw.indicators)

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_pledge(pledge=pledge, submitted_by=pw.leader_rep)

    assert set(notified("pledge_submitted")) == {world.a.admin.pk, world.a.officer.pk}


def test_a_signed_pledge_is_announced_to_the_leader(pw, django_capture_on_commit_callbacks):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)
    services.accept_pledge(pledge=pledge, accepted_by=pw.leader_rep)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_pledge(pledge=pledge, user=pw.member_rep, password=TEST_PASSWORD, title="Giám đốc")

    path = reverse("pledges:pledge_detail", args=[pledge.pk])
    assert notified("pledge_signed") == {pw.leader_rep.pk: path}
    assert mailed(path) == [pw.leader_rep.email]


@pytest.fixture
def draft(world, pw):
    """A second bloc of the same year whose people exist before its template: leader and one member."""
    bloc = BlocFactory(organization=world.a.board, name="Khối thi đua KCN Điềm Thụy")
    leader = EnterpriseFactory(organization=world.a.board)
    member = EnterpriseFactory(organization=world.a.board)
    BlocMembershipFactory(bloc=bloc, enterprise=leader, year=pw.template.year, role=MembershipRole.LEADER)
    BlocMembershipFactory(bloc=bloc, enterprise=member, year=pw.template.year)
    people = {
        "leader_rep": enterprise_user(leader),
        "member_rep": enterprise_user(member),
        "member_reporter": enterprise_user(member, EnterpriseRole.REPORTER),
    }
    template = services.create_template(
        bloc=bloc,
        year=pw.template.year,
        created_by=people["leader_rep"],
        theme="Đoàn kết, đổi mới",
        joint_text="Phấn đấu hoàn thành các chỉ tiêu.",
        commitments=["Nộp thuế đúng hạn"],
        indicators=pw.indicators,
        signing_deadline=datetime.date(2026, 3, 31),
    )
    Notification.objects.all().delete()  # those of the first bloc's template
    return template, people


def test_a_submitted_template_is_announced_to_the_boards_managers(
    world, draft, django_capture_on_commit_callbacks
):
    template, people = draft

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_template(template=template, submitted_by=people["leader_rep"])

    path = reverse("pledges:template_detail", args=[template.pk])
    assert notified("template_submitted") == {world.a.admin.pk: path, world.a.officer.pk: path}
    assert mailed(path) == sorted([world.a.admin.email, world.a.officer.email])


def test_a_returned_template_is_announced_to_the_leader(world, draft, django_capture_on_commit_callbacks):
    template, people = draft
    services.submit_template(template=template, submitted_by=people["leader_rep"])

    with django_capture_on_commit_callbacks(execute=True):
        services.return_template(template=template, returned_by=world.a.officer, reason="Thiếu chỉ tiêu XK")

    path = reverse("pledges:template_detail", args=[template.pk])
    assert notified("template_returned") == {people["leader_rep"].pk: path}
    assert mailed(path) == [people["leader_rep"].email]


def test_an_approved_template_is_announced_to_every_members_people(
    world, draft, django_capture_on_commit_callbacks
):
    template, people = draft
    services.submit_template(template=template, submitted_by=people["leader_rep"])

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_template(template=template, approved_by=world.a.officer)

    path = reverse("pledges:my_pledge")
    assert notified("template_approved") == {user.pk: path for user in people.values()}
    assert mailed(path) == sorted(user.email for user in people.values())
