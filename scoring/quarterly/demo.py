"""Demo quarterly results for both demo Boards (loaded by ``manage.py seed_demo`` through the ``seed_demo``
signal, after the blocs' demo). Idempotent: does nothing for a Board that already has reporting periods.

- 2025, closed: the same blocs and members as 2026; four quarters reported, accepted and reviewed (the
  six-month review and the year-end summary accepted by the Board), then the year closed.
- 2026: Q1 and Q2 reported and reviewed (Thái Nguyên's six-month review waits for the Board), Q3 in
  progress (accepted, submitted, returned, draft and not started reports side by side; the demo member's
  Q3 report not started, so the tour can begin there), Q4 planned.

The figures are plausible for small and medium industrial enterprises (domain.md §17.10): output and
revenue follow the workforce, budget contributions are a fraction of revenue, average income above 7 million
VND per person per month, a little growth from 2025 to 2026. History is written as it would have happened:
submissions before the deadline (one late member per bloc and quarter), acceptance a few days later.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction

from blocs.enums import EnterpriseRole, MembershipRole, MembershipStatus, YearStatus
from blocs.membership.demo import seed_history
from blocs.membership.services.years import close_year
from blocs.models import BlocMembership, EmulationYear, EnterpriseUser
from scoring.quarterly.enums import PeriodKind, ReportStatus
from scoring.quarterly.models import (
    BlocReview,
    EnterpriseReport,
    ReportingPeriod,
    ReportTransition,
    ReviewTransition,
)
from scoring.quarterly.services import board_reviews as board_review_services
from scoring.quarterly.services import periods as period_services
from scoring.quarterly.services import reports as report_services
from scoring.quarterly.services import reviews as review_services
from thidua.accounts.demo import demo_board, ensure_demo_user
from thidua.accounts.models import User

D = Decimal
REPORTER_NAMES = [
    "Nông Thị Lan",
    "Hà Văn Bình",
    "Triệu Thị Hoa",
    "Lý Văn Sơn",
    "Đàm Thị Hương",
    "Ma Văn Tùng",
    "Hoàng Thị Nga",
    "Lưu Văn Thành",
]
INCIDENT_CODES = ("TNLD", "CHAY", "MT_VP", "DC")
REVIEW_TEXTS = {
    "economic_text": (
        "Các doanh nghiệp thành viên duy trì sản xuất, kinh doanh ổn định; giá trị sản xuất và doanh thu "
        "tăng so với cùng kỳ, thu nhập bình quân của người lao động được bảo đảm."
    ),
    "compliance_text": (
        "Các doanh nghiệp chấp hành tốt nghĩa vụ nộp thuế, đóng BHXH, BHYT, BHTN cho người lao động; không "
        "để xảy ra vi phạm về môi trường, phòng cháy chữa cháy."
    ),
    "workers_text": (
        "Các doanh nghiệp quan tâm chăm lo đời sống người lao động, tổ chức đối thoại tại nơi làm việc, "
        "không để xảy ra tranh chấp lao động tập thể."
    ),
    "union_text": "Tổ chức công đoàn hoạt động đều đặn; các doanh nghiệp tham gia đóng góp an sinh xã hội.",
    "movement_text": (
        "Phong trào thi đua lao động sản xuất được phát động sâu rộng; nhiều sáng kiến, cải tiến kỹ thuật "
        "được công nhận; kịp thời biểu dương gương người tốt, việc tốt."
    ),
    "shortcomings": (
        "Một số doanh nghiệp nộp báo cáo chậm so với thời hạn; việc tổng hợp số liệu lũy kế của doanh nghiệp "
        "mới tham gia còn lúng túng."
    ),
    "directions": (
        "Tiếp tục đẩy mạnh phong trào thi đua, phấn đấu hoàn thành vượt mức các chỉ tiêu đã ký kết trong giao "
        "ước; đôn đốc các thành viên báo cáo đúng hạn."
    ),
    "proposals": "Đề nghị Ban Quản lý tổ chức tập huấn nghiệp vụ báo cáo và hướng dẫn chấm điểm thi đua.",
}

BOARD_REVIEW_TEXTS = {
    "results_text": (
        "Phong trào thi đua trong các Khối được duy trì đều đặn; các doanh nghiệp thành viên báo cáo đầy đủ, "
        "các chỉ tiêu sản xuất, kinh doanh chủ yếu tăng so với cùng kỳ."
    ),
    "shortcomings": "Một số doanh nghiệp còn nộp báo cáo chậm; số liệu lũy kế của doanh nghiệp mới còn thiếu.",
    "directions": (
        "Đôn đốc các Khối tổ chức sơ kết 6 tháng đầu năm; hướng dẫn các doanh nghiệp báo cáo đúng hạn và "
        "chấm điểm thi đua theo bộ tiêu chí năm."
    ),
    "proposals": "Đề nghị Ủy ban nhân dân tỉnh quan tâm, động viên, khen thưởng kịp thời các tập thể tiêu biểu.",
}


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------
def figures(enterprise, year: int, kind: str) -> dict[str, str | None]:
    """One quarter's figures of an enterprise (None: "không phát sinh"), deterministic per enterprise."""
    rng = random.Random(f"{enterprise.tax_code}-{year}-{kind}")
    workforce = enterprise.employees or 80
    growth = 1.08 if year >= 2026 else 1.0
    season = {"Q1": 0.85, "Q2": 1.0, "Q3": 1.05, "Q4": 1.15}[kind]
    output = workforce * 0.16 * growth * season * rng.uniform(0.9, 1.1)  # tỷ đồng
    revenue = output * rng.uniform(1.05, 1.2)
    fdi = enterprise.ownership == "FDI"
    exports = revenue / 25 * (0.7 if fdi else 0.25) * rng.uniform(0.9, 1.1)  # triệu USD
    employees = round(workforce * growth * rng.uniform(0.97, 1.03))
    values: dict[str, str | None] = {
        "GTSX": f"{output:.2f}",
        "DT": f"{revenue:.2f}",
        "XK": f"{exports:.3f}",
        "NK": f"{exports * rng.uniform(0.3, 0.6):.3f}",
        "NNS": f"{revenue * rng.uniform(0.03, 0.05):.2f}",
        "VDT": f"{revenue * rng.uniform(0.01, 0.04):.2f}",
        "LD": str(employees),
        "LD_NU": str(round(employees * rng.uniform(0.35, 0.6))),
        "LD_NN": str(round(employees * 0.02)) if fdi else None,
        "TNBQ": f"{rng.uniform(7.3, 9.6) * (1.05 if year >= 2026 else 1):.2f}",
        "BHXH_LD": str(round(employees * rng.uniform(0.93, 1.0))),
        "BHXH_NO": "0",
        "TUTT": "1",
        "CD_DV": str(round(employees * rng.uniform(0.7, 0.9))),
        "KPCD": "1" if rng.random() > 0.1 else "0",
        "ASXH": f"{rng.uniform(5, 60):.1f}",
        "SK": str(rng.randint(0, 3)),
        "NTVT": str(rng.randint(0, 2)),
    }
    for code in INCIDENT_CODES:
        values[code] = "1" if code == "TNLD" and rng.random() < 0.05 else None
    return values


