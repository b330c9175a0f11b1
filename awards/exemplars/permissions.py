"""Who acts on the exemplars (Người tốt, việc tốt): the Board's admins and emulation officers propose one for
an ad-hoc award. Another Board's exemplar is a 404."""

from django.shortcuts import get_object_or_404

from awards.catalogue.permissions import can_manage_awards
from awards.exemplars.models import Exemplar
from blocs.register.permissions import board_or_404
from thidua.accounts.permissions import require


def get_exemplar_to_propose_or_404(user, pk: int) -> Exemplar:
    """The Board's exemplar ``pk`` (404 outside the Board), for those who manage awards (403 otherwise)."""
    exemplar = get_object_or_404(Exemplar, organization=board_or_404(user), pk=pk)
    require(can_manage_awards(user))
    return exemplar
