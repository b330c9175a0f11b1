"""Reads of scorecards and rankings, and the ranking itself in SQL.

The public read for other apps (awards reads it to propose members):

    final_ranking(bloc, year, period=ScoringPeriod.YEAR_END) -> list[RankingRow] | None

the rows of the bloc's published or locked ranking, best first: ``enterprise`` (with ``tax_code``),
``rank``, ``total``, ``classification``, ``completion_level`` (mức độ hoàn thành nhiệm vụ), ``vetoed`` and
``veto_reasons`` (a vetoed member is ranked but cannot be proposed). None while the ranking is not published.
``completion_levels(enterprise_tax_code, board)`` gives the stored levels across years.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet

from blocs.enums import MembershipRole
from scoring.quarterly.permissions import leader_enterprise_id
from scoring.ranking.arithmetic import Member, Score, totals
from scoring.ranking.enums import Classification, RankingStatus, ScorecardStatus, ScoringPeriod, TieBreak
from scoring.ranking.models import (
    Objection,
    Ranking,
    RankingPolicy,
    RankingRow,
    Scorecard,
    ScoreChange,
    ScoreEntry,
    ScoreEvidence,
)

PUBLIC_STATUSES = (RankingStatus.PUBLISHED, RankingStatus.LOCKED)

# The ORDER BY term of each tie-break (whitelisted: the policy's list never reaches SQL as text).
TIE_BREAK_SQL = {
    TieBreak.FEWER_DEDUCTIONS: "t.deduction ASC",
    TieBreak.HIGHER_COMPLETION: "s.completion_pct DESC NULLS LAST",
    TieBreak.WOMEN_SHARE: "s.women_share DESC NULLS LAST",
    TieBreak.VOTE: "s.tie_vote DESC NULLS LAST",
}


def policy_for(year) -> RankingPolicy:
    """The Board's policy of the year, or the defaults (unsaved) when it has not set one."""
    policy = RankingPolicy.objects.filter(year=year).first()
    return policy or RankingPolicy(organization_id=year.organization_id, year=year)


# ---------------------------------------------------------------------------
# The ranking in SQL
# ---------------------------------------------------------------------------
RANKING_SQL = """
WITH finals AS (
    SELECT e.scorecard_id, c.kind, c.group_id, g.cap,
           COALESCE(e.verified_value, e.cross_value, e.self_value, 0) AS v
    FROM scoring_scoreentry e
    JOIN scoring_scorecard s ON s.id = e.scorecard_id
    JOIN scoring_criterion c ON c.id = e.criterion_id
    JOIN scoring_criteriagroup g ON g.id = c.group_id
    WHERE s.year_id = %(year)s AND s.period = %(period)s AND s.status = 'FINAL' {bloc_filter}
      AND c.kind <> 'VETO'
), per_group AS (
    SELECT scorecard_id, kind, CASE WHEN cap IS NULL THEN SUM(v) ELSE LEAST(SUM(v), cap) END AS points
    FROM finals GROUP BY scorecard_id, kind, group_id, cap
), t AS (
    SELECT scorecard_id,
           COALESCE(SUM(points) FILTER (WHERE kind = 'NORMAL'), 0) AS normal,
           COALESCE(SUM(points) FILTER (WHERE kind = 'BONUS'), 0) AS bonus,
           COALESCE(SUM(points) FILTER (WHERE kind = 'DEDUCTION'), 0) AS deduction
    FROM per_group GROUP BY scorecard_id
), ranked AS (
    SELECT s.id AS scorecard_id, s.bloc_id, s.enterprise_id, t.normal, t.bonus, t.deduction,
           t.normal + t.bonus - t.deduction AS total, cs.scale, s.vetoed, s.veto_reasons,
           RANK() OVER w AS rank,
           LAG(t.normal + t.bonus - t.deduction) OVER w AS previous_total
    FROM scoring_scorecard s
    JOIN t ON t.scorecard_id = s.id
    JOIN scoring_criteriaset cs ON cs.id = s.criteria_set_id
    WINDOW w AS (PARTITION BY s.bloc_id ORDER BY t.normal + t.bonus - t.deduction DESC{tie_breaks})
)
SELECT scorecard_id, bloc_id, enterprise_id, normal, bonus, deduction, total, rank,
       previous_total - total AS gap, vetoed, veto_reasons,
       CASE {bands} ELSE %(weakest)s END AS classification
FROM ranked
ORDER BY bloc_id, rank, scorecard_id
"""


