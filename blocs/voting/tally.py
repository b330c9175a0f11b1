"""Pure tally arithmetic: quorum, threshold, seats and ties. No database; unit-tested on plain values.

Ratios are stored as decimals with four places and read as the nearest fraction with a denominator of at most
100, so 0.6667 means exactly two thirds and "exactly 2/3 present" reaches the quorum.
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


@dataclass(frozen=True)
class TallyResult:
    eligible: int
    present: int
    quorum_reached: bool
    base: int
    rows: list[CandidateTally]
    elected: list[int] = field(default_factory=list)
    tied: list[int] = field(default_factory=list)

    @property
    def is_tie(self) -> bool:
        return bool(self.tied)

    def as_json(self) -> dict:
        return {
            "eligible": self.eligible,
            "present": self.present,
            "quorum_reached": self.quorum_reached,
            "base": self.base,
            "rows": [
                {
                    "candidate_id": row.candidate_id,
                    "votes": row.votes,
                    "share": f"{float(row.share):.4f}",
                    "passes": row.passes,
                }
                for row in self.rows
            ],
            "elected": self.elected,
            "tied": self.tied,
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
) -> TallyResult:
    """Count a closed session. ``votes`` maps every candidate id to its (weighted) votes.

    The candidates who pass the threshold fill the seats in order of votes. When the last seat would go to one
    of several candidates with equal votes, none of them gets it and they are reported as ``tied``
    (the regulation then asks for a run-off between them).
    """
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
        )
        for candidate_id, count in ordered
    ]
    if not reached:
        return TallyResult(eligible=eligible, present=present, quorum_reached=False, base=base, rows=rows)
    passing = [row for row in rows if row.passes]
    if len(passing) <= seats:
        return TallyResult(
            eligible=eligible,
            present=present,
            quorum_reached=True,
            base=base,
            rows=rows,
            elected=[row.candidate_id for row in passing],
        )
    boundary_votes = passing[seats - 1].votes
    if passing[seats].votes == boundary_votes:
        elected = [row.candidate_id for row in passing if row.votes > boundary_votes]
        tied = [row.candidate_id for row in passing if row.votes == boundary_votes]
    else:
        elected = [row.candidate_id for row in passing[:seats]]
        tied = []
    return TallyResult(
        eligible=eligible,
        present=present,
        quorum_reached=True,
        base=base,
        rows=rows,
        elected=elected,
        tied=tied,
    )
