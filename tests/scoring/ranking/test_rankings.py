"""Rankings: computed in SQL from final scorecards, tie-breaks and votes, publication with the objection window,
objections and answers, the lock, immutability, and the read awards uses."""

import datetime
import random
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from scoring.ranking import arithmetic, queries
from scoring.ranking.enums import ObjectionStatus, RankingStatus, ScoringPeriod
from scoring.ranking.fingerprint import verify
from scoring.ranking.models import Ranking, RankingRow, ScoreEntry
from scoring.ranking.services import rankings as services
from tests.scoring.ranking.conftest import all_final, final

pytestmark = pytest.mark.unit
MONDAY = datetime.date(2026, 7, 6)


@pytest.fixture
def scored(sw):
    """Member 100, leader 96, deputy 96 + 1 bonus - 2 deducted = 95 (excluded: pledge not signed), other 93."""
    qw = sw.qw
    all_final(
        sw,
        {
            qw.member: {},
            qw.leader: {"A3": "6"},
            qw.deputy: {"A3": "6", "E4": "1", "F3": "2"},
            qw.other: {"A3": "3", "E4": "0", "F3": "0"},
        },
    )
    return sw


def compute(sw):
    return services.compute_ranking(
        bloc=sw.qw.bloc, year=sw.qw.year, period=ScoringPeriod.MIDYEAR, computed_by=sw.officer
    )


def ranks(ranking) -> dict:
    return {row.enterprise.name: (row.rank, row.total) for row in queries.ranking_rows(ranking)}


def test_the_ranking_waits_for_every_scorecard(sw):
    final(sw, sw.qw.member, sw.qw.member_rep, sw.qw.leader_rep)

    with pytest.raises(ValidationError, match="1 of 4"):
        compute(sw)


def test_totals_ranks_and_classification_in_sql(scored):
    qw = scored.qw

    ranking = compute(scored)

    rows = {row.enterprise: row for row in queries.ranking_rows(ranking)}
    assert [(rows[e].rank, rows[e].total) for e in (qw.member, qw.leader, qw.deputy, qw.other)] == [
        (1, D(100)),
        (2, D(96)),
        (3, D(95)),
        (4, D(93)),
    ]
    assert rows[qw.member].classification == "EXCELLENT"
    assert rows[qw.member].completion_level == "EXCELLENT"
    assert rows[qw.leader].gap_to_next == D(4)
    assert rows[qw.deputy].vetoed and not rows[qw.member].vetoed


def test_fewer_deductions_break_a_tie(sw):
    qw = sw.qw
    all_final(
        sw,
        {
            qw.member: {"A3": "8", "F3": "2"},  # 98 - 2 deducted = 96
            qw.leader: {"A3": "6"},  # 96, nothing deducted
            qw.deputy: {},
            qw.other: {},
        },
    )

    rows = {row.enterprise: row for row in queries.ranking_rows(compute(sw))}

    assert rows[qw.member].total == rows[qw.leader].total == D(96)
    assert (rows[qw.leader].rank, rows[qw.member].rank) == (3, 4)


def test_a_tie_no_rule_breaks_is_shared_until_the_vote(sw):
    qw = sw.qw
    all_final(sw, {qw.member: {"A3": "6"}, qw.leader: {"A3": "6"}, qw.deputy: {}, qw.other: {}})
    ranking = compute(sw)
    tied = {row.enterprise: row.rank for row in queries.ranking_rows(ranking)}

    services.record_tie_vote(ranking=ranking, scorecard=sw.card(qw.member), votes=3, recorded_by=sw.officer)

    voted = {row.enterprise: row.rank for row in queries.ranking_rows(ranking)}
    assert tied[qw.member] == tied[qw.leader] == 3
    assert (voted[qw.member], voted[qw.leader]) == (3, 4)


def test_the_sql_ranking_agrees_with_the_arithmetic(scored):
    ranking = compute(scored)
    policy = queries.policy_for(scored.qw.year)

    python = arithmetic.rank_members(queries.members_for_arithmetic(ranking), list(policy.tie_breaks))

    sql = {row.scorecard_id: (row.rank, row.total) for row in queries.ranking_rows(ranking)}
    assert {m.key: (m.rank, m.totals.total) for m in python} == sql


@pytest.mark.parametrize("seed", range(4))
def test_random_final_scores_rank_the_same_in_sql_and_python(sw, seed):
    rng = random.Random(seed)
    qw = sw.qw
    choices = {"A3": ["4", "6", "10"], "B1": ["6", "8"], "E4": ["0", "2"], "F3": ["0", "2"]}
    all_final(
        sw,
        {
            e: {code: rng.choice(v) for code, v in choices.items()}
            for e in (qw.member, qw.leader, qw.deputy, qw.other)
        },
    )
    ranking = compute(sw)
    tie_breaks = list(queries.policy_for(qw.year).tie_breaks)

    python = {
        m.key: m.rank for m in arithmetic.rank_members(queries.members_for_arithmetic(ranking), tie_breaks)
    }
    again = {row.scorecard_id: row.rank for row in queries.ranking_rows(compute(sw))}

    assert {row.scorecard_id: row.rank for row in queries.ranking_rows(ranking)} == python == again