def _inputs(values: dict[str, str | None]) -> list[report_services.ValueInput]:
    return [
        report_services.ValueInput(code=code, not_applicable=True)
        if value is None
        else report_services.ValueInput(code=code, value=D(value))
        for code, value in values.items()
    ]


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------
def _reporter(enterprise, board, index: int) -> User:
    """The enterprise's user who reports (its existing demo login, or a reporter made for the demo)."""
    link = EnterpriseUser.objects.filter(enterprise=enterprise).select_related("user").order_by("id").first()
    if link is not None:
        return link.user
    user = ensure_demo_user(
        email=f"baocao.{enterprise.tax_code}@thidua.demo",
        full_name=REPORTER_NAMES[index % len(REPORTER_NAMES)],
        organization=board,
    )
    EnterpriseUser.objects.get_or_create(
        user=user, defaults={"enterprise": enterprise, "role": EnterpriseRole.REPORTER}
    )
    return user


# ---------------------------------------------------------------------------
# History
# ---------------------------------------------------------------------------
def _backdate_report(report: EnterpriseReport, *, submitted: datetime.datetime, late: bool) -> None:
    """Write the report's history as it happened (services stamp the time they run)."""
    accepted = submitted + datetime.timedelta(days=3)
    EnterpriseReport.objects.filter(pk=report.pk).update(
        first_submitted_at=submitted,
        submitted_at=submitted,
        accepted_at=accepted if report.status in (ReportStatus.ACCEPTED, ReportStatus.LOCKED) else None,
        late=late,
    )
    moments = {"DRAFT": submitted - datetime.timedelta(days=2), "SUBMITTED": submitted, "ACCEPTED": accepted}
    for transition in ReportTransition.objects.filter(report=report):
        at = moments.get(transition.to_status, accepted)
        ReportTransition.objects.filter(pk=transition.pk).update(at=at)


