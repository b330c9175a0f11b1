"""Enterprise reports: values (Decimal, "not applicable" distinct from 0, year-to-date per rule, who entered
them), the state machine with its log, lateness, reviewers and the conflict of interest, the Board's reopen,
the leader's waiver, evidence files, and the audit trail."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from scoring.quarterly.enums import ReportStatus
from scoring.quarterly.models import EvidenceFile, IndicatorValue, ReportingPeriod, ReportTransition
from scoring.quarterly.services import periods as period_services
from scoring.quarterly.services import reports as services
from tests.factories.blocs import BlocRegulationFactory
from tests.pdf_tools import minimal_pdf
from tests.scoring.quarterly.conftest import accepted, complete, entries, submitted
from thidua.audit.models import AuditEvent
from thidua.notifications.models import Notification

pytestmark = pytest.mark.unit
D = Decimal
PDF = minimal_pdf("Biên lai nộp thuế")


def _value(report, code):
    return IndicatorValue.objects.get(report=report, indicator__code=code)


def _on_time(period):
    """Move the period's deadlines after today, so that a submission now is on time."""
    today = timezone.localdate()
    ReportingPeriod.objects.filter(pk=period.pk).update(
        enterprise_deadline=today + datetime.timedelta(days=5),
        bloc_deadline=today + datetime.timedelta(days=10),
    )


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
def test_first_save_starts_the_report_and_stores_decimals(qw):
    report = services.save_report(
        report=qw.report(qw.member), entered_by=qw.reporter, values=entries(qw, GTSX="100.25")
    )

    assert report.status == ReportStatus.DRAFT
    value = _value(report, "GTSX")
    assert (value.value, value.ytd_value, value.entered_by) == (D("100.25"), D("100.25"), qw.reporter)
    assert list(ReportTransition.objects.filter(report=report).values_list("from_status", "to_status")) == [
        ("NOT_STARTED", "DRAFT")
    ]


def test_not_applicable_is_distinct_from_zero(qw):
    report = services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, CHAY=None, TNLD="0")
    )

    chay, tnld = _value(report, "CHAY"), _value(report, "TNLD")
    assert (chay.not_applicable, chay.value) == (True, None)
    assert (tnld.not_applicable, tnld.value) == (False, D(0))


def test_not_applicable_with_a_figure_is_refused(qw):
    values = [services.ValueInput(code="CHAY", value=D(1), not_applicable=True)]

    with pytest.raises(ValidationError) as exc:
        services.save_report(report=qw.report(qw.member), entered_by=qw.member_rep, values=values)

    assert "value_CHAY" in exc.value.message_dict


@pytest.mark.parametrize(
    ("code", "typed", "field"),
    [("GTSX", "-5", "value_GTSX"), ("TUTT", "2", "value_TUTT"), ("GTSX", "100000000000000", "value_GTSX")],
)
def test_impossible_figures_are_refused_and_nothing_is_saved(qw, code, typed, field):
    values = entries(qw, DT="10", **{code: typed})

    with pytest.raises(ValidationError) as exc:
        services.save_report(report=qw.report(qw.member), entered_by=qw.member_rep, values=values)

    assert field in exc.value.message_dict
    assert (
        not IndicatorValue.objects.filter(report__enterprise=qw.member)
        .exclude(report__period__year=qw.last_year)
        .exists()
    )


def test_profit_may_be_a_loss_and_its_ytd_is_typed(qw):
    report = services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, LN=("-2", "-2"))
    )

    assert (_value(report, "LN").value, _value(report, "LN").ytd_value) == (D(-2), D(-2))


def test_profit_without_its_ytd_is_refused(qw):
    with pytest.raises(ValidationError) as exc:
        services.save_report(
            report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, LN="5")
        )

    assert "ytd_LN" in exc.value.message_dict


def test_a_computed_ytd_cannot_be_typed(qw):
    with pytest.raises(ValidationError) as exc:
        services.save_report(
            report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, LD=("260", "260"))
        )

    assert "ytd_LD" in exc.value.message_dict


def test_the_ytd_of_q2_adds_q1(qw, world):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    q2 = period_services.open_period(period=qw.period("Q2"), opened_by=world.a.officer)

    report = services.save_report(
        report=qw.report(qw.member, q2),
        entered_by=qw.member_rep,
        values=entries(qw, GTSX="150", LD="270", TNBQ="9.5"),
    )

    assert _value(report, "GTSX").ytd_value == D(250)  # 100 + 150
    assert _value(report, "LD").ytd_value == D(270)  # end of period
    assert _value(report, "TNBQ").ytd_value == D(9)  # (8.5 + 9.5) / 2


