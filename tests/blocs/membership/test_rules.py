"""The rules of a bloc in a year (pure): the regulation over the year's settings, the one rule from an
election's result to roles, and the rotation of a new term, with no second consecutive term as leader."""

from decimal import Decimal

import pytest

from blocs.enums import MembershipRole
from blocs.membership.rules import (
    DEFAULT_YEAR_SETTINGS,
    leader_barred,
    merge_rules,
    roles_after_election,
    roles_for_next_term,
)
from blocs.voting.enums import TieRule
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
    regulation = BlocRegulationFactory.build(
        quorum_ratio=Decimal("0.8"), leader_consecutive_terms_allowed=True
    )

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


def test_the_tie_rule_is_the_regulations_and_the_deputy_rule_the_boards():
    regulation = BlocRegulationFactory.build(tie_rule=TieRule.CHAIR)
    settings = {"deputy_is_default_leader_candidate": False}

    assert (merge_rules(None, settings).tie_rule, merge_rules(regulation, settings).tie_rule) == (
        TieRule.RUNOFF,
        TieRule.CHAIR,
    )
    assert merge_rules(regulation, settings).deputy_is_default_leader_candidate is False


@pytest.mark.parametrize(
    ("elected", "previous", "expected"),
    [
        ({L: 3}, None, {1: M, 2: D, 3: L}),  # the elected leader leads; the old one becomes a member
        ({L: 2}, None, {1: M, 2: L, 3: M}),  # the deputy elected leader: the deputy seat is empty
        ({D: 3}, None, {1: L, 2: M, 3: D}),  # a deputy election leaves the leader in place
        ({L: 3, D: 3}, None, {1: M, 2: M, 3: L}),  # elected to both: leads
        ({L: 1}, 1, {1: L, 2: D, 3: M}),  # barred: takes nothing (the service refuses with a message)
        ({L: 9}, None, {1: L, 2: D, 3: M}),  # not a member: takes nothing
        ({}, None, {1: L, 2: D, 3: M}),  # nothing elected
    ],
)
def test_roles_after_an_election(elected, previous, expected):
    roles = roles_after_election(
        member_ids=[1, 2, 3],
        current_roles={1: L, 2: D},
        elected=elected,
        previous_leader_id=previous,
        may_serve_again=False,
    )

    assert roles == expected


@pytest.mark.parametrize(
    ("current", "previous", "may_serve_again", "deputy_takes_over", "expected"),
    [
        ({1: L, 2: D}, 1, False, False, {1: M, 2: L, 3: M}),  # the leader hands over to the deputy
        ({1: L, 2: D}, 1, True, False, {1: L, 2: D, 3: M}),  # a second term allowed, no rotation: carry over
        ({1: L, 2: D}, 1, True, True, {1: M, 2: L, 3: M}),  # the deputy is the default: it leads
        ({1: L}, 1, False, True, {1: M, 2: M, 3: M}),  # no deputy: the seat stays empty for the Board
        ({1: L, 2: D}, None, False, False, {1: L, 2: D, 3: M}),  # not consecutive (a year was skipped)
        ({2: D}, None, False, False, {1: M, 2: D, 3: M}),  # no leader: the deputy stays deputy
    ],
)
def test_roles_of_a_new_term_without_an_election(
    current, previous, may_serve_again, deputy_takes_over, expected
):
    roles = roles_for_next_term(
        member_ids=[1, 2, 3],
        current_roles=current,
        elected=None,
        previous_leader_id=previous,
        may_serve_again=may_serve_again,
        deputy_takes_over=deputy_takes_over,
    )

    assert roles == expected


@pytest.mark.parametrize(
    ("elected", "expected"),
    [
        ({L: 3}, {1: M, 2: D, 3: L}),  # the outgoing leader steps down; the deputy carries over
        ({L: 3, D: 1}, {1: D, 2: M, 3: L}),  # last year's leader elected deputy: allowed
        ({L: 1}, {1: M, 2: D, 3: M}),  # last year's leader elected leader while barred: the seat stays empty
    ],
)
def test_roles_of_a_new_term_with_an_election(elected, expected):
    roles = roles_for_next_term(
        member_ids=[1, 2, 3],
        current_roles={1: L, 2: D},
        elected=elected,
        previous_leader_id=1,
        may_serve_again=False,
        deputy_takes_over=True,
    )

    assert roles == expected
