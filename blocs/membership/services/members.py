"""Bloc membership: add, assign leader/deputy respecting the regulation, withdraw."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipRole, MembershipStatus
from blocs.membership.models import Bloc, BlocMembership, EmulationYear
from blocs.membership.queries import effective_rules, previous_leader_id
from blocs.membership.rules import leader_barred
from blocs.membership.services.years import ensure_year_open
from blocs.membership.signals import member_added, member_withdrawn
from blocs.register.models import Enterprise
from thidua.audit.services import record_event


def _same_board(*objects) -> None:
    if len({obj.organization_id for obj in objects}) != 1:
        raise ValidationError(_("The bloc, the enterprise and the year must belong to the same Board."))


def _start_of(year: EmulationYear) -> datetime.date:
    today = timezone.localdate()
    return today if today.year == year.year else datetime.date(year.year, 1, 1)


def check_leader_rule(*, bloc: Bloc, year: EmulationYear, enterprise_id: int) -> None:
    """No second consecutive term as leader, unless the bloc's rules allow it or there is no other candidate
    (``rules.leader_barred``, the rule every path that sets a leader applies)."""
    previous = previous_leader_id(bloc=bloc, year=year)
    if previous != enterprise_id:
        return
    members = BlocMembership.objects.filter(bloc=bloc, year=year, status=MembershipStatus.ACTIVE)
    if leader_barred(
        enterprise_id=enterprise_id,
        previous_leader_id=previous,
        may_serve_again=effective_rules(bloc, year).leader_consecutive_terms_allowed,
        member_ids=members.values_list("enterprise_id", flat=True),
    ):
        raise ValidationError(
            _(
                "This enterprise led the bloc last year; the regulation does not allow a second consecutive term."
            )
        )


@transaction.atomic
def add_member(
    *,
    bloc: Bloc,
    enterprise: Enterprise,
    year: EmulationYear,
    added_by,
    role: str = MembershipRole.MEMBER,
    decision=None,
) -> BlocMembership:
    _same_board(bloc, enterprise, year)
    ensure_year_open(year)
    if not enterprise.active:
        raise ValidationError(_("An inactive enterprise cannot join a bloc."))
    if BlocMembership.objects.filter(
        enterprise=enterprise, year=year, status=MembershipStatus.ACTIVE
    ).exists():
        raise ValidationError(_("This enterprise is already in a bloc for %(year)s.") % {"year": year.year})
    membership = BlocMembership(
        bloc=bloc,
        enterprise=enterprise,
        year=year,
        role=MembershipRole.MEMBER,
        valid_from=_start_of(year),
        valid_to=datetime.date(year.year, 12, 31),
        decision=decision,
    )
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise ValidationError(
            _("This enterprise is already in a bloc for %(year)s.") % {"year": year.year}
        ) from None
    record_event(
        action="membership.added",
        actor=added_by,
        organization=bloc.organization,
        obj=membership,
        changes={"bloc": bloc.code, "enterprise": enterprise.tax_code, "year": year.year},
    )
    if role != MembershipRole.MEMBER:
        membership = assign_role(membership=membership, role=role, assigned_by=added_by)
    member_added.send(sender=BlocMembership, membership=membership, added_by=added_by)
    return membership


@transaction.atomic
def assign_role(*, membership: BlocMembership, role: str, assigned_by) -> BlocMembership:
    """Make a member the leader or the deputy (the previous holder becomes a plain member), or a member again."""
    membership = (
        BlocMembership.objects.select_for_update(of=("self",)).select_related("bloc", "year").get(pk=membership.pk)
    )
    ensure_year_open(membership.year)
    if membership.status != MembershipStatus.ACTIVE:
        raise ValidationError(_("A withdrawn membership has no role."))
    if role == MembershipRole.LEADER:
        check_leader_rule(bloc=membership.bloc, year=membership.year, enterprise_id=membership.enterprise_id)
    previous_role = membership.role
    if role != MembershipRole.MEMBER:
        holders = BlocMembership.objects.select_for_update().filter(
            bloc=membership.bloc, year=membership.year, status=MembershipStatus.ACTIVE, role=role
        )
        holders.exclude(pk=membership.pk).update(role=MembershipRole.MEMBER)
    membership.role = role
    membership.save(update_fields=["role"])
    record_event(
        action="membership.role_assigned",
        actor=assigned_by,
        organization=membership.bloc.organization,
        obj=membership,
        changes={"role": [previous_role, role]},
    )
    return membership


@transaction.atomic
def withdraw_membership(*, membership: BlocMembership, reason: str, withdrawn_by) -> BlocMembership:
    membership = (
        BlocMembership.objects.select_for_update(of=("self",)).select_related("bloc", "year").get(pk=membership.pk)
    )
    ensure_year_open(membership.year)
    if membership.status != MembershipStatus.ACTIVE:
        raise ValidationError(_("This membership has already ended."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the withdrawal.")})
    membership.status = MembershipStatus.WITHDRAWN
    membership.withdrawal_reason = reason.strip()
    membership.valid_to = timezone.localdate()
    membership.save(update_fields=["status", "withdrawal_reason", "valid_to"])
    record_event(
        action="membership.withdrawn",
        actor=withdrawn_by,
        organization=membership.bloc.organization,
        obj=membership,
        changes={"reason": membership.withdrawal_reason},
    )
    member_withdrawn.send(sender=BlocMembership, membership=membership, withdrawn_by=withdrawn_by)
    return membership