def ranking_sql(tie_breaks: list[str], bands: list, *, one_bloc: bool) -> tuple[str, dict]:
    """The query and the parameters its bands need (tie-breaks and bands come from the policy)."""
    order = "".join(f", {TIE_BREAK_SQL[TieBreak(rule)]}" for rule in tie_breaks)
    ordered = sorted(bands, key=lambda band: Decimal(str(band[1])), reverse=True)
    params: dict = {"weakest": str(Classification.WEAK)}
    cases = []
    for n, (code, minimum) in enumerate(ordered):
        params[f"band_code_{n}"] = str(code)
        params[f"band_min_{n}"] = Decimal(str(minimum))
        cases.append(f"WHEN total * 100 >= %(band_min_{n})s * scale THEN %(band_code_{n})s")
    sql = RANKING_SQL.format(
        bloc_filter="AND s.bloc_id = %(bloc)s" if one_bloc else "",
        tie_breaks=order,
        bands=" ".join(cases) or "WHEN FALSE THEN NULL",
    )
    return sql, params


def ranked_rows(*, year, period: str, policy: RankingPolicy, bloc_id: int | None = None) -> list[dict]:
    """Every final scorecard of ``year`` and ``period`` (of one bloc, or of all blocs) with its totals, rank
    in its bloc, gap to the member above and classification, in one query."""
    sql, params = ranking_sql(list(policy.tie_breaks), list(policy.bands), one_bloc=bloc_id is not None)
    params |= {"year": year.pk if hasattr(year, "pk") else year, "period": period, "bloc": bloc_id}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [c.name for c in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:  # Django leaves jsonb as text on a raw cursor
        if isinstance(row["veto_reasons"], str):
            row["veto_reasons"] = json.loads(row["veto_reasons"])
    return rows


# ---------------------------------------------------------------------------
# Public reads
# ---------------------------------------------------------------------------
def final_ranking(bloc, year, period: str = ScoringPeriod.YEAR_END) -> list[RankingRow] | None:
    """The rows of the bloc's published or locked ranking, best first; None while it is not published."""
    ranking = Ranking.objects.filter(bloc=bloc, year=year, period=period, status__in=PUBLIC_STATUSES).first()
    if ranking is None:
        return None
    return list(ranking.rows.select_related("enterprise").order_by("rank", "enterprise__name"))


def history_of(enterprise) -> QuerySet[RankingRow]:
    """The enterprise's rows in published or locked rankings across years (by tax code: the same enterprise
    registered again keeps its history), newest first."""
    return (
        RankingRow.objects.filter(
            enterprise__tax_code=enterprise.tax_code,
            enterprise__organization_id=enterprise.organization_id,
            ranking__status__in=PUBLIC_STATUSES,
        )
        .select_related("ranking__year", "ranking__bloc")
        .order_by("-ranking__year__year", "ranking__period")
    )


def completion_levels(enterprise) -> dict[int, str]:
    """``{year: completion level}`` of the enterprise's year-end rankings (the Bằng khen criterion of two
    consecutive years of excellent completion reads it)."""
    return dict(
        history_of(enterprise)
        .filter(ranking__period=ScoringPeriod.YEAR_END)
        .values_list("ranking__year__year", "completion_level")
    )


# ---------------------------------------------------------------------------
# Screens
# ---------------------------------------------------------------------------
def scorecards_of_bloc(bloc, year, period: str) -> QuerySet[Scorecard]:
    return (
        Scorecard.objects.filter(bloc=bloc, year=year, period=period)
        .select_related("enterprise")
        .order_by("enterprise__name")
    )


def scorecard_entries(scorecard: Scorecard) -> list[ScoreEntry]:
    """The entries in the criteria's order, with their criterion, group and evidence (three queries)."""
    return list(
        scorecard.entries.select_related("criterion__group")
        .prefetch_related(Prefetch("evidence", queryset=ScoreEvidence.objects.order_by("uploaded_at", "id")))
        .order_by("criterion__group__order", "criterion__group__code", "criterion__order", "criterion__code")
    )


def changes_of(scorecard: Scorecard) -> QuerySet[ScoreChange]:
    return (
        ScoreChange.objects.filter(entry__scorecard=scorecard)
        .select_related("entry__criterion", "actor")
        .order_by("-at", "-id")
    )


def disagreements(entries: list[ScoreEntry], threshold: Decimal) -> list[ScoreEntry]:
    """Entries whose self, cross and verified values are further apart than ``threshold`` points."""
    flagged = []
    for entry in entries:
        values = [v for v in (entry.self_value, entry.cross_value, entry.verified_value) if v is not None]
        if len(values) > 1 and max(values) - min(values) > threshold:
            flagged.append(entry)
    return flagged


def rankings_for_board(board) -> QuerySet[Ranking]:
    return (
        Ranking.objects.filter(organization=board)
        .select_related("year", "bloc")
        .annotate(open_objections=Count("objections", filter=Q(objections__status="OPEN")))
        .order_by("-year__year", "period", "bloc__code")
    )


def ranking_rows(ranking: Ranking) -> list[RankingRow]:
    return list(ranking.rows.select_related("enterprise").order_by("rank", "enterprise__name"))


def objections_of(ranking: Ranking) -> QuerySet[Objection]:
    return ranking.objections.select_related("entry__criterion", "entry__scorecard__enterprise", "raised_by")


def all_final(bloc, year, period: str) -> tuple[int, int]:
    """(final scorecards, scorecards) of the bloc for the period."""
    counts = Scorecard.objects.filter(bloc=bloc, year=year, period=period).aggregate(
        final=Count("id", filter=Q(status=ScorecardStatus.FINAL)), all=Count("id")
    )
    return counts["final"], counts["all"]


def members_for_arithmetic(ranking: Ranking, *, override: tuple[int, int, Decimal] | None = None):
    """The bloc's final scorecards as ``arithmetic.Member`` (one query), with one value changed when
    ``override`` = (scorecard id, criterion id, value) is given: the Board's what-if."""
    scores: dict[int, list] = {}
    cards: dict[int, Scorecard] = {}
    entries = (
        ScoreEntry.objects.filter(
            scorecard__bloc_id=ranking.bloc_id,
            scorecard__year_id=ranking.year_id,
            scorecard__period=ranking.period,
            scorecard__status=ScorecardStatus.FINAL,
        )
        .select_related("criterion__group", "scorecard__enterprise")
        .order_by("scorecard_id", "criterion_id")
    )
    for entry in entries:
        value = entry.final_value
        if override and (entry.scorecard_id, entry.criterion_id) == override[:2]:
            value = override[2]
        scores.setdefault(entry.scorecard_id, []).append(
            Score(entry.criterion.kind, entry.criterion.group_id, entry.criterion.group.cap, value)
        )
        cards[entry.scorecard_id] = entry.scorecard
    return [
        Member(
            key=card_id,
            totals=totals(card_scores),
            completion=cards[card_id].completion_pct,
            women_share=cards[card_id].women_share,
            tie_vote=cards[card_id].tie_vote,
            extra={"enterprise": cards[card_id].enterprise},
        )
        for card_id, card_scores in scores.items()
    ]


def scorecards_of_enterprise(enterprise_id: int) -> QuerySet[Scorecard]:
    return (
        Scorecard.objects.filter(enterprise_id=enterprise_id)
        .select_related("year", "bloc")
        .order_by("-year__year", "-period")
    )


def scorecards_to_cross(user, enterprise_id: int, roles: dict[tuple[int, int], str]) -> list[Scorecard]:
    """The scorecards the user's enterprise cross-scores: the other members of the blocs it leads, and the
    leader of the blocs where it is deputy."""
    led = Q(pk__in=[])
    deputy = Q(pk__in=[])
    for (bloc_id, year_id), role in roles.items():
        if role == MembershipRole.LEADER:
            led |= Q(bloc_id=bloc_id, year_id=year_id)
        elif role == MembershipRole.DEPUTY:
            deputy |= Q(bloc_id=bloc_id, year_id=year_id)
    cards = (
        Scorecard.objects.filter(led | deputy)
        .exclude(enterprise_id=enterprise_id)
        .select_related("year", "bloc", "enterprise")
        .order_by("-year__year", "-period", "enterprise__name")
    )
    leaders: dict = {}
    led_keys = {key for key, role in roles.items() if role == MembershipRole.LEADER}
    result = []
    for card in cards:
        if (card.bloc_id, card.year_id) in led_keys:
            result.append(card)
            continue
        key = (card.bloc_id, card.year_id)
        if key not in leaders:
            leaders[key] = leader_enterprise_id(*key)
        if card.enterprise_id == leaders[key]:
            result.append(card)
    return result


def rankings_for_member(board, roles: dict[tuple[int, int], str]) -> QuerySet[Ranking]:
    """The published and locked rankings of the user's blocs (and the drafts of the blocs it leads)."""
    visible = Q(pk__in=[])
    for (bloc_id, year_id), role in roles.items():
        statuses = (
            (*PUBLIC_STATUSES, RankingStatus.DRAFT) if role == MembershipRole.LEADER else PUBLIC_STATUSES
        )
        visible |= Q(bloc_id=bloc_id, year_id=year_id, status__in=statuses)
    return (
        Ranking.objects.filter(visible, organization=board)
        .select_related("year", "bloc")
        .order_by("-year__year", "period", "bloc__code")
    )


def entries_of_scorecard(scorecard_id: int) -> QuerySet[ScoreEntry]:
    return (
        ScoreEntry.objects.filter(scorecard_id=scorecard_id)
        .select_related("criterion__group")
        .order_by("criterion__group__order", "criterion__order", "criterion__code")
    )


def years_of(board) -> QuerySet:
    from blocs.models import EmulationYear  # noqa: PLC0415 -- the one read of the blocs' years here

    return EmulationYear.objects.filter(organization=board).order_by("-year")