def _backdate_review(review: BlocReview, *, submitted: datetime.datetime) -> None:
    BlocReview.objects.filter(pk=review.pk).update(
        first_submitted_at=submitted,
        submitted_at=submitted,
        accepted_at=submitted + datetime.timedelta(days=4),
    )
    ReviewTransition.objects.filter(review=review).update(at=submitted)


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=datetime.UTC)


def _report_period(period, officer, reporters, *, stop_at: dict[int, str] | None = None) -> None:
    """Every member reports; the leader accepts (the Board the leader's own); ``stop_at`` leaves some
    reports at a step (enterprise id → "NOT_STARTED", "DRAFT", "SUBMITTED" or "RETURNED")."""
    stop_at = stop_at or {}
    reports = list(
        EnterpriseReport.objects.filter(period=period).select_related("enterprise", "period__year", "bloc")
    )
    leaders = dict(
        BlocMembership.objects.filter(
            year_id=period.year_id, role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE
        ).values_list("bloc_id", "enterprise_id")
    )
    late_done: set[int] = set()
    for report in sorted(reports, key=lambda r: (r.bloc_id, r.enterprise.name)):
        step = stop_at.get(report.enterprise_id, "ACCEPTED")
        if step == "NOT_STARTED":
            continue
        user = reporters[report.enterprise_id]
        values = figures(report.enterprise, period.year.year, period.kind)
        report = report_services.save_report(report=report, entered_by=user, values=_inputs(values))
        if step == "DRAFT":
            continue
        report = report_services.submit_report(report=report, submitted_by=user)
        reviewer = (
            officer
            if leaders.get(report.bloc_id) == report.enterprise_id
            else reporters[leaders[report.bloc_id]]
        )
        if step == "RETURNED":
            report = report_services.return_report(
                report=report,
                returned_by=reviewer,
                reason="Đề nghị bổ sung số lao động nữ và số đoàn viên công đoàn cuối kỳ.",
            )
            _backdate_report(
                report, submitted=_at(period.enterprise_deadline - datetime.timedelta(days=4)), late=False
            )
            continue
        if step == "ACCEPTED":
            report = report_services.accept_report(report=report, accepted_by=reviewer)
        late = report.bloc_id not in late_done and report.enterprise_id != leaders.get(report.bloc_id)
        late_done.add(report.bloc_id)
        day = period.enterprise_deadline + datetime.timedelta(days=2) if late else period.enterprise_deadline
        _backdate_report(report, submitted=_at(day - datetime.timedelta(days=0 if late else 4)), late=late)


def _review_period(period, officer, reporters, *, board_accepts: bool = True) -> None:
    for review in BlocReview.objects.filter(period=period).select_related("period__year", "bloc"):
        leader_id = (
            BlocMembership.objects.filter(
                bloc_id=review.bloc_id,
                year_id=period.year_id,
                role=MembershipRole.LEADER,
                status=MembershipStatus.ACTIVE,
            )
            .values_list("enterprise_id", flat=True)
            .first()
        )
        leader = reporters[leader_id]
        review = review_services.save_review(review=review, written_by=leader, texts=REVIEW_TEXTS)
        review = review_services.submit_review(review=review, submitted_by=leader)
        if board_accepts:
            review = review_services.accept_review(review=review, accepted_by=officer)
        _backdate_review(review, submitted=_at(period.bloc_deadline - datetime.timedelta(days=3)))
        BlocReview.objects.filter(pk=review.pk).update(late=False)


