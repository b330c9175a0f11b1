"""Totals, vetoes, classification and ranking of scorecards. Pure: values in, values out.

``rank_members`` is the reference the SQL ranking (``scoring.ranking.queries.ranked_rows``) is tested
against, and what the Board's what-if view runs on changed scores. Both follow the same rules:

- a group's sum is capped by the group's cap (e.g. bonus points at most +10); the total is standard points
  plus bonus points minus deductions; a veto criterion carries no points;
- members are ordered by total (highest first), then by each tie-break of the Board's policy in order; members
  equal on every key share a rank (1, 1, 3: a tie no rule breaks stays a tie until the members vote);
- the gap to the rank above is the points between a member and the member just before it;
- the classification is the first band whose share of the scale the total reaches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from scoring.criteria.enums import CriterionKind
from scoring.ranking.enums import Classification, Confirmation, ScoringPeriod, TieBreak, VetoReason

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Score:
    """One criterion's final value with what the arithmetic needs of its criterion."""

    kind: str
    group: int
    cap: Decimal | None
    value: Decimal | None


@dataclass(frozen=True)
class Totals:
    normal: Decimal
    bonus: Decimal
    deduction: Decimal
    vetoes: int  # veto criteria that hold

    @property
    def total(self) -> Decimal:
        return self.normal + self.bonus - self.deduction


def totals(scores: Iterable[Score]) -> Totals:
    groups: dict[tuple[str, int], tuple[Decimal, Decimal | None]] = {}
    vetoes = 0
    for score in scores:
        value = score.value or ZERO
        if score.kind == CriterionKind.VETO:
            vetoes += value > 0
            continue
        current, _cap = groups.get((score.kind, score.group), (ZERO, score.cap))
        groups[(score.kind, score.group)] = (current + value, score.cap)
    sums = dict.fromkeys((CriterionKind.NORMAL, CriterionKind.BONUS, CriterionKind.DEDUCTION), ZERO)
    for (kind, _group), (value, cap) in groups.items():
        sums[kind] += value if cap is None else min(value, cap)
    return Totals(
        sums[CriterionKind.NORMAL], sums[CriterionKind.BONUS], sums[CriterionKind.DEDUCTION], vetoes
    )


def veto_reasons(
    *,
    criteria_vetoes: list[str],
    discipline_flag: bool,
    discipline_note: str,
    period: str,
    confirmations: Iterable[str],
    required_confirmations: Iterable[str],
    registered_in_pledge: bool | None,
) -> list[dict]:
    """Why a member cannot be proposed (empty: it can). ``criteria_vetoes``: codes of veto criteria that
    hold. Confirmations are required at year end only (they belong to the year-end dossier)."""
    reasons = [{"code": VetoReason.CRITERION, "detail": code} for code in criteria_vetoes]
    if discipline_flag:
        reasons.append({"code": VetoReason.DISCIPLINE, "detail": discipline_note})
    if period == ScoringPeriod.YEAR_END:
        missing = [c for c in required_confirmations if c not in set(confirmations)]
        if missing:
            labels = ", ".join(str(Confirmation(c).label) for c in missing if c in Confirmation.values)
            reasons.append({"code": VetoReason.CONFIRMATIONS, "detail": labels})
    if registered_in_pledge is False:  # None: the year's pledges are not in the portal
        reasons.append({"code": VetoReason.NO_REGISTRATION, "detail": ""})
    return reasons


def classify(total: Decimal, scale: int, bands: list) -> str:
    """The first band (``[code, min_percent]``, highest first) whose share of ``scale`` the total reaches."""
    share = total * HUNDRED / Decimal(scale)
    for code, minimum in sorted(bands, key=lambda band: Decimal(str(band[1])), reverse=True):
        if share >= Decimal(str(minimum)):
            return code
    return Classification.WEAK


@dataclass
class Member:
    """A member to rank: its totals and the tie-break facts."""

    key: int  # the scorecard or enterprise id, any stable identity
    totals: Totals
    completion: Decimal | None = None
    women_share: Decimal | None = None
    tie_vote: int | None = None
    rank: int = 0
    gap: Decimal | None = None
    extra: dict = field(default_factory=dict)


def _sort_key(member: Member, tie_breaks: list[str]) -> tuple:
    """Ascending key: the best member first. Unknown facts rank after known ones (NULLS LAST)."""

    def desc(value):
        return (value is None, -(value if value is not None else 0))

    key: list = [-member.totals.total]
    for rule in tie_breaks:
        if rule == TieBreak.FEWER_DEDUCTIONS:
            key.append(member.totals.deduction)
        elif rule == TieBreak.HIGHER_COMPLETION:
            key.append(desc(member.completion))
        elif rule == TieBreak.WOMEN_SHARE:
            key.append(desc(member.women_share))
        elif rule == TieBreak.VOTE:
            key.append(desc(member.tie_vote))
        else:
            raise ValueError(rule)
    return tuple(key)


def rank_members(members: list[Member], tie_breaks: list[str]) -> list[Member]:
    """Members in rank order with ``rank`` (shared on a full tie) and ``gap`` (to the member just above)."""
    keyed = sorted(((_sort_key(m, tie_breaks), m.key, m) for m in members), key=lambda item: item[:2])
    previous_key = None
    previous_total = None
    for position, (key, _id, member) in enumerate(keyed, start=1):
        member.rank = keyed[position - 2][2].rank if key == previous_key else position
        member.gap = None if previous_total is None else previous_total - member.totals.total
        previous_key, previous_total = key, member.totals.total
    return [member for _key, _id, member in keyed]
