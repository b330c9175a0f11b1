import pytest

from blocs.models import BlocMembership
from tests.factories.blocs import BlocMembershipFactory, enterprise_user

pytestmark = pytest.mark.unit


def test_membership_factory_keeps_one_board(db):
    membership = BlocMembershipFactory()

    assert membership.enterprise.organization == membership.bloc.organization == membership.year.organization
    assert membership.enterprise.search_name.startswith("cong ty tnhh")
    assert BlocMembership.objects.count() == 1


def test_enterprise_user_acts_for_enterprise_board(db):
    membership = BlocMembershipFactory()

    user = enterprise_user(membership.enterprise)

    assert user.organization == membership.enterprise.organization
    assert user.enterprise_links.get().enterprise == membership.enterprise