def _copy_memberships(year_2026: EmulationYear, year_2025: EmulationYear) -> None:
    for membership in BlocMembership.objects.filter(year=year_2026, status=MembershipStatus.ACTIVE):
        BlocMembership.objects.get_or_create(
            enterprise_id=membership.enterprise_id,
            year=year_2025,
            status=MembershipStatus.ACTIVE,
            defaults={
                "bloc_id": membership.bloc_id,
                "role": membership.role,
                "valid_from": datetime.date(2025, 1, 1),
                "valid_to": datetime.date(2025, 12, 31),
            },
        )


def _seed_board(key: str, *, demo_member_email: str) -> None:
    board = demo_board(key)
    year_2026 = EmulationYear.objects.filter(organization=board, year=2026).first()
    if year_2026 is None or ReportingPeriod.objects.filter(organization=board).exists():
        return
    officer = User.objects.get(email=f"officer.{key}@thidua.demo")
    year_2025, _created = EmulationYear.objects.get_or_create(
        organization=board,
        year=2025,
        defaults={"status": YearStatus.OPEN, "settings": dict(year_2026.settings)},
    )
    if year_2025.status != YearStatus.OPEN:
        return
    _copy_memberships(year_2026, year_2025)
    members = BlocMembership.objects.filter(year=year_2026, status=MembershipStatus.ACTIVE).select_related(
        "enterprise"
    )
    reporters = {m.enterprise_id: _reporter(m.enterprise, board, n) for n, m in enumerate(members)}

    # 2025: four quarters, all reviewed, then the year closes (its periods close with it).
    period_services.set_up_periods(year=year_2025, created_by=officer)
    for kind in (PeriodKind.Q1, PeriodKind.Q2, PeriodKind.Q3, PeriodKind.Q4):
        period = period_services.open_period(
            period=ReportingPeriod.objects.get(year=year_2025, kind=kind), opened_by=officer
        )
        _report_period(period, officer, reporters)
        _review_period(period, officer, reporters)
    seed_history(year_2025, officer)  # the bloc's 2025 leader and its election for 2026
    close_year(year=year_2025, closed_by=officer)

    # 2026: Q1 and Q2 reviewed, Q3 in progress, Q4 planned.
    period_services.set_up_periods(year=year_2026, created_by=officer)
    q1, q2, q3 = (
        period_services.open_period(
            period=ReportingPeriod.objects.get(year=year_2026, kind=kind), opened_by=officer
        )
        for kind in (PeriodKind.Q1, PeriodKind.Q2, PeriodKind.Q3)
    )
    _report_period(q1, officer, reporters)
    _review_period(q1, officer, reporters)
    period_services.close_period(period=q1, closed_by=officer)
    # The Board's report of Q1 2026, drafted for its signer (the officer sends it for signature in the tour).
    board_review_services.save_board_review(
        period=q1,
        written_by=officer,
        signer=User.objects.get(email=f"signer.{key}@thidua.demo"),
        texts=BOARD_REVIEW_TEXTS,
    )
    _report_period(q2, officer, reporters)
    _review_period(q2, officer, reporters, board_accepts=key != "tn")
    demo_member = (
        EnterpriseUser.objects.filter(user__email=demo_member_email)
        .values_list("enterprise_id", flat=True)
        .first()
    )
    steps = ["ACCEPTED", "ACCEPTED", "SUBMITTED", "RETURNED", "DRAFT", "NOT_STARTED"]
    stop_at = {}
    for n, membership in enumerate(members.order_by("bloc__code", "enterprise__name")):
        stop_at[membership.enterprise_id] = steps[n % len(steps)]
    if demo_member is not None:
        stop_at[demo_member] = "NOT_STARTED"
    _report_period(q3, officer, reporters, stop_at=stop_at)


@transaction.atomic
def seed(rows: list[dict]) -> None:
    _seed_board("tn", demo_member_email="member.tn@thidua.demo")
    _seed_board("dl", demo_member_email="member.dl@thidua.demo")
