"""Who sees and prepares award decisions: the Board's staff see them; its admins and emulation officers
prepare them and send them to a signer (the signer signs through the platform's signature queue). Another
Board's decision is a 404; an enterprise user gets 403 (the issued PDF reaches them through the documents'
own rules)."""

from django.shortcuts import get_object_or_404

from awards.catalogue.permissions import can_manage_awards
from awards.decisions.models import AwardDecision
from blocs.register.permissions import board_or_404
from thidua.accounts.permissions import Access, is_board_staff, require


def get_award_decision_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> AwardDecision:
    """``VIEW`` (staff) or ``CHANGE`` (send for signature: admins and officers)."""
    decision = get_object_or_404(
        AwardDecision.objects.select_related("year", "award_type", "document"),
        organization=board_or_404(user),
        pk=pk,
    )
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_manage_awards(user))
    else:
        raise ValueError(access)
    return decision
