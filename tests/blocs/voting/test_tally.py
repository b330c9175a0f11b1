from fractions import Fraction

import pytest

from blocs.voting.tally import as_fraction, is_decided, passes_threshold, quorum_reached, tally

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
    result = tally(eligible=6, present=6, votes={1: 4, 2: 2}, quorum=TWO_THIRDS, threshold=HALF, seats=2)

    assert [row.passes for row in result.rows] == [True, False]


def test_a_four_four_tie_is_a_tie_and_goes_to_a_second_round():
    """Issue 10: a 4-4 tie was resolved silently. Nobody is elected; both are tied and meet again."""
    result = tally(eligible=8, present=8, votes={1: 4, 2: 4}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.elected, result.tied, result.runoff, result.is_tie) == ([], [1, 2], [1, 2], True)
    assert not is_decided(result.as_json())


def test_a_tie_is_never_broken_by_order_even_when_both_pass():
    result = tally(eligible=4, present=4, votes={7: 3, 3: 3}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.elected, result.tied, result.runoff) == ([], [3, 7], [3, 7])


def test_without_a_majority_the_best_two_meet_again():
    result = tally(eligible=8, present=8, votes={1: 4, 2: 3, 3: 1}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.elected, result.tied, result.runoff) == ([], [], [1, 2])


def test_equal_votes_for_the_second_place_all_meet_again():
    result = tally(eligible=8, present=8, votes={1: 4, 2: 2, 3: 2}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.tied, result.runoff) == ([], [1, 2, 3])


def test_candidates_nobody_chose_do_not_meet_again():
    result = tally(eligible=6, present=6, votes={1: 3, 2: 0, 3: 0}, quorum=TWO_THIRDS, threshold=HALF)

    assert (result.elected, result.runoff) == ([], [1])


def test_an_approval_vote_has_no_tie_and_no_second_round():
    """A council voting on each nominee: as many seats as candidates; a nominee passes or not."""
    result = tally(
        eligible=5,
        present=5,
        votes={1: 4, 2: 3},
        quorum=as_fraction("0.8"),
        threshold=as_fraction("0.8"),
        base_all_eligible=True,
        inclusive=True,
        seats=2,
    )

    assert (result.elected, result.tied, result.runoff, is_decided(result.as_json())) == ([1], [], [], True)


def test_explicit_disagreement_and_invalid_ballots_are_counted():
    result = tally(eligible=9, present=8, votes={1: 5, 2: 1}, quorum=TWO_THIRDS, threshold=HALF, valid=7)

    assert [(row.votes, row.against) for row in result.rows] == [(5, 2), (1, 6)]
    assert (result.valid, result.invalid, result.elected) == (7, 1, [1])


@pytest.mark.parametrize(
    ("result", "decided"),
    [
        ({"quorum_reached": False, "elected": [], "competitive": True}, False),
        ({"quorum_reached": True, "elected": [1], "tied": [], "runoff": [], "competitive": True}, True),
        (
            {"quorum_reached": True, "elected": [], "tied": [1, 2], "runoff": [1, 2], "competitive": True},
            False,
        ),
        (
            {
                "quorum_reached": True,
                "elected": [2],
                "tied": [1, 2],
                "runoff": [],
                "chair_decision": {"candidate_id": 2},
                "competitive": True,
            },
            True,
        ),
        ({"quorum_reached": True, "elected": [], "tied": [], "runoff": [], "competitive": True}, False),
        ({"quorum_reached": True, "elected": [], "tied": [], "runoff": [], "competitive": False}, True),
    ],
)
def test_is_decided(result, decided):
    assert is_decided(result) is decided


def test_tally_reports_tie_at_the_last_seat():
    result = tally(
        eligible=6, present=6, votes={1: 5, 2: 4, 3: 4}, quorum=TWO_THIRDS, threshold=HALF, seats=2
    )

    assert (result.elected, result.tied) == ([1], [2, 3])


def test_tally_tie_among_inclusive_passers_for_one_seat():
    result = tally(
        eligible=4, present=4, votes={1: 2, 2: 2}, quorum=TWO_THIRDS, threshold=HALF, inclusive=True
    )

    assert (result.elected, result.tied, result.runoff, result.is_tie) == ([], [1, 2], [1, 2], True)


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
