"""Scorecards: opening locks the criteria, computed criteria are filled and explained, the rounds, reasons,
conflict of interest, incompleteness, evidence, the Board's findings and the vetoes."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from scoring.criteria.enums import CriteriaSetStatus
from scoring.criteria.models import Criterion
from scoring.criteria.services import remove_criterion
from scoring.quarterly.enums import PeriodKind
from scoring.ranking import permissions
from scoring.ranking.enums import ScorecardStatus, ScoreRound
from scoring.ranking.models import ScoreChange, ScoreEntry
from scoring.ranking.services import scorecards as services
from tests.factories.scoring import EnterpriseReportFactory, IndicatorValueFactory
from tests.scoring.ranking.conftest import cross_submitted, inputs, self_submitted

pytestmark = pytest.mark.unit


def entry(card, code) -> ScoreEntry:
    return ScoreEntry.objects.select_related("criterion").get(scorecard=card, criterion__code=code)


def test_opening_locks_the_set_and_gives_every_member_a_scorecard(sw):
    sw.criteria_set.refresh_from_db()

    assert sw.criteria_set.status == CriteriaSetStatus.LOCKED
    assert len(sw.cards) == 4
    assert entry(sw.card(sw.qw.member), "A1").criterion.max_points == D(10)
    with pytest.raises(ValidationError, match="new version"):
        remove_criterion(
            criterion=Criterion.objects.get(group__criteria_set=sw.criteria_set, code="A4"),
            removed_by=sw.officer,
        )


def test_counted_criteria_are_filled_and_explained(sw):
    deputy = entry(sw.card(sw.qw.deputy), "G5")
    member = entry(sw.card(sw.qw.member), "G5")

    assert (deputy.self_value, member.self_value) == (D(1), D(0))
    assert "Pledge not signed: 1" in deputy.explanation or "1" in deputy.explanation


def test_completion_is_computed_from_the_mid_year_report_and_the_pledge(sw):
    q2 = sw.qw.period(PeriodKind.Q2)
    report = EnterpriseReportFactory(period=q2, enterprise=sw.qw.member, bloc=sw.qw.bloc, status="ACCEPTED")
    IndicatorValueFactory(report=report, indicator=sw.qw.indicators["GTSX"], value=D(180), ytd_value=D(380))
    card = sw.card(sw.qw.member)

    entries = services.refresh_computed(card)

    a1 = next(e for e in entries if e.criterion.code == "A1")
    assert (a1.measure, a1.self_value) == (D("95.0"), D(8))
    assert "95.0%" in a1.explanation
    card.refresh_from_db()
    assert card.completion_pct == D("95.0")


def test_a_late_report_is_a_deduction(sw):
    sw.qw.report(sw.qw.member).__class__.objects.filter(enterprise=sw.qw.member, period=sw.qw.q1).update(
        late=True
    )

    entries = services.refresh_computed(sw.card(sw.qw.member))

    assert next(e for e in entries if e.criterion.code == "F1").self_value == D(1)


def test_a_scorecard_cannot_be_submitted_incomplete(sw):
    card = sw.card(sw.qw.member)

    with pytest.raises(ValidationError, match="Score every criterion"):
        services.submit_self(scorecard=card, submitted_by=sw.qw.member_rep)

    assert sw.card(sw.qw.member).status == ScorecardStatus.SELF_SCORING


def test_evidence_is_required_where_the_criteria_say(sw):
    card = sw.card(sw.qw.member)
    services.record_scores(
        scorecard=card, round_=ScoreRound.SELF, values=inputs(card, ScoreRound.SELF), actor=sw.qw.member_rep
    )

    with pytest.raises(ValidationError, match="A3"):
        services.submit_self(scorecard=card, submitted_by=sw.qw.member_rep)


def test_changing_an_entered_value_needs_a_reason_and_is_kept(sw):
    card = sw.card(sw.qw.member)
    services.record_scores(
        scorecard=card, round_=ScoreRound.SELF, values=inputs(card, ScoreRound.SELF), actor=sw.qw.member_rep
    )
    b1 = entry(card, "B1").criterion_id

    with pytest.raises(ValidationError) as error:
        services.record_scores(
            scorecard=card,
            round_=ScoreRound.SELF,
            values=[services.ScoreInput(b1, D(6))],
            actor=sw.qw.member_rep,
        )
    services.record_scores(
        scorecard=card,
        round_=ScoreRound.SELF,
        values=[services.ScoreInput(b1, D(6), reason="Chậm trả lương tháng 3")],
        actor=sw.qw.member_rep,
    )

    assert f"reason_{b1}" in error.value.message_dict
    change = ScoreChange.objects.get()
    assert (change.old_value, change.new_value, change.actor, change.reason) == (
        D(8),
        D(6),
        sw.qw.member_rep,
        "Chậm trả lương tháng 3",
    )


def test_a_value_above_the_maximum_is_refused_and_nothing_is_saved(sw):
    card = sw.card(sw.qw.member)
    values = inputs(card, ScoreRound.SELF, B1="9")

    with pytest.raises(ValidationError):
        services.record_scores(scorecard=card, round_=ScoreRound.SELF, values=values, actor=sw.qw.member_rep)

    assert entry(card, "A3").self_value is None


def test_the_enterprise_cannot_type_a_computed_criterion(sw):
    card = sw.card(sw.qw.deputy)
    g5 = entry(card, "G5").criterion_id

    with pytest.raises(ValidationError):
        services.record_scores(
            scorecard=card,
            round_=ScoreRound.SELF,
            values=[services.ScoreInput(g5, D(0))],
            actor=sw.qw.deputy_rep,
        )


def test_a_cross_score_that_departs_from_the_self_score_needs_a_reason(sw):
    self_submitted(sw, sw.qw.member, sw.qw.member_rep)
    card = sw.card(sw.qw.member)
    b3 = entry(card, "B3").criterion_id

    with pytest.raises(ValidationError):
        services.record_scores(
            scorecard=card,
            round_=ScoreRound.CROSS,
            values=[services.ScoreInput(b3, D(5))],
            actor=sw.qw.leader_rep,
        )
    cross_submitted(sw, sw.qw.member, sw.qw.leader_rep, B3="5")

    card = sw.card(sw.qw.member)
    assert card.status == ScorecardStatus.CROSS_SUBMITTED
    assert (entry(card, "B3").self_value, entry(card, "B3").final_value) == (D(7), D(5))
    assert ScoreChange.objects.get(round=ScoreRound.CROSS).reason == "Đối chiếu hồ sơ"


def test_nobody_cross_scores_its_own_enterprise(sw):
    qw = sw.qw
    leader_card, member_card = sw.card(qw.leader), sw.card(qw.member)

    assert permissions.is_cross_scorer(qw.leader_rep, member_card)
    assert not permissions.is_cross_scorer(qw.leader_rep, leader_card)
    assert permissions.is_cross_scorer(qw.deputy_rep, leader_card)
    assert not permissions.is_cross_scorer(qw.deputy_rep, member_card)
    assert not permissions.is_cross_scorer(qw.member_rep, sw.card(qw.other))


def test_a_round_out_of_turn_is_refused(sw):
    card = sw.card(sw.qw.member)

    with pytest.raises(ValidationError, match="cannot be entered now"):
        services.record_scores(scorecard=card, round_=ScoreRound.CROSS, values=[], actor=sw.qw.leader_rep)


def test_the_board_returns_a_cross_score_with_a_reason(sw):
    self_submitted(sw, sw.qw.member, sw.qw.member_rep)
    cross_submitted(sw, sw.qw.member, sw.qw.leader_rep)

    with pytest.raises(ValidationError):
        services.return_scorecard(scorecard=sw.card(sw.qw.member), reason=" ", returned_by=sw.officer)
    services.return_scorecard(
        scorecard=sw.card(sw.qw.member), reason="Thiếu đối chiếu B2", returned_by=sw.officer
    )

    card = sw.card(sw.qw.member)
    assert (card.status, card.return_reason) == (ScorecardStatus.SELF_SUBMITTED, "Thiếu đối chiếu B2")


def test_the_discipline_finding_vetoes_the_member(sw):
    self_submitted(sw, sw.qw.member, sw.qw.member_rep)
    cross_submitted(sw, sw.qw.member, sw.qw.leader_rep)
    card = sw.card(sw.qw.member)

    with pytest.raises(ValidationError):
        services.record_findings(
            scorecard=card, discipline_flag=True, discipline_note="", confirmations=[], recorded_by=sw.officer
        )
    services.record_findings(
        scorecard=card,
        discipline_flag=True,
        discipline_note="Đang bị thanh tra môi trường",
        confirmations=[],
        recorded_by=sw.officer,
    )
    services.finalize_scorecard(scorecard=card, finalized_by=sw.officer)

    card = sw.card(sw.qw.member)
    assert (card.status, card.vetoed) == (ScorecardStatus.FINAL, True)
    assert card.veto_reasons == [{"code": "DISCIPLINE", "detail": "Đang bị thanh tra môi trường"}]


def test_an_unsigned_pledge_vetoes_through_its_criterion(sw):
    self_submitted(sw, sw.qw.deputy, sw.qw.deputy_rep)
    cross_submitted(sw, sw.qw.deputy, sw.qw.leader_rep)

    card = services.finalize_scorecard(scorecard=sw.card(sw.qw.deputy), finalized_by=sw.officer)

    assert {r["code"] for r in card.veto_reasons} == {"CRITERION", "NO_REGISTRATION"}


def test_a_year_whose_pledges_are_not_in_the_portal_vetoes_nothing(sw):
    qw = sw.qw
    (card,) = services.open_scoring(bloc=qw.other_bloc, year=qw.year, period="MIDYEAR", opened_by=sw.officer)

    card.refresh_from_db()

    assert card.registered_in_pledge is None
    assert entry(card, "G5").self_value == D(0)
