import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from blocs.enums import ApplicationStatus, MembershipRole, MembershipStatus, YearStatus
from blocs.membership.services.applications import approve_application, reject_application, submit_application
from blocs.membership.services.members import add_member, assign_role, withdraw_membership
from blocs.membership.services.years import close_year, open_year
from blocs.models import BlocMembership
from blocs.register.services.enterprises import (
    create_enterprise,
    link_enterprise_user,
    update_enterprise_profile,
)
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    BlocRegulationFactory,
    EmulationYearFactory,
    EnterpriseFactory,
    MembershipApplicationFactory,
)
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit


@pytest.fixture
def bloc(world):
    return BlocFactory(organization=world.a.board)


@pytest.fixture
def year(world):
    return EmulationYearFactory(organization=world.a.board, year=2026)


def test_create_enterprise_normalizes_and_validates_tax_code(world):
    enterprise = create_enterprise(
        organization=world.a.board,
        data={"tax_code": "0300 588 569", "name": "Công ty Cổ phần Sữa Việt Nam"},
        created_by=world.a.officer,
    )

    assert (enterprise.tax_code, enterprise.search_name) == ("0300588569", "cong ty co phan sua viet nam")
    assert AuditEvent.objects.filter(action="enterprise.created").count() == 1


def test_create_enterprise_rejects_duplicate_tax_code_in_board_but_not_elsewhere(world):
    create_enterprise(
        organization=world.a.board, data={"tax_code": "0300588569", "name": "A"}, created_by=None
    )
    create_enterprise(
        organization=world.b.board, data={"tax_code": "0300588569", "name": "A"}, created_by=None
    )

    with pytest.raises(ValidationError):
        create_enterprise(
            organization=world.a.board, data={"tax_code": "0300588569", "name": "B"}, created_by=None
        )


def test_create_enterprise_rejects_bad_check_digit(world):
    with pytest.raises(ValidationError) as excinfo:
        create_enterprise(
            organization=world.a.board, data={"tax_code": "0300588560", "name": "A"}, created_by=None
        )

    assert "tax_code" in excinfo.value.message_dict


def test_profile_update_refuses_board_fields(world):
    enterprise = EnterpriseFactory(organization=world.a.board)

    with pytest.raises(ValidationError):
        update_enterprise_profile(enterprise=enterprise, data={"tax_code": "0300588569"}, updated_by=None)


def test_link_enterprise_user_refuses_other_board(world):
    enterprise = EnterpriseFactory(organization=world.a.board)

    with pytest.raises(ValidationError):
        link_enterprise_user(enterprise=enterprise, user=world.b.officer, role="REPORTER", linked_by=None)


def test_enterprise_in_one_bloc_per_year_service_and_constraint(world, bloc, year):
    membership = BlocMembershipFactory(bloc=bloc, year=year)
    other_bloc = BlocFactory(organization=world.a.board)

    with pytest.raises(ValidationError):
        add_member(bloc=other_bloc, enterprise=membership.enterprise, year=year, added_by=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        BlocMembership.objects.create(bloc=other_bloc, enterprise=membership.enterprise, year=year)


@pytest.mark.parametrize("role", [MembershipRole.LEADER, MembershipRole.DEPUTY])
def test_one_leader_and_one_deputy_constraint(bloc, year, role):
    BlocMembershipFactory(bloc=bloc, year=year, role=role)

    with pytest.raises(IntegrityError), transaction.atomic():
        BlocMembershipFactory(bloc=bloc, year=year, role=role)


def test_assign_role_moves_leadership(bloc, year):
    first = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER)
    second = BlocMembershipFactory(bloc=bloc, year=year)

    assign_role(membership=second, role=MembershipRole.LEADER, assigned_by=None)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.role, second.role) == (MembershipRole.MEMBER, MembershipRole.LEADER)


def test_second_consecutive_term_as_leader_is_refused(world, bloc):
    last = EmulationYearFactory(organization=world.a.board, year=2025)
    current = EmulationYearFactory(organization=world.a.board, year=2026)
    leader = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER)
    again = BlocMembershipFactory(bloc=bloc, year=current, enterprise=leader.enterprise)
    BlocMembershipFactory(bloc=bloc, year=current)

    with pytest.raises(ValidationError):
        assign_role(membership=again, role=MembershipRole.LEADER, assigned_by=None)


