"""A bloc of Board A in 2026 with a leader, a deputy and two members who signed their pledges, the year's
periods set up and Q1 open; 2025 (closed) with a Q1 report of the member for the same-period comparisons."""

import time
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.test import Client

from blocs.enums import EnterpriseRole, MembershipRole, YearStatus
from blocs.models import Bloc, EmulationYear, Enterprise, Indicator
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.services import ensure_national_indicators
from scoring.quarterly.enums import PeriodKind, ReportStatus
from scoring.quarterly.models import BlocReview, EnterpriseReport, ReportingPeriod
from scoring.quarterly.services import periods as period_services
from scoring.quarterly.services import reports as report_services
from tests.conftest import verified_client
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    enterprise_user,
)
from tests.factories.pledges import PledgeFactory, PledgeTargetFactory, PledgeTemplateFactory
from tests.factories.scoring import EnterpriseReportFactory, IndicatorValueFactory, ReportingPeriodFactory
from thidua.accounts.models import User
from thidua.accounts.session_refresh import REFRESHED_KEY

TARGETS = {"GTSX": "400", "DT": "500", "LD": "300", "TNBQ": "8"}


@dataclass
class QuarterlyWorld:
    board: object
    year: EmulationYear
    last_year: EmulationYear
    bloc: Bloc
    other_bloc: Bloc
    leader: Enterprise
    leader_rep: User
    deputy: Enterprise
    deputy_rep: User
    member: Enterprise
    member_rep: User
    reporter: User
    other: Enterprise
    other_rep: User
    stranger: Enterprise  # same Board, another bloc
    stranger_rep: User
    q1: ReportingPeriod
    indicators: dict[str, Indicator] = field(default_factory=dict)

    def period(self, kind: str) -> ReportingPeriod:
        return ReportingPeriod.objects.get(year=self.year, kind=kind)

    def report(self, enterprise: Enterprise, period: ReportingPeriod | None = None) -> EnterpriseReport:
        return EnterpriseReport.objects.get(period=period or self.q1, enterprise=enterprise)

    def review(self, period: ReportingPeriod | None = None, bloc: Bloc | None = None) -> BlocReview:
        return BlocReview.objects.get(period=period or self.q1, bloc=bloc or self.bloc)


def _sign_targets(board, bloc, year, enterprise, indicators):
    template = PledgeTemplateFactory(organization=board, bloc=bloc, year=year)
    pledge = PledgeFactory(template=template, enterprise=enterprise, status=PledgeStatus.SIGNED)
    for code, value in TARGETS.items():
        PledgeTargetFactory(pledge=pledge, indicator=indicators[code], value=Decimal(value))
    return template


