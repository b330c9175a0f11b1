"""Who acts for which Board, role predicates, and the accessors views use to load protected rows.

Rules: a row of another Board is a 404 (existence is not leaked); an insider without the role is a 403.

Every accessor of the portal (``get_<thing>_for_user_or_404``) takes the same keyword, ``access``, one of the
``Access`` values: what the caller is about to do with the row. An accessor accepts only the values that make
sense for its row and raises ``ValueError`` for the others (a programming error, not a user's).
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from thidua.accounts.enums import BoardRole
from thidua.accounts.models import BoardMembership, Invitation, Organization, User

STAFF_ROLES = frozenset(BoardRole.values)
# Admins and emulation officers keep the Board's records (register, years, blocs, notices, ...).
MANAGER_ROLES = frozenset({BoardRole.ADMIN, BoardRole.OFFICER})


class Access(StrEnum):
    """What a caller is about to do with a protected row: the one vocabulary of every accessor."""

    VIEW = "view"  # read it
    CHANGE = "change"  # edit it, or keep the records it belongs to
    REVIEW = "review"  # return or accept someone else's submission
    APPROVE = "approve"  # approve, close or issue on the Board's behalf
    SIGN = "sign"  # sign (or amend what one signed) for one's enterprise
    RUN = "run"  # open and close a vote
    CONFIRM = "confirm"  # confirm a vote's result
    VOTE = "vote"  # cast a ballot


def acting_board(user) -> Organization | None:
    """The one place that says which Board a user acts for."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user.organization


def board_roles(user) -> frozenset[str]:
    """The user's Board roles, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_board_roles_cache", None)
    if cached is None:
        cached = frozenset(user.board_roles.values_list("role", flat=True))
        user._board_roles_cache = cached
    return cached


def is_board_staff(user) -> bool:
    return bool(board_roles(user) & STAFF_ROLES)


def has_board_role(user, *roles: str) -> bool:
    return bool(board_roles(user) & set(roles))


def can_manage_board(user) -> bool:
    return has_board_role(user, BoardRole.ADMIN)


def can_view_audit_log(user) -> bool:
    return has_board_role(user, BoardRole.ADMIN)


def require(allowed: bool) -> None:
    """Raise 403 for an insider who lacks the role (the accessor already filtered outsiders to 404)."""
    if not allowed:
        raise PermissionDenied


def get_for_board_or_404[M: Model](
    queryset: QuerySet[M], user, *, board_field: str = "organization", **lookup
) -> M:
    """Load one row of the user's Board, or 404 for anyone else (including users with no Board)."""
    board = acting_board(user)
    if board is None:
        raise Http404
    return get_object_or_404(queryset.filter(**{board_field: board}), **lookup)


def require_board_staff(user, roles=STAFF_ROLES) -> Organization:
    """The one staff gate: the user's Board for a staff page, or 404 without a Board (an outsider) and 403 for
    an insider (an enterprise user, or staff without one of ``roles``)."""
    board = acting_board(user)
    if board is None:
        raise Http404
    require(has_board_role(user, *roles))
    return board


def get_organization_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Organization:
    board = acting_board(user)
    if board is None or board.pk != pk:
        raise Http404
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_manage_board(user))
    else:
        raise ValueError(access)
    return board


def get_staff_user_for_user_or_404(user, pk: int) -> User:
    target = get_for_board_or_404(User.objects.all(), user, pk=pk)
    require(can_manage_board(user))
    return target


def get_signer_role_for_user_or_404(user, pk: int) -> BoardMembership:
    """The signer role of staff member ``pk`` of the user's Board (Board admins only); 404 when that person
    is not a signer or belongs to another Board."""
    target = get_staff_user_for_user_or_404(user, pk)
    membership = target.board_roles.filter(role=BoardRole.SIGNER).select_related("organization").first()
    if membership is None:
        raise Http404
    return membership


def get_invitation_for_user_or_404(user, pk: int) -> Invitation:
    invitation = get_for_board_or_404(Invitation.objects.select_related("invited_by"), user, pk=pk)
    require(can_manage_board(user))
    return invitation
