"""Who sees and runs a bloc's award votes: the Board's staff and the bloc's members see them; the Board's
admins and emulation officers or the bloc's leader create, open, close and conclude them; a member
enterprise's representative or delegate votes for it. Another Board's vote, or another bloc's for an
enterprise user, is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from awards.blocvotes.models import BlocVote
from awards.catalogue.permissions import can_manage_awards
from blocs.enums import MembershipStatus
from blocs.membership.models import BlocMembership
from blocs.membership.queries import led_bloc_ids
from blocs.register.permissions import board_or_404
from blocs.register.queries import enterprise_of
from thidua.accounts.permissions import Access, is_board_staff, require


def can_run_bloc_votes(user, bloc) -> bool:
    return can_manage_awards(user) or bloc.pk in led_bloc_ids(user)


def is_member_in(user, bloc_id: int, year_id: int) -> bool:
    link = enterprise_of(user)
    return (
        link is not None
        and BlocMembership.objects.filter(
            bloc_id=bloc_id, year_id=year_id, enterprise_id=link.enterprise_id, status=MembershipStatus.ACTIVE
        ).exists()
    )


def get_bloc_vote_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> BlocVote:
    """``VIEW``; ``RUN`` (open, close, second round, conclude); ``VOTE`` (the service checks the elector)."""
    vote = get_object_or_404(
        BlocVote.objects.select_related("bloc", "year", "award_type"), organization=board_or_404(user), pk=pk
    )
    if not (is_board_staff(user) or is_member_in(user, vote.bloc_id, vote.year_id)):
        raise Http404
    if access == Access.RUN:
        require(can_run_bloc_votes(user, vote.bloc))
    elif access == Access.VOTE:
        require(enterprise_of(user) is not None)
    elif access != Access.VIEW:
        raise ValueError(access)
    return vote
