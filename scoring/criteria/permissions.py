"""Who sees and changes criteria sets, and the accessors views use.

- The Board's staff see every set of their Board; its admins and emulation officers create, edit (drafts
  only), copy to blocs, adopt the Board's default (on the Board's decision) and adopt a bloc's set.
- A bloc's leader prepares its bloc's draft and records the adoption at the bloc's meeting.
- The members of a bloc read its sets (and the Board's default of a year they are members in).
Another Board's set is a 404; so is another bloc's set for an enterprise user.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from blocs.register.permissions import can_manage_blocs
from scoring.criteria.models import CriteriaGroup, CriteriaSet, Criterion
from scoring.quarterly.permissions import bloc_roles, leads
from thidua.accounts.permissions import Access, acting_board, is_board_staff, require


def can_view_set(user, criteria_set: CriteriaSet) -> bool:
    if is_board_staff(user):
        return True
    roles = bloc_roles(user)
    if criteria_set.bloc_id is None:
        return any(year_id == criteria_set.year_id for _bloc, year_id in roles)
    return (criteria_set.bloc_id, criteria_set.year_id) in roles


def can_change_set(user, criteria_set: CriteriaSet) -> bool:
    if can_manage_blocs(user):
        return True
    return criteria_set.bloc_id is not None and leads(user, criteria_set.bloc_id, criteria_set.year_id)


def can_create_sets(user) -> bool:
    return can_manage_blocs(user)


def require_sets_viewer(user):
    """The list of sets: anyone with a Board (staff see the Board's, enterprise users their blocs')."""
    board = acting_board(user)
    if board is None:
        raise Http404
    return board


def require_sets_manager(user):
    board = require_sets_viewer(user)
    require(can_create_sets(user))
    return board


def _check(user, criteria_set: CriteriaSet, access: Access) -> None:
    if not can_view_set(user, criteria_set):
        raise Http404
    if access in (Access.CHANGE, Access.APPROVE):
        require(can_change_set(user, criteria_set))
    elif access != Access.VIEW:
        raise ValueError(access)


def get_set_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> CriteriaSet:
    """``VIEW``; ``CHANGE`` (edit a draft, delete it); ``APPROVE`` (adopt it)."""
    board = require_sets_viewer(user)
    criteria_set = get_object_or_404(
        CriteriaSet.objects.select_related("year", "bloc", "adopted_meeting", "adopted_by", "source"),
        organization=board,
        pk=pk,
    )
    _check(user, criteria_set, access)
    return criteria_set


def get_group_for_user_or_404(user, pk: int, *, access: Access = Access.CHANGE) -> CriteriaGroup:
    board = require_sets_viewer(user)
    group = get_object_or_404(
        CriteriaGroup.objects.select_related("criteria_set__year", "criteria_set__bloc"),
        criteria_set__organization=board,
        pk=pk,
    )
    _check(user, group.criteria_set, access)
    return group


def get_criterion_for_user_or_404(user, pk: int, *, access: Access = Access.CHANGE) -> Criterion:
    board = require_sets_viewer(user)
    criterion = get_object_or_404(
        Criterion.objects.select_related("group__criteria_set__year", "group__criteria_set__bloc"),
        group__criteria_set__organization=board,
        pk=pk,
    )
    _check(user, criterion.group.criteria_set, access)
    return criterion
