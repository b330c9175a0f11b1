"""Bloc reviews: the leader writes parts I to IV, submits once every member is accepted or waived (late
flag), the Board returns or accepts, the accepted review is issued as a document."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from scoring.quarterly.enums import ReviewStatus
from scoring.quarterly.models import ReportingPeriod, ReviewTransition
from scoring.quarterly.services import reports as report_services
from scoring.quarterly.services import reviews as services
from tests.scoring.quarterly.conftest import accepted
from thidua.audit.models import AuditEvent
from thidua.documents.models import GeneratedDocument
from thidua.notifications.models import Notification

pytestmark = pytest.mark.unit

TEXTS = {
    "economic_text": "Các doanh nghiệp duy trì sản xuất ổn định.",
    "compliance_text": "Không có doanh nghiệp vi phạm pháp luật về thuế.",
    "shortcomings": "Một số doanh nghiệp nộp báo cáo chậm.",
    "directions": "Đẩy mạnh phong trào thi đua quý II.",
    "proposals": "Đề nghị Ban Quản lý tổ chức tập huấn báo cáo.",
}


def ready(qw, world):
    """Every member's Q1 report accepted (the leader's by the deputy), the other member waived."""
    for enterprise, rep in ((qw.member, qw.member_rep), (qw.deputy, qw.deputy_rep)):
        accepted(qw, enterprise, rep, qw.leader_rep)
    accepted(qw, qw.leader, qw.leader_rep, qw.deputy_rep)
    report_services.waive_report(
        report=qw.report(qw.other), waived_by=qw.leader_rep, reason="Tạm ngừng hoạt động"
    )
    return services.save_review(review=qw.review(), written_by=qw.leader_rep, texts=TEXTS)


def test_the_leader_writes_the_review(qw):
    review = services.save_review(
        review=qw.review(), written_by=qw.leader_rep, texts={"shortcomings": "Chậm báo cáo."}
    )

    assert (review.status, review.shortcomings, review.written_by) == (
        ReviewStatus.CONSOLIDATING,
        "Chậm báo cáo.",
        qw.leader_rep,
    )
    assert AuditEvent.objects.filter(action="bloc_review.saved").exists()


@pytest.mark.parametrize("user", ["member_rep", "deputy_rep", "stranger_rep"])
def test_only_the_leader_writes(qw, user):
    with pytest.raises(ValidationError):
        services.save_review(review=qw.review(), written_by=getattr(qw, user), texts={"shortcomings": "x"})


def test_submit_needs_every_part(qw, world):
    review = ready(qw, world)
    services.save_review(review=review, written_by=qw.leader_rep, texts={"proposals": ""})

    with pytest.raises(ValidationError, match=r"IV\. Proposals"):
        services.submit_review(review=review, submitted_by=qw.leader_rep)


def test_submit_needs_every_report_accepted_or_waived(qw):
    review = services.save_review(review=qw.review(), written_by=qw.leader_rep, texts=TEXTS)
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)

    with pytest.raises(ValidationError) as exc:
        services.submit_review(review=review, submitted_by=qw.leader_rep)
    assert exc.value.code == "reports_pending"


def test_submit_goes_to_the_board_and_flags_lateness(qw, world):
    review = ready(qw, world)

    review = services.submit_review(review=review, submitted_by=qw.leader_rep)

    assert (review.status, review.late) == (
        ReviewStatus.SUBMITTED,
        True,
    )  # bloc deadline 20/04/2026 has passed
    assert Notification.objects.filter(user=world.a.officer, message__contains=qw.bloc.name).exists()
    assert not Notification.objects.filter(user=world.a.council, message__contains=qw.bloc.name).exists()


def test_a_review_on_time_is_not_late(qw, world):
    today = timezone.localdate()
    ReportingPeriod.objects.filter(pk=qw.q1.pk).update(
        enterprise_deadline=today + datetime.timedelta(days=1),
        bloc_deadline=today + datetime.timedelta(days=2),
    )

    assert not services.submit_review(review=ready(qw, world), submitted_by=qw.leader_rep).late


def test_the_board_returns_with_a_reason_and_the_leader_resubmits(qw, world):
    review = services.submit_review(review=ready(qw, world), submitted_by=qw.leader_rep)
    with pytest.raises(ValidationError):
        services.return_review(review=review, returned_by=world.a.officer, reason="")

    review = services.return_review(review=review, returned_by=world.a.officer, reason="Bổ sung phần II")
    assert review.status == ReviewStatus.RETURNED
    assert Notification.objects.filter(user=qw.leader_rep, message__contains="Bổ sung phần II").exists()
    services.save_review(
        review=review, written_by=qw.leader_rep, texts={"shortcomings": "Bổ sung: chậm nộp."}
    )
    review = services.submit_review(review=review, submitted_by=qw.leader_rep)

    assert review.status == ReviewStatus.SUBMITTED
    assert list(ReviewTransition.objects.filter(review=review).values_list("to_status", flat=True)) == [
        "CONSOLIDATING",
        "SUBMITTED",
        "RETURNED",
        "SUBMITTED",
    ]


@pytest.mark.parametrize("who", ["leader_rep", "council"])
def test_only_the_boards_officers_accept(qw, world, who):
    review = services.submit_review(review=ready(qw, world), submitted_by=qw.leader_rep)
    user = world.a.council if who == "council" else qw.leader_rep

    with pytest.raises(ValidationError):
        services.accept_review(review=review, accepted_by=user)


def test_accepted_review_is_issued_as_the_blocs_report(qw, world, django_capture_on_commit_callbacks):
    review = services.submit_review(review=ready(qw, world), submitted_by=qw.leader_rep)
    review = services.accept_review(review=review, accepted_by=world.a.officer)

    review = services.publish_review(review=review, requested_by=qw.leader_rep)

    assert review.status == ReviewStatus.PUBLISHED
    document = GeneratedDocument.objects.get(pk=review.document_id)
    assert document.kind == "bloc_review"
    assert document.doc_type == "BC"
    assert document.title.startswith("Kết quả thực hiện phong trào thi đua quý I năm 2026")
    assert document.signer_prefix == "TM."
    assert document.context["bloc_name"] == qw.bloc.name
    gtsx = next(row for row in document.context["table"] if row["name"] == "Giá trị sản xuất công nghiệp")
    assert gtsx["value"] == "300"  # three accepted reports x 100; the waived member is not counted
    assert [row["name"] for row in document.context["appendix_rows"]] == sorted(
        e.name for e in (qw.leader, qw.deputy, qw.member, qw.other)
    )


def test_a_review_is_issued_only_once_accepted(qw, world):
    review = services.submit_review(review=ready(qw, world), submitted_by=qw.leader_rep)

    with pytest.raises(ValidationError):
        services.publish_review(review=review, requested_by=qw.leader_rep)
    assert not GeneratedDocument.objects.exists()


def test_titles_of_each_kind_of_review():
    from scoring.quarterly.documents import review_title

    assert review_title("MIDYEAR", "Q2", 2026) == (
        "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026 và phương hướng, nhiệm vụ 6 tháng cuối năm"
    )
    assert review_title("YEAR_END", "Q4", 2026) == (
        "Tổng kết công tác thi đua, khen thưởng năm 2026 và phương hướng, nhiệm vụ năm 2027"
    )
    assert review_title("EXTRA_REVIEW", "Q1", 2026).startswith(
        "Sơ kết công tác thi đua, khen thưởng quý I năm 2026"
    )
    assert review_title("QUARTER", "Q3", 2026).startswith(
        "Kết quả thực hiện phong trào thi đua 9 tháng năm 2026"
    )
