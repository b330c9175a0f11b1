"""A bloc of Board A with an approved 2026 pledge template and three members (leader, member, other)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from blocs.enums import EnterpriseRole, MembershipRole
from blocs.models import Bloc, Enterprise
from blocs.pledges import services
from blocs.pledges.models import Indicator, Pledge, PledgeTemplate
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    enterprise_user,
)
from thidua.accounts.models import User

CODES = ["GTSX", "DT", "XK"]


@dataclass
class PledgeWorld:
    bloc: Bloc
    template: PledgeTemplate
    leader: Enterprise
    leader_rep: User
    member: Enterprise
    member_rep: User
    reporter: User
    other: Enterprise
    other_rep: User
    indicators: list[Indicator]

    def pledge_of(self, enterprise: Enterprise) -> Pledge:
        return Pledge.objects.get(template=self.template, enterprise=enterprise, amendment__isnull=True)


def make_pledge_world(world, *, name_prefix: str = "", year=None) -> PledgeWorld:
    board = world.a.board
    year = year or EmulationYearFactory(organization=board, year=2026)
    bloc = BlocFactory(organization=board, name="Khối thi đua các doanh nghiệp KCN Thanh Bình")
    leader = EnterpriseFactory(organization=board, name=f"{name_prefix}Công ty Cổ phần Ván dán Hồng Ngọc")
    member = EnterpriseFactory(organization=board, name=f"{name_prefix}Công ty TNHH Lechenwood Việt Nam")
    other = EnterpriseFactory(organization=board, name=f"{name_prefix}Công ty TNHH Bao bì Thanh Bình")
    BlocMembershipFactory(bloc=bloc, enterprise=leader, year=year, role=MembershipRole.LEADER)
    BlocMembershipFactory(bloc=bloc, enterprise=member, year=year)
    BlocMembershipFactory(bloc=bloc, enterprise=other, year=year)
    services.ensure_national_indicators()  # a transactional test (live server) may have flushed the seed rows
    indicators = list(
        Indicator.objects.filter(organization__isnull=True, code__in=CODES).order_by("ordering")
    )
    template = services.create_template(
        bloc=bloc,
        year=year,
        created_by=world.a.officer,
        theme="Doanh nghiệp Khu công nghiệp Thanh Bình đoàn kết – dân chủ – đổi mới – phát triển",  # noqa: RUF001
        joint_text="Phấn đấu hoàn thành vượt mức các chỉ tiêu kinh tế.",
        commitments=["Nộp thuế đầy đủ, đúng hạn", "Không để xảy ra cháy, nổ"],
        indicators=indicators,
        signing_deadline=datetime.date(2026, 3, 31),
    )
    services.submit_template(template=template, submitted_by=world.a.officer)
    template = services.approve_template(template=template, approved_by=world.a.officer)
    return PledgeWorld(
        bloc=bloc,
        template=template,
        leader=leader,
        leader_rep=enterprise_user(leader, full_name="Nguyễn Văn Hồng"),
        member=member,
        member_rep=enterprise_user(member, full_name="Lê Minh Tuấn"),
        reporter=enterprise_user(member, EnterpriseRole.REPORTER, full_name="Phạm Thị Báo"),
        other=other,
        other_rep=enterprise_user(other, full_name="Trần Văn Khác"),
        indicators=indicators,
    )


@pytest.fixture
def pw(world) -> PledgeWorld:
    return make_pledge_world(world)


def fill(pledge: Pledge, user, indicators, *, base: str = "100") -> Pledge:
    targets = [
        services.TargetInput(indicator=i, value=Decimal(base) + n, basis="PLAN")
        for n, i in enumerate(indicators)
    ]
    return services.update_pledge(
        pledge=pledge,
        updated_by=user,
        targets=targets,
        registrations=[services.RegistrationInput("COLLECTIVE", pledge.enterprise.name, "TTLDXS")],
    )


def accepted(pw: PledgeWorld, enterprise: Enterprise, rep: User, reviewer) -> Pledge:
    pledge = fill(pw.pledge_of(enterprise), rep, pw.indicators)
    services.submit_pledge(pledge=pledge, submitted_by=rep)
    return services.accept_pledge(pledge=pledge, accepted_by=reviewer)


def signed(pw: PledgeWorld, enterprise: Enterprise, rep: User, reviewer):
    pledge = accepted(pw, enterprise, rep, reviewer)
    return services.sign_pledge(
        pledge=pledge, user=rep, password=TEST_PASSWORD, title="Giám đốc", ip="10.0.0.1"
    )