def test_a_member_without_q1_types_its_q2_ytd(qw, world):
    q2 = period_services.open_period(period=qw.period("Q2"), opened_by=world.a.officer)

    with pytest.raises(ValidationError) as exc:
        services.save_report(
            report=qw.report(qw.member, q2), entered_by=qw.member_rep, values=entries(qw, GTSX="150")
        )
    assert "ytd_GTSX" in exc.value.message_dict

    report = services.save_report(
        report=qw.report(qw.member, q2), entered_by=qw.member_rep, values=entries(qw, GTSX=("150", "260"))
    )
    assert (_value(report, "GTSX").ytd_value, _value(report, "GTSX").ytd_entered) == (D(260), True)


def test_correcting_q1_after_a_reopen_moves_the_computed_ytd_of_q2(qw, world):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    q2 = period_services.open_period(period=qw.period("Q2"), opened_by=world.a.officer)
    services.save_report(
        report=qw.report(qw.member, q2), entered_by=qw.member_rep, values=entries(qw, GTSX="150")
    )
    services.reopen_report(
        report=qw.report(qw.member), reopened_by=world.a.officer, reason="Sai số liệu GTSX"
    )

    services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, GTSX="110")
    )

    assert _value(qw.report(qw.member, q2), "GTSX").ytd_value == D(260)


def test_an_unchanged_value_keeps_who_entered_it(qw):
    report = services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, GTSX="100")
    )

    services.save_report(report=report, entered_by=qw.leader_rep, values=entries(qw, GTSX="100", DT="50"))

    assert _value(report, "GTSX").entered_by == qw.member_rep
    assert _value(report, "DT").entered_by == qw.leader_rep


def test_the_leader_enters_on_a_members_behalf_and_the_audit_says_so(qw):
    services.save_report(
        report=qw.report(qw.member), entered_by=qw.leader_rep, values=entries(qw, GTSX="100")
    )

    event = AuditEvent.objects.filter(action="enterprise_report.saved").latest("seq")
    assert event.changes["on_behalf"] is True
    assert event.actor == qw.leader_rep


def test_an_emptied_value_is_removed(qw):
    report = services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, GTSX="100")
    )

    services.save_report(report=report, entered_by=qw.member_rep, values=[services.ValueInput(code="GTSX")])

    assert not IndicatorValue.objects.filter(report=report).exists()


def test_another_boards_indicator_is_refused(qw, world):
    from tests.factories.pledges import IndicatorFactory

    foreign = IndicatorFactory(organization=world.b.board)

    with pytest.raises(ValidationError) as exc:
        services.save_report(
            report=qw.report(qw.member),
            entered_by=qw.member_rep,
            values=[services.ValueInput(code=foreign.code, value=D(1))],
        )
    assert f"value_{foreign.code}" in exc.value.message_dict


# ---------------------------------------------------------------------------
# Submission and lateness
# ---------------------------------------------------------------------------
def test_submit_needs_every_required_indicator(qw):
    report = services.save_report(
        report=qw.report(qw.member), entered_by=qw.member_rep, values=entries(qw, GTSX="100")
    )

    with pytest.raises(ValidationError, match="every required indicator"):
        services.submit_report(report=report, submitted_by=qw.member_rep)


def test_a_not_started_report_cannot_be_submitted(qw):
    with pytest.raises(ValidationError, match="Enter the values"):
        services.submit_report(report=qw.report(qw.member), submitted_by=qw.member_rep)


def test_a_submission_before_the_deadline_is_on_time_and_tells_the_leader(qw):
    _on_time(qw.q1)

    report = submitted(qw, qw.member, qw.member_rep)

    assert (report.status, report.late) == (ReportStatus.SUBMITTED, False)
    assert Notification.objects.filter(user=qw.leader_rep, url=f"/quarterly/reports/{report.pk}/").exists()


def test_a_submission_after_the_deadline_is_late(qw):
    report = submitted(qw, qw.member, qw.member_rep)  # Q1 2026 deadline 10/04/2026 has passed

    assert report.late
    assert report.first_submitted_at == report.submitted_at


def test_the_blocs_regulation_sets_the_deadline(qw):
    _on_time(qw.q1)
    BlocRegulationFactory(bloc=qw.bloc, version=1, enterprise_report_day=5, bloc_report_day=15)

    assert submitted(qw, qw.member, qw.member_rep).late  # 05/04/2026 by the regulation


