"""Who may see and act on pledges, and the accessors views use.

- Board staff see every pledge and template of their Board; admins and officers review, approve and close.
- The bloc leader drafts its bloc's template and reviews (returns / accepts) its members' pledges.
- An enterprise's users see and edit their own pledge; only its representative signs or proposes amendments.
Another Board's row, or another enterprise's pledge seen by an enterprise user, is a 404; an insider who may
see the row but not take the step is a 403.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404

from blocs.enums import MembershipStatus
from blocs.membership.models import BlocMembership
from blocs.membership.permissions import is_member_of_bloc, leads_bloc
from blocs.membership.queries import led_bloc_ids
from blocs.pledges import reviewers
from blocs.pledges.documents import KIND as JOINT_PLEDGE_KIND
from blocs.pledges.models import REVIEWABLE_STATUSES, Pledge, PledgeTemplate
from blocs.register.permissions import (
    acts_for_enterprise,
    board_or_404,
    can_manage_blocs,
    is_representative_of,
)
from blocs.register.queries import enterprise_of
from thidua.accounts.permissions import Access, acting_board, is_board_staff, require


def can_view_pledge(user, pledge: Pledge) -> bool:
    """Board staff and the enterprise's users always; its reviewers (the bloc leader, the deputy for the
    leader's own pledge) only once review has begun (``REVIEWABLE_STATUSES``), never a draft."""
    return (
        is_board_staff(user)
        or acts_for_enterprise(user, pledge.enterprise)
        or (pledge.status in REVIEWABLE_STATUSES and is_pledge_reviewer(user, pledge))
    )


def is_pledge_reviewer(user, pledge: Pledge) -> bool:
    return leads_bloc(user, pledge.template.bloc) or reviewers.is_deputy_reviewer(user, pledge)


def can_edit_pledge(user, pledge: Pledge) -> bool:
    """Fill targets, tick commitments, register titles, submit: the enterprise's users (reporter too)."""
    return acts_for_enterprise(user, pledge.enterprise)


def can_review_pledge(user, pledge: Pledge) -> bool:
    """Return or accept (an amendment too): the Board's officers, the bloc leader for another member's pledge,
    the deputy for the leader's own (``reviewers``: no one reviews their own enterprise's pledge)."""
    return reviewers.may_review(user, pledge)


def can_sign_pledge(user, pledge: Pledge) -> bool:
    return is_representative_of(user, pledge.enterprise)


def can_view_template(user, template: PledgeTemplate) -> bool:
    return is_board_staff(user) or leads_bloc(user, template.bloc)


def can_edit_template(user, template: PledgeTemplate) -> bool:
    return can_manage_blocs(user) or leads_bloc(user, template.bloc)


def can_approve_template(user, template: PledgeTemplate) -> bool:
    return can_manage_blocs(user)


def can_view_joint_pledge(user, template: PledgeTemplate) -> bool:
    """The joint pledge of a bloc: the Board's staff, and every user (representative or reporter) of an
    enterprise of the bloc that year — the leader's included — or of an enterprise with a pledge in it."""
    board = acting_board(user)
    if board is None or board.pk != template.organization_id:
        return False
    if is_board_staff(user):
        return True
    link = enterprise_of(user)
    if link is None:
        return False
    return (
        BlocMembership.objects.filter(
            bloc_id=template.bloc_id,
            year_id=template.year_id,
            enterprise_id=link.enterprise_id,
            status=MembershipStatus.ACTIVE,
        ).exists()
        or Pledge.objects.filter(template_id=template.pk, enterprise_id=link.enterprise_id).exists()
    )


def _joint_pledge_template_of(document) -> PledgeTemplate | None:
    """The template a joint pledge document was issued for (any issue of it, not only the latest)."""
    if document.kind != JOINT_PLEDGE_KIND:
        return None
    if document.content_type_id != ContentType.objects.get_for_model(PledgeTemplate).pk:
        return None
    return PledgeTemplate.objects.filter(
        pk=int(document.object_id), organization_id=document.organization_id
    ).first()


def joint_pledge_document_viewer(user, document) -> bool:
    """Who may see a joint pledge document besides the Board's staff (the ``document_viewer`` receiver)."""
    template = _joint_pledge_template_of(document)
    return template is not None and can_view_joint_pledge(user, template)


def joint_pledge_document_outsider(user, document) -> bool:
    """An enterprise user who may not see a bloc's joint pledge (another bloc's) gets a 404, as for another
    enterprise's pledge (the ``document_outsider`` receiver)."""
    return document.kind == JOINT_PLEDGE_KIND and enterprise_of(user) is not None and not is_board_staff(user)


def get_pledge_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Pledge:
    """``VIEW``; ``CHANGE`` (fill and submit); ``REVIEW`` (return, accept); ``SIGN`` (sign, amend, scan)."""
    pledge = get_object_or_404(
        Pledge.objects.select_related("template__bloc", "template__year", "enterprise"),
        organization=board_or_404(user),
        pk=pk,
    )
    if not can_view_pledge(user, pledge):
        raise Http404  # another enterprise's pledge: existence is not leaked
    if access == Access.CHANGE:
        require(can_edit_pledge(user, pledge))
    elif access == Access.REVIEW:
        require(can_review_pledge(user, pledge))
    elif access == Access.SIGN:
        require(can_sign_pledge(user, pledge))
    elif access != Access.VIEW:
        raise ValueError(access)
    return pledge


def get_template_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> PledgeTemplate:
    """``VIEW``; ``CHANGE`` (edit, submit); ``APPROVE`` (approve, return, close the signing, issue the joint pledge)."""
    template = get_object_or_404(
        PledgeTemplate.objects.select_related("bloc", "year", "joint_document"),
        organization=board_or_404(user),
        pk=pk,
    )
    if not (is_board_staff(user) or acts_for_enterprise_in_bloc(user, template)):
        raise Http404
    if access == Access.VIEW:
        require(can_view_template(user, template))
    elif access == Access.CHANGE:
        require(can_edit_template(user, template))
    elif access == Access.APPROVE:
        require(can_approve_template(user, template))
    else:
        raise ValueError(access)
    return template


def acts_for_enterprise_in_bloc(user, template: PledgeTemplate) -> bool:
    """Enterprise users of the bloc's members are insiders of the template (403 rather than 404)."""
    return leads_bloc(user, template.bloc) or is_member_of_bloc(user, template.bloc)


def require_progress_viewer(user):
    """The Board's staff or a bloc leader: the progress page; 403 for other insiders."""
    board = board_or_404(user)
    require(is_board_staff(user) or bool(led_bloc_ids(user)))
    return board
