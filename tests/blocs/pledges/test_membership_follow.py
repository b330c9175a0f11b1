"""Pledges follow membership (domain.md §17.1, issue 10 item 5): a member admitted after the template's
approval gets its draft pledge and a notification; a withdrawn member leaves the signing set and the joint
pledge; the progress page lists every member, those without a pledge too."""

import pytest
from django.urls import reverse

from blocs.membership.services import add_member, withdraw_membership
from blocs.models import BlocMembership
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.models import Pledge
from tests.blocs.pledges.conftest import make_pledge_world, signed
from tests.factories.blocs import EnterpriseFactory, enterprise_user
from thidua.notifications.models import Notification

pytestmark = pytest.mark.unit


def _admit(pw, world, name="Công ty TNHH Nông sản Thanh Bình"):
    enterprise = EnterpriseFactory(organization=world.a.board, name=name)
    rep = enterprise_user(enterprise, full_name="Đỗ Thị Mới")
    add_member(bloc=pw.bloc, enterprise=enterprise, year=pw.template.year, added_by=world.a.officer)
    return enterprise, rep


def test_a_member_admitted_after_approval_gets_its_draft_pledge_and_a_notification(pw, world):
    enterprise, rep = _admit(pw, world)

    pledge = Pledge.objects.get(template=pw.template, enterprise=enterprise)
    notification = Notification.objects.get(user=rep)
    assert pledge.status == PledgeStatus.DRAFT
    assert pledge.ticked_commitments == pw.template.commitments
    assert notification.kind == "pledge_opened"
    assert notification.url == reverse("pledges:pledge_detail", args=[pledge.pk])


def test_no_pledge_before_the_template_is_approved(world):
    pw = make_pledge_world(world)
    pw.template.status = "DRAFT"
    pw.template.save(update_fields=["status"])

    enterprise, _rep = _admit(pw, world)

    assert not Pledge.objects.filter(enterprise=enterprise).exists()


def test_a_late_member_who_signs_appears_in_the_joint_pledge_issued_again(pw, world):
    for enterprise, rep in ((pw.leader, pw.leader_rep), (pw.member, pw.member_rep), (pw.other, pw.other_rep)):
        signed(pw, enterprise, rep, world.a.officer)
    pw.template.refresh_from_db()
    first = pw.template.joint_document
    enterprise, rep = _admit(pw, world)

    signature = signed(pw, enterprise, rep, world.a.officer)

    pw.template.refresh_from_db()
    second = pw.template.joint_document
    rows = {row["enterprise"]: row for row in second.context["signatories"]}
    assert (first.number, second.number) == (1, 2)
    assert rows[enterprise.name]["fingerprint"] == signature.short_fingerprint
    assert enterprise.name not in {row["enterprise"] for row in first.context["signatories"]}


def test_a_withdrawn_member_leaves_the_signing_set_and_the_joint_pledge(pw, world):
    signed(pw, pw.leader, pw.leader_rep, world.a.officer)
    signed(pw, pw.member, pw.member_rep, world.a.officer)
    membership = BlocMembership.objects.get(enterprise=pw.other, year=pw.template.year)

    withdraw_membership(
        membership=membership, reason="Chuyển địa điểm sản xuất", withdrawn_by=world.a.officer
    )

    pw.template.refresh_from_db()
    document = pw.template.joint_document
    context = document.context
    assert document is not None  # the remaining members have all signed: it no longer waits for the leaver
    assert pw.other.name not in [row["enterprise"] for row in context["signatories"]]
    assert pw.other.name not in [m["name"] for m in context["members"]]
    assert pw.other.name not in context["not_signed"]


def test_the_progress_page_lists_every_member_including_those_without_a_pledge(pw, world, client_for):
    Pledge.objects.filter(template=pw.template, enterprise=pw.other).delete()  # e.g. admitted as it happens
    withdrawn = BlocMembership.objects.get(enterprise=pw.member, year=pw.template.year)
    withdraw_membership(membership=withdrawn, reason="Giải thể", withdrawn_by=world.a.officer)
    client = client_for(world.a.officer)

    everyone = client.get(reverse("pledges:progress"))
    without = client.get(reverse("pledges:progress"), {"status": "NONE"})

    names = [row.enterprise.name for row in everyone.context["page_obj"]]
    assert sorted(names) == sorted([pw.leader.name, pw.other.name])
    assert [row.enterprise.name for row in without.context["page_obj"]] == [pw.other.name]
    assert everyone.context["counts"]["NONE"] == 1
    assert 'data-testid="no-pledge"' in everyone.content.decode()
