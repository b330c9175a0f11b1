"""Pledges follow the bloc's membership (domain.md §17.1): a member admitted after the template was approved
gets its draft pledge and is told so; a withdrawn member leaves the signing set, so the joint pledge is
issued once every remaining member has signed. Called by the receivers of the membership's signals."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from blocs.pledges.enums import TemplateStatus
from blocs.pledges.models import Pledge, PledgeTemplate
from blocs.pledges.services.reminders import notify_representatives
from blocs.pledges.services.signing import update_joint_pledge
from blocs.pledges.services.templates import ensure_member_pledges
from thidua.audit.services import record_event


def _approved_template(membership) -> PledgeTemplate | None:
    return (
        PledgeTemplate.objects.select_for_update()
        .select_related("bloc", "year", "organization")
        .filter(bloc_id=membership.bloc_id, year_id=membership.year_id, status=TemplateStatus.APPROVED)
        .first()
    )


def open_pledge_for_new_member(*, membership, added_by) -> Pledge | None:
    """The new member's draft pledge, when the bloc's template of the year is already approved (then its
    representatives are notified); None when there is no approved template yet (approval opens it)."""
    template = _approved_template(membership)
    if template is None:
        return None
    ensure_member_pledges(template=template)
    pledge = Pledge.objects.get(
        template=template, enterprise_id=membership.enterprise_id, amendment__isnull=True
    )
    record_event(
        action="pledge.opened_for_new_member",
        actor=added_by,
        organization=template.organization,
        obj=pledge,
        changes={"bloc": template.bloc.code, "year": template.year.year},
    )
    notify_representatives(
        pledge,
        kind="pledge_opened",
        message=_(
            "Your enterprise joined %(bloc)s: its pledge for %(year)s is open. Fill it in, submit it and "
            "sign it by %(deadline)s."
        )
        % {
            "bloc": template.bloc.name,
            "year": template.year.year,
            "deadline": date_format(template.signing_deadline, "SHORT_DATE_FORMAT"),
        },
    )
    return pledge


def release_withdrawn_member(*, membership, withdrawn_by):
    """The member has left: if everyone who remains has signed, the joint pledge is issued (or issued
    again without the withdrawn member, when it already was). Returns the document issued, or None."""
    template = _approved_template(membership)
    if template is None:
        return None
    return update_joint_pledge(template=template, requested_by=withdrawn_by)
