"""The rules of a bloc in a year (pure): the regulation over the year's settings, and the one rule that sets
leader and deputy for a new term (election or carry-over) with no second consecutive term as leader."""

from decimal import Decimal

import pytest

from blocs.enums import MembershipRole
from blocs.membership.rules import DEFAULT_YEAR_SETTINGS, leader_barred, merge_rules, roles_for_next_term
from tests.factories.blocs import BlocRegulationFactory

pytestmark = pytest.mark.unit

L, D, M = MembershipRole.LEADER, MembershipRole.DEPUTY, MembershipRole.MEMBER


def test_settings_apply_without_a_regulation():
    rules = merge_rules(None, {**DEFAULT_YEAR_SETTINGS, "bloc_quorum_ratio": "0.75"})

    assert (rules.quorum_ratio, rules.from_regulation, rules.leader_consecutive_terms_allowed) == (
        Decimal("0.75"),
        False,
        False,
    )


def test_the_regulation_overrides_the_settings():
    regulation = BlocRegulationFactory.build(quorum_ratio=Decimal("0.8"), leader_consecutive_terms_allowed=True)

    rules = merge_rules(regulation, {"bloc_quorum_ratio": "0.75", "leader_consecutive_terms_allowed": False})

    assert (rules.quorum_ratio, rules.leader_consecutive_terms_allowed, rules.from_regulation) == (
        Decimal("0.8"),
        True,
        True,
    )


@pytest.mark.parametrize(
    ("enterprise", "previous", "may_serve_again", "members", "barred"),
    [
        (1, 1, False, [1, 2], True),  # led last year, others could lead
        (1, 1, True, [1, 2], False),  # the rules allow a second term
        (1, 1, False, [1], False),  # nobody else could lead
        (1, 2, False, [1, 2], False),  # someone else led last year
        (1, None, False, [1, 2], False),  # no leader last year
    ],
)
def test_leader_barred(enterprise, previous, may_serve_again, members, barred):
    assert (
        leader_barred(
            enterprise_id=enterprise,
            previous_leader_id=previous,
            may_serve_again=may_serve_again,
            member_ids=members,
        )
        is barred
    )


@pytest.mark.parametrize(
    ("elected", "previous", "expected"),
    [
        ([3, 2], 1, {1: M, 2: D, 3: L}),  # the first elected leads, the second is deputy
        ([1, 2], 1, {1: D, 2: L, 3: M}),  # last year's leader is elected first: deputy, the next one leads
        ([9, 2, 3], 1, {1: M, 2: L, 3: D}),  # an elected enterprise that is not a member is skipped
        ([1], 1, {1: D, 2: M, 3: M}),  # barred and alone elected: deputy, the seat of leader stays empty
        ([], 1, {1: M, 2: M, 3: M}),  # nobody elected
    ],
)
def test_roles_from_an_election(elected, previous, expected):
    roles = roles_for_next_term(
        member_ids=[1, 2, 3],
        current_roles={1: L, 2: D},
        elected=elected,
        previous_leader_id=previous,
        may_serve_again=False,
    )

    assert roles == expected


@pytest.mark.parametrize(
    ("current", "previous", "may_serve_again", "expected"),
    [
        ({1: L, 2: D}, 1, False, {1: M, 2: L, 3: M}),  # the leader hands over to the deputy
        ({1: L, 2: D}, 1, True, {1: L, 2: D, 3: M}),  # the rules allow a second term: roles carry over
        ({1: L}, 1, False, {1: M, 2: M, 3: M}),  # no deputy: the seat stays empty for the Board
        ({1: L, 2: D}, None, False, {1: L, 2: D, 3: M}),  # not consecutive (a year was skipped)
        ({2: D}, None, False, {1: M, 2: D, 3: M}),  # no leader: the deputy stays deputy
    ],
)
def test_roles_carried_over_without_an_election(current, previous, may_serve_again, expected):
    roles = roles_for_next_term(
        member_ids=[1, 2, 3],
        current_roles=current,
        elected=None,
        previous_leader_id=previous,
        may_serve_again=may_serve_again,
    )

    assert roles == expected
