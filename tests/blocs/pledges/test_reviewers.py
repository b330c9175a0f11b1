"""Conflict of interest: the bloc leader never reviews its own enterprise's pledge; the deputy or the Board does."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from blocs.enums import MembershipRole
from blocs.models import BlocMembership
from blocs.pledges import services
from blocs.pledges.enums import PledgeStatus
from tests.blocs.pledges.conftest import fill, signed
from tests.factories.blocs import enterprise_user

pytestmark = pytest.mark.unit

OWN_PLEDGE = "own enterprise's pledge"


def make_deputy(pw):
    """``pw.other`` becomes the bloc's deputy leader."""
    BlocMembership.objects.filter(bloc=pw.bloc, enterprise=pw.other).update(role=MembershipRole.DEPUTY)


def submitted(pw, enterprise, rep):
    pledge = fill(pw.pledge_of(enterprise), rep, pw.indicators)
    return services.submit_pledge(pledge=pledge, submitted_by=rep)


@pytest.mark.parametrize("step", ["accept", "return"])
def test_leader_may_not_review_its_own_pledge(pw, step):
    make_deputy(pw)
    pledge = submitted(pw, pw.leader, pw.leader_rep)

    with pytest.raises(ValidationError, match=OWN_PLEDGE):
        if step == "accept":
            services.accept_pledge(pledge=pledge, accepted_by=pw.leader_rep)
        else:
            services.return_pledge(pledge=pledge, returned_by=pw.leader_rep, reason="Tự trả lại")

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.SUBMITTED


def test_deputy_representative_reviews_the_leaders_pledge(pw):
    make_deputy(pw)
    pledge = submitted(pw, pw.leader, pw.leader_rep)

    services.return_pledge(pledge=pledge, returned_by=pw.other_rep, reason="Thiếu chỉ tiêu xuất khẩu")
    services.submit_pledge(pledge=pledge, submitted_by=pw.leader_rep)
    services.accept_pledge(pledge=pledge, accepted_by=pw.other_rep)

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.ACCEPTED


def test_deputy_reporter_and_deputy_on_other_pledges_are_refused(pw):
    make_deputy(pw)
    deputy_reporter = enterprise_user(pw.other, "REPORTER")
    leaders = submitted(pw, pw.leader, pw.leader_rep)
    members = submitted(pw, pw.member, pw.member_rep)

    with pytest.raises(ValidationError, match="Only the bloc leader"):
        services.accept_pledge(pledge=leaders, accepted_by=deputy_reporter)
    with pytest.raises(ValidationError, match="Only the bloc leader"):
        services.accept_pledge(pledge=members, accepted_by=pw.other_rep)


def test_without_a_deputy_only_the_board_reviews_the_leaders_pledge(pw, world):
    pledge = submitted(pw, pw.leader, pw.leader_rep)

    with pytest.raises(ValidationError, match=OWN_PLEDGE):
        services.accept_pledge(pledge=pledge, accepted_by=pw.leader_rep)
    with pytest.raises(ValidationError, match="Only the bloc leader"):
        services.accept_pledge(pledge=pledge, accepted_by=pw.other_rep)
    services.accept_pledge(pledge=pledge, accepted_by=world.a.officer)

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.ACCEPTED


def test_leader_may_not_accept_its_own_amendment(pw, world):
    make_deputy(pw)
    signed(pw, pw.leader, pw.leader_rep, world.a.officer)
    amendment = services.propose_amendment(
        pledge=pw.pledge_of(pw.leader), proposed_by=pw.leader_rep, reason="Điều chỉnh doanh thu"
    )
    services.submit_pledge(pledge=amendment, submitted_by=pw.leader_rep)

    with pytest.raises(ValidationError, match=OWN_PLEDGE):
        services.accept_pledge(pledge=amendment, accepted_by=pw.leader_rep)
    services.accept_pledge(pledge=amendment, accepted_by=pw.other_rep)


def test_review_buttons_follow_the_rule(pw, client_for):
    make_deputy(pw)
    pledge = submitted(pw, pw.leader, pw.leader_rep)
    detail = reverse("pledges:pledge_detail", args=[pledge.pk])
    accept = reverse("pledges:pledge_accept", args=[pledge.pk])

    leader_page = client_for(pw.leader_rep).get(detail).content.decode()
    deputy_page = client_for(pw.other_rep).get(detail).content.decode()

    assert 'data-testid="pledge-accept"' not in leader_page
    assert 'data-testid="pledge-accept"' in deputy_page
    assert client_for(pw.leader_rep).post(accept).status_code == 403
    assert client_for(pw.member_rep).get(detail).status_code == 404  # a plain member: another's pledge
    assert client_for(pw.other_rep).post(accept).status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.ACCEPTED


def test_reviewers_open_a_pledge_only_once_submitted(pw, client_for):
    make_deputy(pw)
    leaders = fill(pw.pledge_of(pw.leader), pw.leader_rep, pw.indicators)
    members = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    leaders_url = reverse("pledges:pledge_detail", args=[leaders.pk])
    members_url = reverse("pledges:pledge_detail", args=[members.pk])
    deputy, leader = client_for(pw.other_rep), client_for(pw.leader_rep)

    drafts = (deputy.get(leaders_url).status_code, leader.get(members_url).status_code)
    services.submit_pledge(pledge=leaders, submitted_by=pw.leader_rep)
    services.submit_pledge(pledge=members, submitted_by=pw.member_rep)
    submitted_ = (deputy.get(leaders_url).status_code, leader.get(members_url).status_code)

    assert drafts == (404, 404)
    assert submitted_ == (200, 200)
    assert client_for(pw.leader_rep).get(leaders_url).status_code == 200  # its own, at any state


def test_the_progress_table_links_a_members_pledge_once_submitted(pw, client_for):
    members = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    url = reverse("pledges:pledge_detail", args=[members.pk])
    progress = reverse("pledges:progress")

    draft_page = client_for(pw.leader_rep).get(progress).content.decode()
    services.submit_pledge(pledge=members, submitted_by=pw.member_rep)
    submitted_page = client_for(pw.leader_rep).get(progress).content.decode()

    assert f'href="{url}"' not in draft_page
    assert f'href="{url}"' in submitted_page
