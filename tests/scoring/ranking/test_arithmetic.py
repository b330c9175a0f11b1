"""Totals, vetoes, classification and ranking without a database, and the property that the ranking is a
deterministic function of the final scores and the tie-break rules."""

import random
from decimal import Decimal as D

import pytest

from scoring.ranking.arithmetic import Member, Score, Totals, classify, rank_members, totals, veto_reasons
from scoring.ranking.models import default_bands, default_tie_breaks

pytestmark = pytest.mark.unit
BANDS = default_bands()
RULES = default_tie_breaks()


def test_totals_cap_the_bonus_group_and_subtract_deductions():
    scores = [
        Score("NORMAL", 1, None, D(60)),
        Score("NORMAL", 2, None, D(25)),
        Score("BONUS", 3, D(10), D(6)),
        Score("BONUS", 3, D(10), D(7)),
        Score("DEDUCTION", 4, None, D(3)),
        Score("VETO", 5, None, D(1)),
    ]

    result = totals(scores)

    assert (result.normal, result.bonus, result.deduction, result.total, result.vetoes) == (
        D(85),
        D(10),
        D(3),
        D(92),
        1,
    )


def test_a_missing_value_counts_as_zero():
    assert totals([Score("NORMAL", 1, None, None)]).total == D(0)


@pytest.mark.parametrize(
    ("total", "scale", "expected"),
    [
        (D(95), 100, "EXCELLENT"),
        (D(90), 100, "EXCELLENT"),
        (D("89.99"), 100, "GOOD"),
        (D(700), 1000, "FAIR"),
        (D(50), 100, "AVERAGE"),
        (D(10), 100, "WEAK"),
    ],
)
def test_classify_by_the_boards_bands(total, scale, expected):
    assert classify(total, scale, BANDS) == expected


def test_veto_reasons_name_every_cause():
    reasons = veto_reasons(
        criteria_vetoes=["G1"],
        discipline_flag=True,
        discipline_note="Đang thanh tra",
        period="YEAR_END",
        confirmations=["TAX"],
        required_confirmations=["TAX", "SOCIAL_INSURANCE"],
        registered_in_pledge=False,
    )

    assert [r["code"] for r in reasons] == ["CRITERION", "DISCIPLINE", "CONFIRMATIONS", "NO_REGISTRATION"]


def test_confirmations_are_required_at_year_end_only():
    reasons = veto_reasons(
        criteria_vetoes=[],
        discipline_flag=False,
        discipline_note="",
        period="MIDYEAR",
        confirmations=[],
        required_confirmations=["TAX"],
        registered_in_pledge=True,
    )

    assert reasons == []


def member(key, total, deduction=0, completion=None, women=None, vote=None):
    return Member(
        key=key,
        totals=Totals(D(total) + D(deduction), D(0), D(deduction), 0),
        completion=None if completion is None else D(completion),
        women_share=None if women is None else D(women),
        tie_vote=vote,
    )


def test_ties_are_broken_by_fewer_deductions_then_completion_then_women():
    members = [
        member(1, 90, deduction=2),
        member(2, 90, deduction=1),
        member(3, 80, completion=95),
        member(4, 80, completion=101),
        member(5, 70, completion=100, women=40),
        member(6, 70, completion=100, women=71),
    ]

    ranked = rank_members(members, RULES)

    assert [(m.key, m.rank) for m in ranked] == [(2, 1), (1, 2), (4, 3), (3, 4), (6, 5), (5, 6)]


def test_a_tie_no_rule_breaks_is_shared_until_the_vote():
    tied = rank_members([member(1, 90), member(2, 90), member(3, 80)], RULES)
    voted = rank_members([member(1, 90, vote=3), member(2, 90, vote=5), member(3, 80)], RULES)

    assert [m.rank for m in tied] == [1, 1, 3]
    assert [(m.key, m.rank) for m in voted] == [(2, 1), (1, 2), (3, 3)]


def test_the_gap_is_to_the_member_just_above():
    ranked = rank_members([member(1, 90), member(2, D("85.5")), member(3, 80)], RULES)

    assert [m.gap for m in ranked] == [None, D("4.5"), D("5.5")]


def random_members(rng: random.Random) -> list[Member]:
    def maybe(value):
        return None if rng.random() < 0.2 else value

    return [
        member(
            key,
            rng.choice([70, 80, D("80.5"), 90]),
            deduction=rng.choice([0, 1, 2]),
            completion=maybe(rng.choice([90, 100])),
            women=maybe(rng.choice([30, 70])),
            vote=maybe(rng.choice([1, 2])),
        )
        for key in range(rng.randint(1, 12))
    ]


@pytest.mark.parametrize("seed", range(300))
def test_ranking_is_a_deterministic_function_of_the_scores_and_rules(seed):
    rng = random.Random(seed)
    members = random_members(rng)
    rules = rng.sample(RULES, k=rng.randint(0, len(RULES)))
    shuffled = [Member(m.key, m.totals, m.completion, m.women_share, m.tie_vote) for m in members]
    rng.shuffle(shuffled)

    first = {(m.key, m.rank) for m in rank_members(members, rules)}
    second = {(m.key, m.rank) for m in rank_members(shuffled, rules)}

    assert first == second
    ranks = sorted(rank for _key, rank in first)
    assert ranks[0] == 1
    assert all(rank <= position for position, rank in enumerate(ranks, start=1))
