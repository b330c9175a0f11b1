"""Who is told at once of a step of the pledges, in the portal and by e-mail (``notify``): the reviewers
when a member submits or signs its pledge, the Board when the leader submits the bloc's template, the leader
when the Board returns it, and every member when it is approved (their pledge opens). The enterprise is told
of its own pledge's return and acceptance by ``reminders.notify_representatives``."""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from blocs.enums import MembershipRole, MembershipStatus
from blocs.membership.models import BlocMembership
from blocs.pledges import reviewers
from blocs.pledges.models import Pledge, PledgeTemplate
from blocs.register.queries import people_of
from thidua.accounts.models import User
from thidua.accounts.queries import managers_of
from thidua.notifications.services import notify


def _reviewers_or_board(pledge: Pledge) -> list:
    """The leader's (or, for the leader's own pledge, the deputy's) representatives; the Board's managers
    when the bloc has nobody else to review it."""
    return reviewers.reviewer_users(pledge) or managers_of(pledge.organization_id)


def announce_pledge_submitted(pledge: Pledge) -> int:
    return notify(
        _reviewers_or_board(pledge),
        kind="pledge_submitted",
        message=_("%(enterprise)s submitted its pledge for %(year)s; it waits for your review.")
        % {"enterprise": pledge.enterprise.name, "year": pledge.template.year.year},
        url=reverse("pledges:pledge_detail", args=[pledge.pk]),
    )


def announce_pledge_signed(pledge: Pledge) -> int:
    return notify(
        _reviewers_or_board(pledge),
        kind="pledge_signed",
        message=_("%(enterprise)s signed its pledge for %(year)s.")
        % {"enterprise": pledge.enterprise.name, "year": pledge.template.year.year},
        url=reverse("pledges:pledge_detail", args=[pledge.pk]),
    )


def _leader_people(template: PledgeTemplate) -> QuerySet[User]:
    leader = BlocMembership.objects.filter(
        bloc_id=template.bloc_id,
        year_id=template.year_id,
        role=MembershipRole.LEADER,
        status=MembershipStatus.ACTIVE,
    ).values("enterprise_id")
    return people_of(leader, representatives_only=True)


def announce_template_submitted(template: PledgeTemplate) -> int:
    return notify(
        managers_of(template.organization_id),
        kind="template_submitted",
        message=_("%(bloc)s submitted its pledge template for %(year)s; it waits for the Board's approval.")
        % {"bloc": template.bloc.name, "year": template.year.year},
        url=reverse("pledges:template_detail", args=[template.pk]),
    )


def announce_template_returned(template: PledgeTemplate) -> int:
    return notify(
        _leader_people(template),
        kind="template_returned",
        message=_("The Board returned the pledge template of %(bloc)s for %(year)s: %(reason)s")
        % {"bloc": template.bloc.name, "year": template.year.year, "reason": template.return_reason},
        url=reverse("pledges:template_detail", args=[template.pk]),
    )


def announce_template_approved(template: PledgeTemplate) -> int:
    """Every member's people: their pledge for the year is open to fill in."""
    members = BlocMembership.objects.filter(
        bloc_id=template.bloc_id, year_id=template.year_id, status=MembershipStatus.ACTIVE
    ).values("enterprise_id")
    deadline = template.signing_deadline.strftime("%d/%m/%Y") if template.signing_deadline else ""
    return notify(
        people_of(members),
        kind="template_approved",
        message=_(
            "The Board approved the pledge template of %(bloc)s for %(year)s: fill in and submit your "
            "pledge; it must be signed by %(deadline)s."
        )
        % {"bloc": template.bloc.name, "year": template.year.year, "deadline": deadline},
        url=reverse("pledges:my_pledge"),
    )
