"""Nominations before the council of Board A, and its five council members."""

import pytest

from awards.nominations.enums import NominationStatus
from tests.factories.accounts import staff_user
from tests.factories.awards import NominationFactory, award_type
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory
from thidua.accounts.enums import BoardRole


@pytest.fixture
def council(world):
    """``world.a.council`` and four more members: five in all."""
    others = [staff_user(world.a.board, BoardRole.COUNCIL, full_name=f"Ủy viên {n}") for n in range(2, 6)]
    return [world.a.council, *others]


@pytest.fixture
def before_council(world):
    """Two nominations before the council: a flag (≥ 80 %) and a Giấy khen (> 50 %)."""
    year = EmulationYearFactory(organization=world.a.board, year=2025)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1")
    leader = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    member = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    flag = NominationFactory(
        year=year,
        enterprise=leader,
        bloc=bloc,
        award_type=award_type("CO_TINH"),
        status=NominationStatus.COUNCIL_VOTING,
    )
    certificate = NominationFactory(
        year=year, enterprise=member, bloc=bloc, status=NominationStatus.COUNCIL_VOTING
    )
    return year, flag, certificate
