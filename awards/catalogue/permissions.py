"""Who reads the catalogue and keeps the quota rules.

Every signed-in user of a Board reads the award catalogue and the base salary (they are the law); the Board's
staff read the quota rules of a year; its admins and emulation officers set them. A quota rule of another
Board is a 404.
"""

from django.shortcuts import get_object_or_404

from awards.catalogue.models import QuotaRule
from blocs.register.permissions import board_or_404, can_manage_blocs
from thidua.accounts.permissions import Access, is_board_staff, require


def can_manage_awards(user) -> bool:
    """Quotas, nominations' review, council sessions, decisions: the Board's admins and emulation officers."""
    return can_manage_blocs(user)


def require_catalogue_reader(user):
    return board_or_404(user)


def get_quota_rule_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> QuotaRule:
    """``VIEW``: the Board's staff; ``CHANGE`` (edit, delete): its admins and officers."""
    rule = get_object_or_404(
        QuotaRule.objects.select_related("year", "award_type", "bloc"),
        year__organization=board_or_404(user),
        pk=pk,
    )
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_manage_awards(user))
    else:
        raise ValueError(access)
    return rule
