"""The demo is true to the seeds and plausible (domain.md §17.10): exact names, income above 7 million VND per
person per month, budget contributions a fraction of revenue, pledges signed in the first quarter, four 2026
applications to the Thanh Bình bloc."""

from decimal import Decimal
from io import StringIO

import pytest

from blocs.enums import MembershipRole, MembershipStatus, YearStatus
from blocs.membership.demo import seed as seed_blocs
from blocs.membership.queries import current_round
from blocs.models import BlocMembership, Election, Enterprise, MembershipApplication
from blocs.pledges.demo import seed as seed_pledges
from blocs.pledges.models import PledgeTarget, PledgeTemplate
from blocs.voting.enums import VotingMethod, VotingStatus
from thidua.accounts.demo import seed as seed_accounts
from thidua.accounts.models import User

pytestmark = pytest.mark.unit


@pytest.fixture
def demo(db):
    seed_accounts(StringIO())
    seed_blocs(StringIO())
    seed_pledges([])


def test_names_are_those_of_the_seeds(demo):
    hong_ngoc = Enterprise.objects.get(name="Công ty Cổ phần Ván dán Hồng Ngọc")

    assert hong_ngoc.legal_representative == "Nguyễn Văn Nam"
    assert User.objects.get(email="leader.tn@thidua.demo").full_name == "Nguyễn Văn Nam"
    assert User.objects.get(email="signer.tn@thidua.demo").full_name == "Hoàng Văn Khởi"


def test_pledges_are_signed_in_the_first_quarter_with_plausible_targets(demo):
    template = PledgeTemplate.objects.get(bloc__code="KTĐ1", organization__short_code="BQL")
    targets = PledgeTarget.objects.filter(pledge__template=template)
    by_pledge: dict[int, dict[str, Decimal]] = {}
    for target in targets.select_related("indicator"):
        by_pledge.setdefault(target.pledge_id, {})[target.indicator.code] = target.value

    assert template.signing_deadline.month <= 3
    assert by_pledge
    for values in by_pledge.values():
        assert values.get("TNBQ", Decimal(8)) > 7
        if "NNS" in values and "DT" in values:
            assert values["NNS"] < values["DT"] / 5


def test_four_enterprises_applied_to_the_thanh_binh_bloc_for_2026(demo):
    applications = MembershipApplication.objects.filter(
        year__year=2026, enterprise__organization__short_code="BQL"
    )

    assert applications.count() == 4


def test_2025_is_closed_with_a_confirmed_election_that_holds_for_2026(demo):
    from scoring.quarterly.demo import seed as seed_quarters

    seed_quarters([])

    election = Election.objects.get(bloc__code="KTĐ1", bloc__organization__short_code="BQL", year__year=2025)
    leaders = dict(
        BlocMembership.objects.filter(
            bloc=election.bloc, role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE
        ).values_list("year__year", "enterprise__name")
    )
    assert election.year.status == YearStatus.CLOSED
    assert election.applied_to.year == 2026
    assert current_round(election).status == VotingStatus.RESULT_CONFIRMED
    assert current_round(election).method == VotingMethod.CONSENSUS
    assert leaders == {
        2025: "Công ty TNHH Lechenwood Việt Nam",
        2026: "Công ty Cổ phần Ván dán Hồng Ngọc",
    }