def make_quarterly_world(world) -> QuarterlyWorld:
    board = world.a.board
    ensure_national_indicators()
    indicators = {i.code: i for i in Indicator.objects.filter(organization__isnull=True)}
    last_year = EmulationYearFactory(organization=board, year=2025, status=YearStatus.CLOSED)
    year = EmulationYearFactory(organization=board, year=2026)
    bloc = BlocFactory(organization=board, code="KTĐ1", name="Khối thi đua các doanh nghiệp KCN Thanh Bình")
    other_bloc = BlocFactory(organization=board, code="KTĐ2", name="Khối thi đua KCN Thanh Bình mở rộng")
    leader = EnterpriseFactory(organization=board, name="Công ty Cổ phần Ván dán Hồng Ngọc")
    deputy = EnterpriseFactory(organization=board, name="Công ty TNHH Lechenwood Việt Nam")
    member = EnterpriseFactory(organization=board, name="Công ty TNHH Bao bì Thanh Bình")
    other = EnterpriseFactory(organization=board, name="Công ty TNHH May mặc Bắc Kạn")
    stranger = EnterpriseFactory(organization=board, name="Công ty TNHH Gạch ngói Chợ Mới")
    BlocMembershipFactory(bloc=bloc, enterprise=leader, year=year, role=MembershipRole.LEADER)
    BlocMembershipFactory(bloc=bloc, enterprise=deputy, year=year, role=MembershipRole.DEPUTY)
    BlocMembershipFactory(bloc=bloc, enterprise=member, year=year)
    BlocMembershipFactory(bloc=bloc, enterprise=other, year=year)
    BlocMembershipFactory(bloc=other_bloc, enterprise=stranger, year=year, role=MembershipRole.LEADER)
    template = _sign_targets(board, bloc, year, member, indicators)
    pledge = PledgeFactory(template=template, enterprise=leader, status=PledgeStatus.SIGNED)
    for code, value in TARGETS.items():
        PledgeTargetFactory(pledge=pledge, indicator=indicators[code], value=Decimal(value) * 2)
    # Last year's Q1 of the member, accepted: GTSX 80, LD 250.
    last_q1 = ReportingPeriodFactory(year=last_year, kind=PeriodKind.Q1, status="CLOSED")
    last_report = EnterpriseReportFactory(
        period=last_q1, enterprise=member, bloc=bloc, status=ReportStatus.LOCKED
    )
    IndicatorValueFactory(
        report=last_report, indicator=indicators["GTSX"], value=Decimal(80), ytd_value=Decimal(80)
    )
    IndicatorValueFactory(
        report=last_report, indicator=indicators["LD"], value=Decimal(250), ytd_value=Decimal(250)
    )
    period_services.set_up_periods(year=year, created_by=world.a.officer)
    q1 = period_services.open_period(
        period=ReportingPeriod.objects.get(year=year, kind=PeriodKind.Q1), opened_by=world.a.officer
    )
    return QuarterlyWorld(
        board=board,
        year=year,
        last_year=last_year,
        bloc=bloc,
        other_bloc=other_bloc,
        leader=leader,
        leader_rep=enterprise_user(leader, full_name="Nguyễn Văn Nam"),
        deputy=deputy,
        deputy_rep=enterprise_user(deputy, full_name="Trần Thị Phó"),
        member=member,
        member_rep=enterprise_user(member, full_name="Lê Minh Tuấn"),
        reporter=enterprise_user(member, EnterpriseRole.REPORTER, full_name="Phạm Thị Báo"),
        other=other,
        other_rep=enterprise_user(other, full_name="Đỗ Văn Khác"),
        stranger=stranger,
        stranger_rep=enterprise_user(stranger, full_name="Hoàng Văn Lạ"),
        q1=q1,
        indicators=indicators,
    )


@pytest.fixture
def qw(world) -> QuarterlyWorld:
    return make_quarterly_world(world)


def entries(qw: QuarterlyWorld, **values) -> list[report_services.ValueInput]:
    """``entries(qw, GTSX="100", LD="260", CHAY=None)``: None ticks "not applicable"."""
    inputs = []
    for code, value in values.items():
        if value is None:
            inputs.append(report_services.ValueInput(code=code, not_applicable=True))
        elif isinstance(value, tuple):
            inputs.append(
                report_services.ValueInput(code=code, value=Decimal(value[0]), ytd=Decimal(value[1]))
            )
        else:
            inputs.append(report_services.ValueInput(code=code, value=Decimal(value)))
    return inputs


def complete(qw: QuarterlyWorld, **overrides) -> list[report_services.ValueInput]:
    """Every required indicator of the catalogue: 1 for yes/no, "not applicable" for incidents, else a figure."""
    values = {}
    for code, indicator in qw.indicators.items():
        if indicator.optional:
            continue
        if indicator.kind == "YES_NO":
            values[code] = "1"
        elif code in {"TNLD", "CHAY", "MT_VP", "DC", "BHXH_NO"}:
            values[code] = None
        else:
            values[code] = "10"
    values.update({"GTSX": "100", "DT": "120", "LD": "260", "TNBQ": "8.5"})
    values.update(overrides)
    return entries(qw, **values)


def submitted(
    qw: QuarterlyWorld, enterprise: Enterprise, user: User, period=None, **overrides
) -> EnterpriseReport:
    report = qw.report(enterprise, period)
    report_services.save_report(report=report, entered_by=user, values=complete(qw, **overrides))
    return report_services.submit_report(report=report, submitted_by=user)


def accepted(
    qw: QuarterlyWorld, enterprise: Enterprise, user: User, reviewer: User, period=None, **overrides
):
    report = submitted(qw, enterprise, user, period, **overrides)
    return report_services.accept_report(report=report, accepted_by=reviewer)


def signed_in(user: User) -> Client:
    """A client signed in as ``user``: Board staff pass the second factor (``verified_client``); enterprise
    users, for whom the second factor is optional, sign in with their password only, as most of them do."""
    if user.board_roles.exists():
        return verified_client(user)
    client = Client()
    client.force_login(user)
    session = client.session
    session[REFRESHED_KEY] = int(time.time())  # as after a first page view: steady-state query counts
    session.save()
    return client


@pytest.fixture
def client_as():
    return signed_in
