from fractions import Fraction

import pytest

from blocs.voting.tally import as_fraction, passes_threshold, quorum_reached, tally

pytestmark = pytest.mark.unit

TWO_THIRDS = as_fraction("0.6667")
HALF = as_fraction("0.5")


def test_as_fraction_reads_stored_decimals_as_simple_fractions():
    assert (TWO_THIRDS, HALF, as_fraction("0.8"), as_fraction("0.9")) == (
        Fraction(2, 3),
        Fraction(1, 2),
        Fraction(4, 5),
        Fraction(9, 10),
    )


@pytest.mark.parametrize(
    ("eligible", "present", "reached"),
    [(9, 6, True), (9, 5, False), (3, 2, True), (30, 20, True), (30, 19, False), (0, 0, False), (9, 9, True)],
)
def test_quorum_of_two_thirds_is_reached_at_exactly_two_thirds(eligible, present, reached):
    assert quorum_reached(eligible=eligible, present=present, quorum=TWO_THIRDS) is reached


@pytest.mark.parametrize(
    ("votes", "base", "passes"), [(5, 10, False), (6, 10, True), (4, 7, True), (3, 7, False)]
)
def test_majority_is_strictly_more_than_half(votes, base, passes):
    assert passes_threshold(votes=votes, base=base, threshold=HALF, inclusive=False) is passes


@pytest.mark.parametrize(("votes", "base", "passes"), [(8, 10, True), (7, 10, False), (4, 5, True)])
def test_inclusive_threshold_passes_at_exactly_the_ratio(votes, base, passes):
    assert passes_threshold(votes=votes, base=base, threshold=as_fraction("0.8"), inclusive=True) is passes


def test_tally_elects_majority_winner():
    result = tally(eligible=9, present=6, votes={1: 4, 2: 2}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.quorum_reached, result.elected, result.tied) == (True, [1], [])


def test_tally_without_quorum_elects_nobody():
    result = tally(eligible=9, present=5, votes={1: 5, 2: 0}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.quorum_reached, result.elected, [row.passes for row in result.rows]) == (
        False,
        [],
        [False, False],
    )


def test_tally_exactly_half_is_not_a_majority():
    result = tally(eligible=6, present=6, votes={1: 3, 2: 3}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.elected, result.tied) == ([], [])


def test_tally_reports_tie_at_the_last_seat():
    result = tally(
        eligible=6, present=6, votes={1: 5, 2: 4, 3: 4}, quorum=TWO_THIRDS, threshold=HALF, seats=2
    )

    assert (result.elected, result.tied) == ([1], [2, 3])


def test_tally_tie_among_inclusive_passers_for_one_seat():
    result = tally(
        eligible=4, present=4, votes={1: 2, 2: 2}, quorum=TWO_THIRDS, threshold=HALF, inclusive=True
    )

    assert (result.elected, result.tied, result.is_tie) == ([], [1, 2], True)


def test_tally_two_seats_fill_in_vote_order():
    result = tally(
        eligible=5, present=5, votes={1: 3, 2: 5, 3: 4}, quorum=TWO_THIRDS, threshold=HALF, seats=2
    )

    assert result.elected == [2, 3]


def test_tally_base_all_eligible_counts_absentees_against():
    result = tally(
        eligible=10,
        present=7,
        votes={1: 5},
        quorum=TWO_THIRDS,
        threshold=HALF,
        base_all_eligible=True,
    )

    assert (result.base, result.elected) == (10, [])
