"""Who sees and acts on scorecards, rankings and objections, and the accessors views use.

- An enterprise's users self-score their own scorecard, see its breakdown, and object to their own scores
  while the ranking is published.
- The bloc's leader cross-scores the other members; the deputy cross-scores the leader (nobody scores its own
  enterprise in the final tally). Both see the scorecards they cross-score.
- The Board's staff see everything of their Board; its admins and emulation officers open scoring, verify,
  record findings, finalise, compute, publish and lock rankings and answer objections.
- The members of a bloc see its published and locked rankings; the leader also sees the draft.
Another Board's rows are a 404; so is another enterprise's scorecard or another bloc's ranking for an
enterprise user.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from blocs.enums import MembershipRole
from blocs.models import EmulationYear
from blocs.register.permissions import can_manage_blocs
from scoring.quarterly.permissions import leader_enterprise_id, leads, own_enterprise_id, role_in
from scoring.ranking.enums import ScorecardStatus
from scoring.ranking.models import Objection, Ranking, Scorecard, ScoreEvidence
from scoring.ranking.queries import PUBLIC_STATUSES
from thidua.accounts.permissions import Access, acting_board, is_board_staff, require


def is_own(user, scorecard: Scorecard) -> bool:
    return own_enterprise_id(user) == scorecard.enterprise_id


def is_cross_scorer(user, scorecard: Scorecard) -> bool:
    """The leader for another member; the deputy for the leader's own scorecard."""
    if is_own(user, scorecard):
        return False
    if leads(user, scorecard.bloc_id, scorecard.year_id):
        return True
    return role_in(user, scorecard.bloc_id, scorecard.year_id) == MembershipRole.DEPUTY and (
        scorecard.enterprise_id == leader_enterprise_id(scorecard.bloc_id, scorecard.year_id)
    )


def can_view_scorecard(user, scorecard: Scorecard) -> bool:
    return is_board_staff(user) or is_own(user, scorecard) or is_cross_scorer(user, scorecard)


def can_self_score(user, scorecard: Scorecard) -> bool:
    return is_own(user, scorecard) and scorecard.status == ScorecardStatus.SELF_SCORING


def can_cross_score(user, scorecard: Scorecard) -> bool:
    return is_cross_scorer(user, scorecard) and scorecard.status == ScorecardStatus.SELF_SUBMITTED


def can_verify(user, scorecard: Scorecard) -> bool:
    return can_manage_blocs(user)


def can_manage_rankings(user) -> bool:
    return can_manage_blocs(user)


def can_view_ranking(user, ranking: Ranking) -> bool:
    if is_board_staff(user):
        return True
    role = role_in(user, ranking.bloc_id, ranking.year_id)
    if role is None:
        return False
    return ranking.status in PUBLIC_STATUSES or role == MembershipRole.LEADER


def _board_or_404(user):
    board = acting_board(user)
    if board is None:
        raise Http404
    return board


def require_scoring_user(user):
    return _board_or_404(user)


def require_ranking_manager(user):
    board = _board_or_404(user)
    require(can_manage_rankings(user))
    return board


def get_scorecard_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Scorecard:
    """``VIEW``; ``CHANGE`` (self score, evidence: the enterprise); ``REVIEW`` (cross score, return: the leader
    or deputy); ``APPROVE`` (verify, findings, return, finalise: the Board)."""
    scorecard = get_object_or_404(
        Scorecard.objects.select_related("year", "bloc", "enterprise", "criteria_set"),
        organization=_board_or_404(user),
        pk=pk,
    )
    if not can_view_scorecard(user, scorecard):
        raise Http404
    if access == Access.CHANGE:
        require(is_own(user, scorecard))
    elif access == Access.REVIEW:
        require(is_cross_scorer(user, scorecard))
    elif access == Access.APPROVE:
        require(can_verify(user, scorecard))
    elif access != Access.VIEW:
        raise ValueError(access)
    return scorecard


def get_score_evidence_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> ScoreEvidence:
    evidence = get_object_or_404(
        ScoreEvidence.objects.select_related("entry__scorecard"),
        entry__scorecard__organization=_board_or_404(user),
        pk=pk,
    )
    if not can_view_scorecard(user, evidence.entry.scorecard):
        raise Http404
    if access == Access.CHANGE:
        require(is_own(user, evidence.entry.scorecard))
    elif access != Access.VIEW:
        raise ValueError(access)
    return evidence


def get_ranking_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Ranking:
    """``VIEW`` (the members once published, the leader and the Board always); ``APPROVE`` (publish, lock,
    tie votes, what-if: the Board's admins and officers)."""
    ranking = get_object_or_404(
        Ranking.objects.select_related("year", "bloc", "document"), organization=_board_or_404(user), pk=pk
    )
    if not can_view_ranking(user, ranking):
        raise Http404
    if access == Access.APPROVE:
        require(can_manage_rankings(user))
    elif access != Access.VIEW:
        raise ValueError(access)
    return ranking


def get_objection_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Objection:
    """``VIEW`` (the objecting enterprise and the Board); ``REVIEW`` (answer: the Board)."""
    objection = get_object_or_404(
        Objection.objects.select_related(
            "ranking__year", "ranking__bloc", "entry__scorecard", "entry__criterion"
        ),
        ranking__organization=_board_or_404(user),
        pk=pk,
    )
    if not (is_board_staff(user) or is_own(user, objection.entry.scorecard)):
        raise Http404
    if access == Access.REVIEW:
        require(can_manage_rankings(user))
    elif access != Access.VIEW:
        raise ValueError(access)
    return objection


def get_year_for_policy_or_404(user, pk: int) -> EmulationYear:
    """A year of the user's Board whose ranking rules the Board's admins and officers set."""
    year = get_object_or_404(EmulationYear, organization=_board_or_404(user), pk=pk)
    require(can_manage_rankings(user))
    return year
