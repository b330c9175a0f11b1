"""Emulation years: open (optionally copying last year), close. A closed year is read-only."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipRole, MembershipStatus, VotingPurpose, VotingStatus, YearStatus
from blocs.models import BlocMembership, EmulationYear
from blocs.pledges.services import lock_pledges_for_year
from blocs.queries import leader_may_serve_again
from blocs.voting.models import VotingSession
from blocs.year_settings import clean_year_settings, default_year_settings
from thidua.audit.services import record_event


def ensure_year_open(year: EmulationYear) -> None:
    """Every membership, application and election write calls this first (reads the row, not the instance)."""
    if not EmulationYear.objects.filter(pk=year.pk, status=YearStatus.OPEN).exists():
        raise ValidationError(
            _("The year %(year)s is closed and can no longer be changed.") % {"year": year.year}
        )


def _next_roles(previous: EmulationYear, memberships: list[BlocMembership]) -> dict[int, str]:
    """Roles of next year per enterprise id, bloc by bloc.

    A confirmed election of the previous year decides. Without one, roles are copied, except that a leader
    who may not serve two consecutive terms hands over to the deputy (domain.md §3.3).
    """
    roles = {m.enterprise_id: m.role for m in memberships}
    by_bloc: dict[int, list[BlocMembership]] = {}
    for membership in memberships:
        by_bloc.setdefault(membership.bloc_id, []).append(membership)
    elections = {
        session.bloc_id: session
        for session in VotingSession.objects.filter(
            year=previous, purpose=VotingPurpose.ELECTION, status=VotingStatus.RESULT_CONFIRMED
        ).order_by("confirmed_at")
    }
    for bloc_id, members in by_bloc.items():
        session = elections.get(bloc_id)
        if session is not None:
            elected = session.candidates.filter(pk__in=session.result.get("elected", [])).values_list(
                "pk", "enterprise_id"
            )
            order = dict(elected)
            elected_enterprises = [order[pk] for pk in session.result.get("elected", []) if pk in order]
            for member in members:
                roles[member.enterprise_id] = MembershipRole.MEMBER
            for enterprise_id, role in zip(
                elected_enterprises, (MembershipRole.LEADER, MembershipRole.DEPUTY), strict=False
            ):
                if enterprise_id in roles:
                    roles[enterprise_id] = role
            continue
        leader = next((m for m in members if m.role == MembershipRole.LEADER), None)
        deputy = next((m for m in members if m.role == MembershipRole.DEPUTY), None)
        if (
            leader is not None
            and deputy is not None
            and not leader_may_serve_again(bloc=leader.bloc, year=previous)
        ):
            roles[leader.enterprise_id] = MembershipRole.MEMBER
            roles[deputy.enterprise_id] = MembershipRole.LEADER
    return roles


@transaction.atomic
def open_year(*, organization, year: int, opened_by, copy_from: EmulationYear | None = None) -> EmulationYear:
    if EmulationYear.objects.filter(organization=organization, year=year).exists():
        raise ValidationError({"year": _("The year %(year)s already exists.") % {"year": year}})
    if copy_from is not None and copy_from.organization_id != organization.pk:
        raise ValidationError(_("Copy from a year of this Board."))
    settings = dict(copy_from.settings) if copy_from is not None else default_year_settings()
    new_year = EmulationYear.objects.create(organization=organization, year=year, settings=settings)
    copied = 0
    if copy_from is not None:
        memberships = list(
            BlocMembership.objects.filter(
                year=copy_from, status=MembershipStatus.ACTIVE, bloc__active=True, enterprise__active=True
            ).select_related("bloc")
        )
        roles = _next_roles(copy_from, memberships)
        BlocMembership.objects.bulk_create(
            BlocMembership(
                bloc_id=m.bloc_id,
                enterprise_id=m.enterprise_id,
                year=new_year,
                role=roles[m.enterprise_id],
                valid_from=datetime.date(year, 1, 1),
                valid_to=datetime.date(year, 12, 31),
            )
            for m in memberships
        )
        copied = len(memberships)
    record_event(
        action="year.opened",
        actor=opened_by,
        organization=organization,
        obj=new_year,
        changes={"copied_from": copy_from.year if copy_from else None, "memberships": copied},
    )
    return new_year


@transaction.atomic
def close_year(*, year: EmulationYear, closed_by) -> EmulationYear:
    year = EmulationYear.objects.select_for_update().get(pk=year.pk)
    ensure_year_open(year)
    year.status = YearStatus.CLOSED
    year.closed_at = timezone.now()
    year.save(update_fields=["status", "closed_at"])
    lock_pledges_for_year(year=year, locked_by=closed_by)
    record_event(action="year.closed", actor=closed_by, organization=year.organization, obj=year)
    return year


@transaction.atomic
def update_year_settings(*, year: EmulationYear, settings: dict, updated_by) -> EmulationYear:
    """Change some of the year's settings (quorum, thresholds, deadlines, leader rules). A closed year refuses."""
    year = EmulationYear.objects.select_for_update().get(pk=year.pk)
    ensure_year_open(year)
    settings = clean_year_settings(settings)
    before = dict(year.settings)
    year.settings = {**year.settings, **settings}
    year.save(update_fields=["settings"])
    record_event(
        action="year.settings_updated",
        actor=updated_by,
        organization=year.organization,
        obj=year,
        changes={
            key: [before.get(key), value] for key, value in settings.items() if before.get(key) != value
        },
    )
    return year