def test_publication_fixes_a_fingerprint_and_the_objection_window(scored):
    ranking = compute(scored)

    ranking = services.publish_ranking(ranking=ranking, published_by=scored.officer, today=MONDAY)

    assert ranking.status == RankingStatus.PUBLISHED
    assert ranking.objection_deadline == datetime.date(2026, 7, 13)  # 5 working days
    assert verify(ranking.published_snapshot, ranking.published_fingerprint)
    assert (
        queries.final_ranking(scored.qw.bloc, scored.qw.year, ScoringPeriod.MIDYEAR)[0].enterprise
        == scored.qw.member
    )
    with pytest.raises(ValidationError):
        compute(scored)


def test_working_days_skip_the_weekend():
    assert services.add_working_days(datetime.date(2026, 7, 10), 1) == datetime.date(2026, 7, 13)


def published(sw):
    return services.publish_ranking(ranking=compute(sw), published_by=sw.officer, today=MONDAY)


def objection_on(sw, ranking, enterprise, user, code="A3", today=MONDAY):
    entry = ScoreEntry.objects.get(scorecard__enterprise=enterprise, criterion__code=code)
    return services.raise_objection(
        ranking=ranking, entry=entry, text="Đã nộp đủ, xin chấm lại.", raised_by=user, today=today
    )


def test_an_accepted_objection_changes_the_verified_score_and_the_rows_not_the_publication(scored):
    qw = scored.qw
    ranking = published(scored)
    snapshot = dict(ranking.published_snapshot)
    objection = objection_on(scored, ranking, qw.leader, qw.leader_rep)

    services.answer_objection(
        objection=objection,
        accept=True,
        new_value=D(10),
        answer="Biên lai hợp lệ",
        answered_by=scored.officer,
    )

    ranking.refresh_from_db()
    entry = ScoreEntry.objects.get(pk=objection.entry_id)
    assert (entry.verified_value, entry.changes.get().reason) == (D(10), "Biên lai hợp lệ")
    assert ranks(ranking)[qw.leader.name] == (1, D(100))
    assert ranking.published_snapshot == snapshot
    assert verify(ranking.published_snapshot, ranking.published_fingerprint)


def test_a_rejected_objection_needs_a_reason_and_changes_nothing(scored):
    ranking = published(scored)
    objection = objection_on(scored, ranking, scored.qw.leader, scored.qw.leader_rep)

    with pytest.raises(ValidationError):
        services.answer_objection(objection=objection, accept=False, answer="", answered_by=scored.officer)
    services.answer_objection(
        objection=objection, accept=False, answer="Không có biên lai", answered_by=scored.officer
    )

    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.REJECTED
    assert ranks(ranking)[scored.qw.leader.name] == (2, D(96))


def test_no_objection_after_the_window(scored):
    ranking = published(scored)

    with pytest.raises(ValidationError, match="closed"):
        objection_on(
            scored, ranking, scored.qw.leader, scored.qw.leader_rep, today=datetime.date(2026, 7, 14)
        )


def test_the_lock_waits_for_the_window_and_the_answers(scored):
    ranking = published(scored)
    objection_on(scored, ranking, scored.qw.leader, scored.qw.leader_rep)

    with pytest.raises(ValidationError, match="object until"):
        services.lock_ranking(ranking=ranking, locked_by=scored.officer, today=MONDAY)
    with pytest.raises(ValidationError, match="Answer every objection"):
        services.lock_ranking(ranking=ranking, locked_by=scored.officer, today=datetime.date(2026, 7, 14))


def test_the_locked_ranking_is_fingerprinted_and_issued_in_the_blocs_register(
    scored, django_capture_on_commit_callbacks
):
    ranking = published(scored)

    with django_capture_on_commit_callbacks():
        ranking = services.lock_ranking(
            ranking=ranking, locked_by=scored.officer, today=datetime.date(2026, 7, 14)
        )

    assert ranking.status == RankingStatus.LOCKED
    assert verify(ranking.locked_snapshot, ranking.locked_fingerprint)
    document = ranking.document
    assert (document.kind, document.register, document.signer_prefix) == (
        "ranking",
        f"bloc:{scored.qw.bloc.pk}",
        "TM.",
    )
    assert document.context["rows"][0]["name"] == scored.qw.member.name
    assert "Không đủ điều kiện" not in document.context["rows"][0]["veto"]


def test_a_tampered_snapshot_no_longer_verifies(scored):
    ranking = published(scored)
    Ranking.objects.filter(pk=ranking.pk).update(
        published_snapshot={**ranking.published_snapshot, "rows": ranking.published_snapshot["rows"][::-1]}
    )
    ranking.refresh_from_db()

    assert services.fingerprint_holds(ranking) is False


def test_final_ranking_is_none_before_publication(scored):
    compute(scored)

    assert queries.final_ranking(scored.qw.bloc, scored.qw.year, ScoringPeriod.MIDYEAR) is None
    assert RankingRow.objects.count() == 4