def test_a_resubmission_keeps_the_first_lateness(qw):
    _on_time(qw.q1)
    report = submitted(qw, qw.member, qw.member_rep)
    services.return_report(report=report, returned_by=qw.leader_rep, reason="Thiếu số liệu lao động nữ")
    ReportingPeriod.objects.filter(pk=qw.q1.pk).update(
        enterprise_deadline=datetime.date(2026, 4, 10), bloc_deadline=datetime.date(2026, 4, 20)
    )

    report = services.submit_report(report=report, submitted_by=qw.member_rep)

    assert not report.late


# ---------------------------------------------------------------------------
# Review
# ---------------------------------------------------------------------------
def test_return_needs_a_reason_and_tells_the_enterprise(qw):
    report = submitted(qw, qw.member, qw.member_rep)
    with pytest.raises(ValidationError):
        services.return_report(report=report, returned_by=qw.leader_rep, reason="  ")

    report = services.return_report(report=report, returned_by=qw.leader_rep, reason="Thiếu số liệu")

    assert (report.status, report.return_reason) == (ReportStatus.RETURNED, "Thiếu số liệu")
    assert Notification.objects.filter(user=qw.reporter, message__contains="Thiếu số liệu").exists()
    assert ReportTransition.objects.filter(
        report=report, to_status="RETURNED", comment="Thiếu số liệu"
    ).exists()


def test_the_full_cycle_is_logged_and_audited(qw):
    report = submitted(qw, qw.member, qw.member_rep)
    services.return_report(report=report, returned_by=qw.leader_rep, reason="Sửa GTSX")
    services.save_report(report=report, entered_by=qw.member_rep, values=entries(qw, GTSX="105"))
    services.submit_report(report=report, submitted_by=qw.member_rep)
    report = services.accept_report(report=report, accepted_by=qw.leader_rep)

    assert report.status == ReportStatus.ACCEPTED
    assert list(ReportTransition.objects.filter(report=report).values_list("to_status", flat=True)) == [
        "DRAFT",
        "SUBMITTED",
        "RETURNED",
        "SUBMITTED",
        "ACCEPTED",
    ]
    actions = list(
        AuditEvent.objects.filter(
            object_id=str(report.pk), object_type="scoring.enterprisereport"
        ).values_list("action", flat=True)
    )
    assert actions.count("enterprise_report.submitted") == 2
    assert "enterprise_report.accepted" in actions


def test_the_leader_may_not_review_its_own_report(qw):
    report = submitted(qw, qw.leader, qw.leader_rep)

    with pytest.raises(ValidationError) as exc:
        services.accept_report(report=report, accepted_by=qw.leader_rep)
    assert exc.value.code == "conflict_of_interest"


def test_the_deputy_reviews_the_leaders_report_but_not_a_members(qw):
    leaders = submitted(qw, qw.leader, qw.leader_rep)
    members = submitted(qw, qw.member, qw.member_rep)

    assert services.accept_report(report=leaders, accepted_by=qw.deputy_rep).status == ReportStatus.ACCEPTED
    with pytest.raises(ValidationError) as exc:
        services.accept_report(report=members, accepted_by=qw.deputy_rep)
    assert exc.value.code == "not_reviewer"


def test_another_member_cannot_review(qw):
    report = submitted(qw, qw.member, qw.member_rep)

    with pytest.raises(ValidationError):
        services.accept_report(report=report, accepted_by=qw.other_rep)


def test_only_a_submitted_report_is_accepted(qw):
    report = services.save_report(report=qw.report(qw.member), entered_by=qw.member_rep, values=complete(qw))

    with pytest.raises(ValidationError, match="not allowed"):
        services.accept_report(report=report, accepted_by=qw.leader_rep)


def test_a_submitted_report_cannot_be_edited(qw):
    report = submitted(qw, qw.member, qw.member_rep)

    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.save_report(report=report, entered_by=qw.member_rep, values=entries(qw, GTSX="1"))


# ---------------------------------------------------------------------------
# Closed periods, reopen, waiver
# ---------------------------------------------------------------------------
def test_a_closed_period_refuses_changes(qw, world):
    report = services.save_report(report=qw.report(qw.member), entered_by=qw.member_rep, values=complete(qw))
    period_services.close_period(period=qw.q1, closed_by=world.a.officer)

    with pytest.raises(ValidationError) as exc:
        services.submit_report(report=report, submitted_by=qw.member_rep)
    assert exc.value.code == "period_closed"


