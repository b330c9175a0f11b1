"""Who reviews (returns or accepts) a member's pledge, and the conflict-of-interest rule.

- The Board's admins and emulation officers review every pledge.
- The bloc leader reviews its members' pledges, but never its own enterprise's (nor its amendments): a
  user of the pledge's own enterprise is refused. The leader's own pledge is reviewed by the deputy leader
  (the representatives of the enterprise holding the bloc's active DEPUTY membership that year) or, when
  the bloc has no deputy, by the Board's staff only.

Used by the permission predicates (buttons, 403), by the services (the rule holds whatever the caller) and
by the reviewer reminders.
"""

from __future__ import annotations

from blocs.enums import EnterpriseRole, MembershipRole, MembershipStatus
from blocs.membership.models import BlocMembership
from blocs.membership.queries import led_bloc_ids
from blocs.register.models import EnterpriseUser
from blocs.register.permissions import can_manage_blocs
from blocs.register.queries import enterprise_of


def bloc_officer_enterprise_id(template, role: str) -> int | None:
    """The enterprise holding the bloc's active LEADER or DEPUTY membership in the template's year."""
    return (
        BlocMembership.objects.filter(
            bloc_id=template.bloc_id, year_id=template.year_id, role=role, status=MembershipStatus.ACTIVE
        )
        .values_list("enterprise_id", flat=True)
        .first()
    )


def is_leaders_pledge(pledge) -> bool:
    return pledge.enterprise_id == bloc_officer_enterprise_id(pledge.template, MembershipRole.LEADER)


def has_conflict_of_interest(user, pledge) -> bool:
    """A user of the pledge's own enterprise (the leader's reviewing its own pledge) who is not Board staff."""
    if can_manage_blocs(user):
        return False
    link = enterprise_of(user)
    return link is not None and link.enterprise_id == pledge.enterprise_id


def is_deputy_reviewer(user, pledge) -> bool:
    """A representative of the deputy's enterprise, for the leader's own pledge."""
    link = enterprise_of(user)
    if link is None or link.role != EnterpriseRole.REPRESENTATIVE:
        return False
    deputy = bloc_officer_enterprise_id(pledge.template, MembershipRole.DEPUTY)
    return deputy is not None and link.enterprise_id == deputy and is_leaders_pledge(pledge)


def may_review(user, pledge) -> bool:
    if can_manage_blocs(user):
        return True
    if has_conflict_of_interest(user, pledge):
        return False
    return pledge.template.bloc_id in led_bloc_ids(user) or is_deputy_reviewer(user, pledge)


def reviewer_users(pledge) -> list:
    """The enterprise users to remind about a submitted pledge: the leader's representatives, or, for the
    leader's own pledge, the deputy's (none without a deputy: the Board's staff see it on the progress page)."""
    leader = bloc_officer_enterprise_id(pledge.template, MembershipRole.LEADER)
    enterprise_id = leader
    if leader is None or leader == pledge.enterprise_id:
        enterprise_id = bloc_officer_enterprise_id(pledge.template, MembershipRole.DEPUTY)
    if enterprise_id is None or enterprise_id == pledge.enterprise_id:
        return []
    return [
        link.user
        for link in EnterpriseUser.objects.filter(
            enterprise_id=enterprise_id, role=EnterpriseRole.REPRESENTATIVE, user__is_active=True
        ).select_related("user")
    ]
