"""Pure tally arithmetic: quorum, threshold, seats, ties and second rounds. No database; unit-tested on values.

Ratios are stored as decimals with four places and read as the nearest fraction with a denominator of at most
100, so 0.6667 means exactly two thirds and "exactly 2/3 present" reaches the quorum.

A ballot says "đồng ý" to some candidates; on a valid ballot every other candidate gets a "không đồng ý"
(``against`` = valid ballots - votes). An invalid ballot counts for the quorum and for no one.

A vote is *competitive* when there are more candidates than seats (an election, the bloc's suy tôn); it is an
*approval* vote when every candidate may pass (a council voting on each nominee). Only a competitive vote
has ties and second rounds:

- a **tie** is several candidates with equal votes for the last seat that can be filled (among those who
  pass the threshold, or, when too few pass, among the best of the rest: a 4-4 split is a tie); it is
  never resolved by order: ``tied`` names them and ``elected`` leaves their seat empty;
- when seats stay empty, ``runoff`` names the candidates of a second round: the tied ones, or else the best
  candidates (one more than the empty seats, more on equal votes), as a regulation "re-votes between the
  top two". The caller holds that round, or (a tie, where the regulation says so) records the chair's
  decision.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction


def as_fraction(ratio: Decimal | str | float) -> Fraction:
    return Fraction(Decimal(str(ratio))).limit_denominator(100)


@dataclass(frozen=True)
class CandidateTally:
    candidate_id: int
    votes: int
    share: Fraction
    passes: bool
    against: int = 0


@dataclass(frozen=True)
class TallyResult:
    eligible: int
    present: int
    quorum_reached: bool
    base: int
    rows: list[CandidateTally]
    elected: list[int] = field(default_factory=list)
    tied: list[int] = field(default_factory=list)
    runoff: list[int] = field(default_factory=list)
    valid: int = 0
    invalid: int = 0
    competitive: bool = False

    @property
    def is_tie(self) -> bool:
        return bool(self.tied)

    def as_json(self) -> dict:
        return {
            "eligible": self.eligible,
            "present": self.present,
            "quorum_reached": self.quorum_reached,
            "base": self.base,
            "valid": self.valid,
            "invalid": self.invalid,
            "rows": [
                {
                    "candidate_id": row.candidate_id,
                    "votes": row.votes,
                    "against": row.against,
                    "share": f"{float(row.share):.4f}",
                    "passes": row.passes,
                }
                for row in self.rows
            ],
            "elected": self.elected,
            "tied": self.tied,
            "runoff": self.runoff,
            "competitive": self.competitive,
        }


def quorum_reached(*, eligible: int, present: int, quorum: Fraction) -> bool:
    """At least the quorum share of the eligible weight took part (exactly 2/3 is enough)."""
    return eligible > 0 and Fraction(present, eligible) >= quorum


def passes_threshold(*, votes: int, base: int, threshold: Fraction, inclusive: bool) -> bool:
    """Strictly more than the threshold (a majority: exactly 50 % is not), or at least it when inclusive."""
    if base <= 0:
        return False
    share = Fraction(votes, base)
    return share >= threshold if inclusive else share > threshold


def _fill(rows: list[CandidateTally], seats: int) -> tuple[list[int], list[int]]:
    """(filled, tied): the best ``seats`` of ``rows`` (sorted, best first), unless equal votes straddle the last
    seat: then those candidates are tied and their seat stays empty."""
    if seats <= 0:
        return [], []
    if len(rows) <= seats:
        return [row.candidate_id for row in rows], []
    boundary = rows[seats - 1].votes
    if rows[seats].votes != boundary:
        return [row.candidate_id for row in rows[:seats]], []
    return (
        [row.candidate_id for row in rows if row.votes > boundary],
        [row.candidate_id for row in rows if row.votes == boundary],
    )


def _best(rows: list[CandidateTally], count: int) -> list[int]:
    """The best ``count`` of ``rows`` (sorted), and every candidate with as many votes as the last of them."""
    if len(rows) <= count:
        return [row.candidate_id for row in rows]
    cutoff = rows[count - 1].votes
    return [row.candidate_id for row in rows if row.votes >= cutoff]


def tally(
    *,
    eligible: int,
    present: int,
    votes: dict[int, int],
    quorum: Fraction,
    threshold: Fraction,
    base_all_eligible: bool = False,
    inclusive: bool = False,
    seats: int = 1,
    valid: int | None = None,
) -> TallyResult:
    """Count a closed session. ``votes`` maps every candidate id to its (weighted) "đồng ý" votes; ``present``
    is the weight that took part, ``valid`` the weight of valid ballots (default: ``present``).

    The candidates who pass the threshold fill the seats in order of votes; see the module docstring for
    ties and second rounds.
    """
    valid = present if valid is None else valid
    base = eligible if base_all_eligible else present
    reached = quorum_reached(eligible=eligible, present=present, quorum=quorum)
    ordered = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    rows = [
        CandidateTally(
            candidate_id=candidate_id,
            votes=count,
            share=Fraction(count, base) if base else Fraction(0),
            passes=reached
            and passes_threshold(votes=count, base=base, threshold=threshold, inclusive=inclusive),
            against=max(valid - count, 0),
        )
        for candidate_id, count in ordered
    ]
    common = {
        "eligible": eligible,
        "present": present,
        "base": base,
        "rows": rows,
        "valid": valid,
        "invalid": max(present - valid, 0),
        "competitive": len(rows) > seats,
    }
    if not reached:
        return TallyResult(quorum_reached=False, **common)
    elected, tied = _fill([row for row in rows if row.passes], seats)
    runoff: list[int] = []
    open_seats = seats - len(elected)
    if open_seats > 0 and len(rows) > seats:
        if tied:
            runoff = tied
        else:
            rest = [row for row in rows if row.candidate_id not in elected and row.votes > 0]
            _filled, tied = _fill(rest, open_seats)
            runoff = tied or _best(rest, open_seats + 1)
    return TallyResult(quorum_reached=True, elected=elected, tied=tied, runoff=runoff, **common)


def is_decided(result: dict) -> bool:
    """A stored result (``TallyResult.as_json``, maybe with a chair's decision) needs no further round: the
    quorum was reached, no tie or second round is pending, and a competitive vote elected someone."""
    if not result.get("quorum_reached"):
        return False
    if result.get("chair_decision"):
        return True
    if result.get("tied") or result.get("runoff"):
        return False
    return bool(result.get("elected")) or not result.get("competitive")
