"""Who may see and change the register, and the accessors views use to load its rows.

- The Board's admins and emulation officers keep the register (parks, enterprises, the Excel import); every
  Board staff member reads it.
- An enterprise's users see their own enterprise; its representative edits its contact fields.
- The sub-domains above may let more people see an enterprise (``signals.enterprise_viewer``).
A row of another Board is a 404; an insider without the right is a 403.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from blocs.enums import EnterpriseRole
from blocs.register.models import Enterprise, IndustrialPark
from blocs.register.queries import enterprise_of
from blocs.register.signals import enterprise_viewer
from thidua.accounts.permissions import (
    MANAGER_ROLES,
    Access,
    acting_board,
    has_board_role,
    is_board_staff,
    require,
)
from thidua.signals import any_receiver_says_yes


def can_manage_blocs(user) -> bool:
    """The register, years, blocs, applications, decisions: the Board's admins and emulation officers."""
    return has_board_role(user, *MANAGER_ROLES)


def acts_for_enterprise(user, enterprise: Enterprise) -> bool:
    link = enterprise_of(user)
    return link is not None and link.enterprise_id == enterprise.pk


def is_representative_of(user, enterprise: Enterprise) -> bool:
    link = enterprise_of(user)
    return (
        link is not None
        and link.enterprise_id == enterprise.pk
        and link.role == EnterpriseRole.REPRESENTATIVE
    )


def can_view_enterprise(user, enterprise: Enterprise) -> bool:
    return (
        is_board_staff(user)
        or acts_for_enterprise(user, enterprise)
        or any_receiver_says_yes(enterprise_viewer, user=user, enterprise=enterprise)
    )


def board_or_404(user):
    """The Board the user acts for, or 404 (an anonymous or Board-less user sees nothing)."""
    board = acting_board(user)
    if board is None:
        raise Http404
    return board


def get_park_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> IndustrialPark:
    park = get_object_or_404(IndustrialPark, organization=board_or_404(user), pk=pk)
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    else:
        raise ValueError(access)
    return park


def get_enterprise_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Enterprise:
    """``CHANGE``: the Board's register (all fields). The enterprise's own profile: ``get_own_enterprise_or_404``."""
    enterprise = get_object_or_404(
        Enterprise.objects.select_related("park"), organization=board_or_404(user), pk=pk
    )
    if access == Access.VIEW:
        require(can_view_enterprise(user, enterprise))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    else:
        raise ValueError(access)
    return enterprise


def get_own_enterprise_or_404(user, *, access: Access = Access.VIEW) -> Enterprise:
    """The enterprise the user acts for; 404 if none. ``CHANGE`` (its contact fields) needs the representative."""
    link = enterprise_of(user)
    if link is None or acting_board(user) is None:
        raise Http404
    if access == Access.CHANGE:
        require(link.role == EnterpriseRole.REPRESENTATIVE)
    elif access != Access.VIEW:
        raise ValueError(access)
    return link.enterprise
