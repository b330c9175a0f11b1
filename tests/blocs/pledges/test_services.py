"""Pledge services: the review loop, amendments with their comparison, locking, target_for, reminders."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from blocs.membership.services.years import close_year
from blocs.pledges import queries, services
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.models import PledgeReminder, PledgeTransition
from tests.blocs.pledges.conftest import TEST_PASSWORD, fill, signed
from thidua.notifications.models import Notification

pytestmark = pytest.mark.unit


def test_approving_the_template_creates_a_draft_for_every_member(pw):
    statuses = sorted(queries.current_pledges(pw.template.organization).values_list("status", flat=True))

    assert statuses == ["DRAFT", "DRAFT", "DRAFT"]


def test_submit_needs_every_required_target(pw):
    pledge = pw.pledge_of(pw.member)

    with pytest.raises(ValidationError, match="GTSX"):
        services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)


def test_return_then_resubmit_then_accept_is_logged(pw, world):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)
    services.return_pledge(pledge=pledge, returned_by=pw.leader_rep, reason="Doanh thu chưa khớp kế hoạch")
    fill(pledge, pw.member_rep, pw.indicators, base="150")
    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)
    services.accept_pledge(pledge=pledge, accepted_by=pw.leader_rep)

    moves = list(PledgeTransition.objects.filter(pledge=pledge).values_list("from_status", "to_status"))
    assert moves == [
        ("DRAFT", "SUBMITTED"),
        ("SUBMITTED", "RETURNED"),
        ("RETURNED", "SUBMITTED"),
        ("SUBMITTED", "ACCEPTED"),
    ]
    assert Notification.objects.filter(user=pw.member_rep).count() == 2


def test_return_needs_a_reason(pw):
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)

    with pytest.raises(ValidationError):
        services.return_pledge(pledge=pledge, returned_by=pw.leader_rep, reason="  ")


def test_illegal_step_through_a_service_is_refused(pw):
    pledge = pw.pledge_of(pw.member)

    with pytest.raises(ValidationError, match="not allowed"):
        services.accept_pledge(pledge=pledge, accepted_by=pw.leader_rep)


def test_amendment_is_a_new_version_with_a_comparison(pw, world):
    signed(pw, pw.member, pw.member_rep, world.a.officer)
    v1 = pw.pledge_of(pw.member)
    v2 = services.propose_amendment(
        pledge=v1, proposed_by=pw.member_rep, reason="Điều chỉnh kế hoạch xuất khẩu"
    )
    targets = [
        services.TargetInput(i, Decimal("500") if i.code == "XK" else t.value, "PLAN")
        for i, t in zip(pw.indicators, v1.targets.order_by("indicator__ordering"), strict=True)
    ]
    services.update_pledge(
        pledge=v2,
        updated_by=pw.member_rep,
        targets=targets,
        registrations=[services.RegistrationInput("INDIVIDUAL", "Lê Văn Giỏi", "CSTDCS")],
    )
    services.submit_pledge(pledge=v2, submitted_by=pw.member_rep)
    services.accept_pledge(pledge=v2, accepted_by=world.a.officer)
    services.sign_pledge(pledge=v2, user=pw.member_rep, password=TEST_PASSWORD, title="Tổng Giám đốc")

    diff = queries.diff_versions(v1, v2)
    v1.refresh_from_db()
    assert v1.status == PledgeStatus.SUPERSEDED
    assert v2.version == 2
    assert [(row["code"], row["old"], row["new"]) for row in diff["targets"]] == [
        ("XK", Decimal("102"), Decimal("500"))
    ]
    assert [r.name for r in diff["added"]] == ["Lê Văn Giỏi"]
    assert [r.name for r in diff["removed"]] == [pw.member.name]


def test_target_for_returns_the_latest_signed_version(pw, world):
    xk = next(i for i in pw.indicators if i.code == "XK")
    assert queries.target_for(pw.member, xk, 2026) is None
    signed(pw, pw.member, pw.member_rep, world.a.officer)

    target = queries.target_for(pw.member, xk, pw.template.year)

    assert target.value == Decimal("102")
    assert target.unit == "triệu USD"
    assert queries.target_for(pw.member, xk, 2026) == target
    assert queries.target_for(pw.other, xk, 2026) is None


def test_closing_the_year_locks_signed_pledges(pw, world):
    signed(pw, pw.member, pw.member_rep, world.a.officer)

    close_year(year=pw.template.year, closed_by=world.a.admin)

    assert pw.pledge_of(pw.member).status == PledgeStatus.LOCKED
    assert pw.pledge_of(pw.other).status == PledgeStatus.DRAFT


def test_reminders_are_sent_once_per_step(pw, world, django_capture_on_commit_callbacks):
    today = datetime.date(2026, 3, 28)  # three days before the deadline

    with django_capture_on_commit_callbacks(execute=True):
        first = services.send_due_reminders(today=today)
    with django_capture_on_commit_callbacks(execute=True):
        again = services.send_due_reminders(today=today)
    pledge = fill(pw.pledge_of(pw.member), pw.member_rep, pw.indicators)
    services.submit_pledge(pledge=pledge, submitted_by=pw.member_rep)
    services.return_pledge(pledge=pledge, returned_by=pw.leader_rep, reason="Thiếu chỉ tiêu")
    with django_capture_on_commit_callbacks(execute=True):
        after_return = services.send_due_reminders(today=today)

    assert (first, again, after_return) == (3, 0, 1)
    assert PledgeReminder.objects.filter(pledge=pledge).count() == 2
    assert len(mail.outbox) == 4
    assert pw.member_rep.email in mail.outbox[-1].to


def test_no_reminder_long_before_the_deadline(pw):
    assert services.send_due_reminders(today=datetime.date(2026, 1, 5)) == 0


def test_all_signed_issues_the_joint_pledge(pw, world):
    for enterprise, rep in ((pw.leader, pw.leader_rep), (pw.member, pw.member_rep), (pw.other, pw.other_rep)):
        signed(pw, enterprise, rep, world.a.officer)

    pw.template.refresh_from_db()
    assert pw.template.joint_document is not None
    assert pw.template.joint_document.doc_type == world.a.board.pledge_doc_type == "GƯTĐ"
    context = pw.template.joint_document.context
    assert [m["name"] for m in context["members"]] == sorted([pw.leader.name, pw.member.name, pw.other.name])
    assert all(len(s["fingerprint"]) == 12 for s in context["signatories"])


def test_close_signing_issues_with_those_who_signed(pw, world):
    signed(pw, pw.leader, pw.leader_rep, world.a.officer)
    signed(pw, pw.member, pw.member_rep, world.a.officer)

    document = services.close_signing(template=pw.template, closed_by=world.a.officer)

    assert [m["name"] for m in document.context["members"]] == sorted([pw.leader.name, pw.member.name])
    assert document.context["not_signed"] == [pw.other.name]
    with pytest.raises(ValidationError):
        services.close_signing(template=pw.template, closed_by=world.a.officer)