def test_the_board_reopens_a_locked_report_which_is_corrected_and_locked_again(qw, world):
    report = accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    period_services.close_period(period=qw.q1, closed_by=world.a.officer)

    report = services.reopen_report(
        report=qw.report(qw.member), reopened_by=world.a.officer, reason="Sai GTSX"
    )
    assert report.status == ReportStatus.RETURNED
    services.save_report(report=report, entered_by=qw.member_rep, values=entries(qw, GTSX="99"))
    services.submit_report(report=report, submitted_by=qw.member_rep)
    report = services.accept_report(report=report, accepted_by=qw.leader_rep)

    assert report.status == ReportStatus.LOCKED
    assert Notification.objects.filter(user=qw.leader_rep, message__contains="Sai GTSX").exists()


def test_only_the_board_reopens_and_with_a_reason(qw, world):
    report = accepted(qw, qw.member, qw.member_rep, qw.leader_rep)

    with pytest.raises(ValidationError):
        services.reopen_report(report=report, reopened_by=qw.leader_rep, reason="x")
    with pytest.raises(ValidationError):
        services.reopen_report(report=report, reopened_by=world.a.officer, reason="")
    with pytest.raises(ValidationError):
        services.reopen_report(report=report, reopened_by=world.a.council, reason="x")


def test_a_draft_cannot_be_reopened(qw, world):
    with pytest.raises(ValidationError, match="not allowed"):
        services.reopen_report(report=qw.report(qw.member), reopened_by=world.a.officer, reason="x")


def test_the_leader_waives_a_missing_report(qw):
    report = services.waive_report(
        report=qw.report(qw.other), waived_by=qw.leader_rep, reason="Tạm ngừng sản xuất"
    )

    assert (report.waived, report.waiver_reason) == (True, "Tạm ngừng sản xuất")
    assert AuditEvent.objects.filter(action="enterprise_report.waived").exists()


def test_a_waiver_needs_the_leader_and_an_unsubmitted_report(qw):
    with pytest.raises(ValidationError):
        services.waive_report(report=qw.report(qw.other), waived_by=qw.member_rep, reason="x")
    with pytest.raises(ValidationError):
        services.waive_report(report=qw.report(qw.leader), waived_by=qw.leader_rep, reason="x")
    report = submitted(qw, qw.member, qw.member_rep)
    with pytest.raises(ValidationError, match="not been submitted"):
        services.waive_report(report=report, waived_by=qw.leader_rep, reason="x")


# ---------------------------------------------------------------------------
# Evidence
# ---------------------------------------------------------------------------
def test_evidence_is_a_pdf_stored_under_a_generated_name(qw, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("biên lai thuế.pdf", PDF, content_type="application/pdf")

    evidence = services.attach_evidence(
        report=qw.report(qw.member), uploaded_by=qw.reporter, upload=upload, label="Biên lai thuế"
    )

    assert evidence.file.name.startswith("scoring/evidence/")
    assert "biên" not in evidence.file.name
    assert (evidence.label, evidence.size) == ("Biên lai thuế", len(PDF))


def test_evidence_that_is_not_a_pdf_is_refused(qw):
    upload = SimpleUploadedFile("x.pdf", b"GIF89a", content_type="application/pdf")

    with pytest.raises(ValidationError) as exc:
        services.attach_evidence(report=qw.report(qw.member), uploaded_by=qw.reporter, upload=upload)
    assert "file" in exc.value.message_dict


def test_evidence_cannot_change_after_submission(qw, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    evidence = services.attach_evidence(
        report=qw.report(qw.member), uploaded_by=qw.reporter, upload=SimpleUploadedFile("a.pdf", PDF)
    )
    submitted(qw, qw.member, qw.member_rep)

    with pytest.raises(ValidationError):
        services.remove_evidence(evidence=evidence, removed_by=qw.reporter)
    with pytest.raises(ValidationError):
        services.attach_evidence(
            report=qw.report(qw.member), uploaded_by=qw.reporter, upload=SimpleUploadedFile("b.pdf", PDF)
        )
    assert EvidenceFile.objects.count() == 1


def test_removing_evidence_deletes_the_file_after_commit(
    qw, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    evidence = services.attach_evidence(
        report=qw.report(qw.member), uploaded_by=qw.reporter, upload=SimpleUploadedFile("a.pdf", PDF)
    )
    path = tmp_path / evidence.file.name

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_evidence(evidence=evidence, removed_by=qw.reporter)

    assert not path.exists()
    assert not EvidenceFile.objects.exists()