def test_second_consecutive_term_allowed_without_other_candidate(world, bloc):
    last = EmulationYearFactory(organization=world.a.board, year=2025)
    current = EmulationYearFactory(organization=world.a.board, year=2026)
    leader = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER)
    again = BlocMembershipFactory(bloc=bloc, year=current, enterprise=leader.enterprise)

    assert (
        assign_role(membership=again, role=MembershipRole.LEADER, assigned_by=None).role
        == MembershipRole.LEADER
    )


def test_second_consecutive_term_allowed_by_regulation(world, bloc):
    BlocRegulationFactory(bloc=bloc, leader_consecutive_terms_allowed=True)
    last = EmulationYearFactory(organization=world.a.board, year=2025)
    current = EmulationYearFactory(organization=world.a.board, year=2026)
    leader = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER)
    again = BlocMembershipFactory(bloc=bloc, year=current, enterprise=leader.enterprise)
    BlocMembershipFactory(bloc=bloc, year=current)

    assert (
        assign_role(membership=again, role=MembershipRole.LEADER, assigned_by=None).role
        == MembershipRole.LEADER
    )


def test_closed_year_is_read_only(world, bloc, year):
    membership = BlocMembershipFactory(bloc=bloc, year=year)
    application = MembershipApplicationFactory(
        year=year, enterprise=EnterpriseFactory(organization=world.a.board)
    )
    close_year(year=year, closed_by=world.a.officer)

    with pytest.raises(ValidationError):
        withdraw_membership(membership=membership, reason="Ngừng hoạt động", withdrawn_by=None)
    with pytest.raises(ValidationError):
        add_member(
            bloc=bloc, enterprise=EnterpriseFactory(organization=world.a.board), year=year, added_by=None
        )
    with pytest.raises(ValidationError):
        approve_application(application=application, bloc=bloc, decided_by=None)
    with pytest.raises(ValidationError):
        assign_role(membership=membership, role=MembershipRole.LEADER, assigned_by=None)
    assert year.status == YearStatus.OPEN  # the caller's instance; the database row is closed


def test_open_year_copies_memberships_settings_and_rotates_leader(world, bloc):
    last = EmulationYearFactory(organization=world.a.board, year=2025, settings={"bloc_quorum_ratio": "0.75"})
    leader = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.LEADER)
    deputy = BlocMembershipFactory(bloc=bloc, year=last, role=MembershipRole.DEPUTY)
    member = BlocMembershipFactory(bloc=bloc, year=last)
    BlocMembershipFactory(bloc=bloc, year=last, status=MembershipStatus.WITHDRAWN)

    new = open_year(organization=world.a.board, year=2026, opened_by=world.a.officer, copy_from=last)

    roles = dict(BlocMembership.objects.filter(year=new).values_list("enterprise_id", "role"))
    assert roles == {
        leader.enterprise_id: MembershipRole.MEMBER,
        deputy.enterprise_id: MembershipRole.LEADER,
        member.enterprise_id: MembershipRole.MEMBER,
    }
    assert new.settings == {"bloc_quorum_ratio": "0.75"}


def test_open_year_refuses_duplicate(world, year):
    with pytest.raises(ValidationError):
        open_year(organization=world.a.board, year=2026, opened_by=None)


def test_application_approve_creates_membership(world, bloc, year):
    enterprise = EnterpriseFactory(organization=world.a.board)
    application = submit_application(enterprise=enterprise, year=year, submitted_by=None)

    approved = approve_application(application=application, bloc=bloc, decided_by=world.a.officer)

    assert approved.status == ApplicationStatus.APPROVED
    assert BlocMembership.objects.get(enterprise=enterprise, year=year).bloc == bloc


def test_second_pending_application_is_refused(world, year):
    enterprise = EnterpriseFactory(organization=world.a.board)
    submit_application(enterprise=enterprise, year=year, submitted_by=None)

    with pytest.raises(ValidationError):
        submit_application(enterprise=enterprise, year=year, submitted_by=None)


def test_reject_needs_reason(world, year):
    application = MembershipApplicationFactory(
        year=year, enterprise=EnterpriseFactory(organization=world.a.board)
    )

    with pytest.raises(ValidationError):
        reject_application(application=application, reason=" ", decided_by=None)
    rejected = reject_application(application=application, reason="Chưa hoạt động ổn định", decided_by=None)

    assert (rejected.status, rejected.reason) == (ApplicationStatus.REJECTED, "Chưa hoạt động ổn định")
