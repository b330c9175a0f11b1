"""Who sees and runs council sessions.

The Board's staff see its sessions; its admins and emulation officers prepare, open and close them and record
the written opinions of absent members; a council member votes in the sessions they are an elector of. Nobody
outside the Board's staff sees a session (404 for another Board, 403 for an enterprise user).
"""

from django.shortcuts import get_object_or_404

from awards.catalogue.permissions import can_manage_awards
from awards.council.models import CouncilSession
from blocs.register.permissions import board_or_404
from thidua.accounts.enums import BoardRole
from thidua.accounts.permissions import Access, has_board_role, is_board_staff, require, require_board_staff


def can_vote_in_council(user) -> bool:
    return has_board_role(user, BoardRole.COUNCIL)


def require_council_viewer(user):
    return require_board_staff(user)


def get_council_session_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> CouncilSession:
    """``VIEW`` (staff); ``RUN`` (open, close, record written opinions: admins and officers); ``VOTE``
    (council members)."""
    session = get_object_or_404(
        CouncilSession.objects.select_related("year", "minutes"), organization=board_or_404(user), pk=pk
    )
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.RUN:
        require(can_manage_awards(user))
    elif access == Access.VOTE:
        require(can_vote_in_council(user))
    else:
        raise ValueError(access)
    return session
