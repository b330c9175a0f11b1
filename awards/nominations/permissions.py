"""Who sees and acts on nominations, and the accessors views use.

- The Board's staff see every nomination of their Board; its admins and emulation officers propose for any
  enterprise, keep every dossier, review, return and send nominations to the council.
- An enterprise's users see its nominations and keep their dossiers; its representative proposes its own
  collectives and people and submits them.
- The leader of a bloc (its representative or delegate, in an open year) proposes the bloc's members after
  the bloc's vote, sees and keeps their dossiers and submits them.
A nomination of another Board, or of an enterprise the user neither is nor leads, is a 404; an insider who may
see it but not take the step is a 403.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from awards.catalogue.permissions import can_manage_awards
from awards.nominations.models import DossierDocument, Nomination
from blocs.enums import EnterpriseRole
from blocs.membership.queries import led_bloc_ids
from blocs.register.permissions import acts_for_enterprise, board_or_404, is_representative_of
from blocs.register.queries import enterprise_of
from thidua.accounts.permissions import Access, is_board_staff, require


def leads_nomination_bloc(user, nomination: Nomination) -> bool:
    return nomination.bloc_id is not None and nomination.bloc_id in led_bloc_ids(user)


def can_view_nomination(user, nomination: Nomination) -> bool:
    return (
        is_board_staff(user)
        or acts_for_enterprise(user, nomination.enterprise)
        or leads_nomination_bloc(user, nomination)
    )


def can_keep_dossier(user, nomination: Nomination) -> bool:
    """Edit the nomination and its documents (while it is editable)."""
    return (
        can_manage_awards(user)
        or acts_for_enterprise(user, nomination.enterprise)
        or leads_nomination_bloc(user, nomination)
    )


def can_submit_nomination(user, nomination: Nomination) -> bool:
    return (
        can_manage_awards(user)
        or is_representative_of(user, nomination.enterprise)
        or leads_nomination_bloc(user, nomination)
    )


def can_review_nomination(user, nomination: Nomination) -> bool:
    return can_manage_awards(user)


def can_propose(user) -> bool:
    """Whether the user may open the proposal form at all (the service checks the enterprise chosen)."""
    link = enterprise_of(user)
    return (
        can_manage_awards(user)
        or bool(led_bloc_ids(user))
        or (link is not None and link.role == EnterpriseRole.REPRESENTATIVE)
    )


def get_nomination_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Nomination:
    """``VIEW``; ``CHANGE`` (edit, documents); ``SIGN`` (submit); ``REVIEW`` (review, return, council)."""
    nomination = get_object_or_404(
        Nomination.objects.select_related("award_type", "enterprise", "bloc", "year", "created_by"),
        organization=board_or_404(user),
        pk=pk,
    )
    if not can_view_nomination(user, nomination):
        raise Http404
    checks = {
        Access.VIEW: can_view_nomination,
        Access.CHANGE: can_keep_dossier,
        Access.SIGN: can_submit_nomination,
        Access.REVIEW: can_review_nomination,
    }
    if access not in checks:
        raise ValueError(access)
    require(checks[access](user, nomination))
    return nomination


def get_dossier_document_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> DossierDocument:
    """``VIEW`` (download) or ``CHANGE`` (remove): as the nomination it belongs to."""
    document = get_object_or_404(
        DossierDocument.objects.select_related("nomination__enterprise", "nomination__award_type"),
        nomination__organization=board_or_404(user),
        pk=pk,
    )
    if not can_view_nomination(user, document.nomination):
        raise Http404
    if access == Access.CHANGE:
        require(can_keep_dossier(user, document.nomination))
    elif access != Access.VIEW:
        raise ValueError(access)
    return document
