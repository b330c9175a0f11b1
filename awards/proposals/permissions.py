"""Who sees and prepares provincial proposals: the Board's staff see them; its admins and emulation officers
draft them, send them to a signer and record the province's decision. Another Board's proposal is a 404."""

from django.shortcuts import get_object_or_404

from awards.catalogue.permissions import can_manage_awards
from awards.proposals.models import ProvincialDecision, ProvincialProposal
from blocs.register.permissions import board_or_404
from thidua.accounts.permissions import Access, is_board_staff, require


def get_proposal_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> ProvincialProposal:
    """``VIEW`` (staff) or ``CHANGE`` (send for signature, record the province's decision)."""
    proposal = get_object_or_404(
        ProvincialProposal.objects.select_related("year", "award_type", "document"),
        organization=board_or_404(user),
        pk=pk,
    )
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_manage_awards(user))
    else:
        raise ValueError(access)
    return proposal


def get_provincial_decision_for_user_or_404(user, pk: int) -> ProvincialDecision:
    decision = get_object_or_404(
        ProvincialDecision.objects.select_related("proposal"),
        proposal__organization=board_or_404(user),
        pk=pk,
    )
    require(is_board_staff(user))
    return decision
