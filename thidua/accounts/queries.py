from django.db.models import Prefetch, QuerySet

from thidua.accounts.enums import BoardRole
from thidua.accounts.models import BoardMembership, Invitation, Organization, User


def staff_for_board(board: Organization) -> QuerySet[User]:
    """Board staff of one Board with their roles, in two queries whatever the page size."""
    return (
        User.objects.filter(organization=board, board_roles__isnull=False)
        .distinct()
        .prefetch_related(Prefetch("board_roles", queryset=BoardMembership.objects.order_by("role")))
        .order_by("full_name", "email")
    )


def invitations_for_board(board: Organization) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organization=board).select_related("invited_by").order_by("-created_at")


def signers_of(board: Organization) -> QuerySet[User]:
    """The Board's active leaders who sign its documents, by name."""
    return User.objects.filter(
        organization=board, is_active=True, board_roles__role=BoardRole.SIGNER
    ).order_by("full_name", "id")


def managers_of(board: Organization | int) -> QuerySet[User]:
    """The Board's (or Board id's) active admins and emulation officers: who decides applications, approves
    templates, accepts reviews (the people a step waiting for the Board is announced to)."""
    return User.objects.filter(
        organization=board, is_active=True, board_roles__role__in=[BoardRole.ADMIN, BoardRole.OFFICER]
    ).distinct()
