"""The quarterly world of Board A (a bloc of four members in 2026) with the Board's default criteria adopted
and mid-year scorecards open; helpers that take scorecards through the rounds."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from blocs.pledges.models import Pledge
from scoring.criteria.enums import CriterionKind
from scoring.criteria.models import CriteriaSet
from scoring.criteria.services import adopt_set, create_default_set
from scoring.ranking.enums import ScoreRound, ScoringPeriod
from scoring.ranking.models import Scorecard
from scoring.ranking.services import scorecards as services
from tests.factories.pledges import TitleRegistrationFactory
from tests.factories.scoring import ScoreEvidenceFactory
from tests.scoring.quarterly.conftest import QuarterlyWorld, client_as, make_quarterly_world  # noqa: F401


@dataclass
class ScoringWorld:
    qw: QuarterlyWorld
    officer: object
    criteria_set: CriteriaSet
    cards: dict = field(default_factory=dict)  # enterprise id -> Scorecard

    def card(self, enterprise) -> Scorecard:
        return Scorecard.objects.get(pk=self.cards[enterprise.pk].pk)


def make_scoring_world(world, period=ScoringPeriod.MIDYEAR) -> ScoringWorld:
    qw = make_quarterly_world(world)
    for pledge in Pledge.objects.filter(template__bloc=qw.bloc):
        TitleRegistrationFactory(pledge=pledge)
    criteria_set = create_default_set(year=qw.year, created_by=world.a.officer)
    adopt_set(
        criteria_set=criteria_set,
        adopted_on=datetime.date(2026, 3, 5),
        note="Quyết định số 15/QĐ-BQL",
        adopted_by=world.a.officer,
    )
    cards = services.open_scoring(bloc=qw.bloc, year=qw.year, period=period, opened_by=world.a.officer)
    return ScoringWorld(
        qw=qw, officer=world.a.officer, criteria_set=criteria_set, cards={c.enterprise_id: c for c in cards}
    )


@pytest.fixture
def sw(world) -> ScoringWorld:
    return make_scoring_world(world)


def default_value(entry) -> Decimal:
    if entry.criterion.kind == CriterionKind.NORMAL:
        return entry.criterion.max_points
    return Decimal(0)


def inputs(card: Scorecard, round_: str, *, reason: str = "", **by_code) -> list[services.ScoreInput]:
    """Every entry a person types in ``round_``: the criterion's maximum for standard criteria and 0 for the
    others, unless ``by_code`` says otherwise; the portal's computed values are left as they are."""
    values = []
    for entry in card.entries.select_related("criterion"):
        if round_ == ScoreRound.SELF and entry.criterion.is_computed and entry.measure is not None:
            continue
        if round_ == ScoreRound.SELF:
            value = Decimal(by_code.get(entry.criterion.code, default_value(entry)))
        else:
            base = entry.cross_value if entry.cross_value is not None else entry.self_value
            value = Decimal(by_code[entry.criterion.code]) if entry.criterion.code in by_code else base
        values.append(services.ScoreInput(criterion_id=entry.criterion_id, value=value, reason=reason))
    return values


def with_evidence(card: Scorecard, user) -> None:
    for entry in card.entries.filter(criterion__evidence_required=True):
        ScoreEvidenceFactory(entry=entry, uploaded_by=user)


def self_submitted(sw: ScoringWorld, enterprise, user, **by_code) -> Scorecard:
    card = sw.card(enterprise)
    services.record_scores(
        scorecard=card, round_=ScoreRound.SELF, values=inputs(card, ScoreRound.SELF, **by_code), actor=user
    )
    with_evidence(card, user)
    return services.submit_self(scorecard=card, submitted_by=user)


def cross_submitted(sw: ScoringWorld, enterprise, user, **by_code) -> Scorecard:
    card = sw.card(enterprise)
    services.record_scores(
        scorecard=card,
        round_=ScoreRound.CROSS,
        values=inputs(card, ScoreRound.CROSS, reason="Đối chiếu hồ sơ", **by_code),
        actor=user,
    )
    return services.submit_cross(scorecard=card, submitted_by=user)


def final(sw: ScoringWorld, enterprise, user, cross_user, **by_code) -> Scorecard:
    """Self-scored with ``by_code``, cross-scored as is, verified and final."""
    self_submitted(sw, enterprise, user, **by_code)
    cross_submitted(sw, enterprise, cross_user)
    return services.finalize_scorecard(scorecard=sw.card(enterprise), finalized_by=sw.officer)


def all_final(sw: ScoringWorld, scores: dict) -> None:
    """``scores``: {enterprise: {code: value}}; the leader cross-scores the members, the deputy the leader."""
    qw = sw.qw
    users = {
        qw.leader: qw.leader_rep,
        qw.deputy: qw.deputy_rep,
        qw.member: qw.member_rep,
        qw.other: qw.other_rep,
    }
    for enterprise, by_code in scores.items():
        crosser = qw.deputy_rep if enterprise == qw.leader else qw.leader_rep
        final(sw, enterprise, users[enterprise], crosser, **by_code)
