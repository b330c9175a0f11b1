"""The blocs role world on top of the Board world: a bloc with a leader, a member, an outsider enterprise."""

from dataclasses import dataclass

import pytest

from blocs.enums import EnterpriseRole, MembershipRole
from blocs.models import Bloc, EmulationYear, Enterprise
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    enterprise_user,
)
from thidua.accounts.models import User


@dataclass
class BlocWorld:
    year: EmulationYear
    bloc: Bloc
    other_bloc: Bloc
    leader_enterprise: Enterprise
    member_enterprise: Enterprise
    outsider_enterprise: Enterprise  # same Board, in another bloc
    leader: User  # representative of the leader enterprise
    member: User  # representative of a plain member
    outsider: User  # representative of an enterprise of another bloc
    other_board_enterprise: Enterprise


@pytest.fixture
def blocs_world(world) -> BlocWorld:
    board = world.a.board
    year = EmulationYearFactory(organization=board, year=2026)
    bloc = BlocFactory(organization=board, code="KTĐ1", name="Khối thi đua KCN Thanh Bình")
    other_bloc = BlocFactory(organization=board, code="KTĐ2")
    leader_m = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER)
    member_m = BlocMembershipFactory(bloc=bloc, year=year)
    outsider_m = BlocMembershipFactory(bloc=other_bloc, year=year, role=MembershipRole.LEADER)
    return BlocWorld(
        year=year,
        bloc=bloc,
        other_bloc=other_bloc,
        leader_enterprise=leader_m.enterprise,
        member_enterprise=member_m.enterprise,
        outsider_enterprise=outsider_m.enterprise,
        leader=enterprise_user(leader_m.enterprise),
        member=enterprise_user(member_m.enterprise),
        outsider=enterprise_user(outsider_m.enterprise, role=EnterpriseRole.REPORTER),
        other_board_enterprise=EnterpriseFactory(organization=world.b.board),
    )
