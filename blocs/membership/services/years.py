"""Emulation years: open (optionally copying last year), close, settings. A closed year is read-only."""

import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipRole, MembershipStatus, YearStatus
from blocs.membership.models import BlocMembership, Election, EmulationYear
from blocs.membership.queries import chosen_enterprises, confirmed_elections, current_regulations
from blocs.membership.rules import (
    clean_year_settings,
    default_year_settings,
    merge_rules,
    roles_for_next_term,
)
from blocs.membership.signals import year_closed, year_closing
from thidua.audit.services import record_event


def ensure_year_open(year: EmulationYear) -> None:
    """Every write of a year's records calls this first (reads the row, not the instance)."""
    if not EmulationYear.objects.filter(pk=year.pk, status=YearStatus.OPEN).exists():
        raise ValidationError(
            _("The year %(year)s is closed and can no longer be changed.") % {"year": year.year}
        )


def lock_open_year(year: EmulationYear | int) -> EmulationYear:
    """Lock the year's row (FOR NO KEY UPDATE: rows that merely reference the year are not held up) and
    refuse a closed year. The first lock of every write that must not interleave with another write of the
    same year (issuing its consolidation decision, a pledge signature's chain) or with its close; always
    taken before any lock of the year's records (``blocs.pledges.services.locks`` gives the order)."""
    pk = year if isinstance(year, int) else year.pk
    locked = EmulationYear.objects.select_for_update(no_key=True).get(pk=pk)
    if locked.status != YearStatus.OPEN:
        raise ValidationError(
            _("The year %(year)s is closed and can no longer be changed.") % {"year": locked.year}
        )
    return locked


def _next_roles(
    previous: EmulationYear,
    memberships: list[BlocMembership],
    *,
    year: int,
    next_settings: dict,
    elected: dict,
) -> dict[int, str]:
    """Roles of the new ``year`` per enterprise id, bloc by bloc (``rules.roles_for_next_term``): the term
    rotates, then the confirmed elections for ``year`` (``elected``, by bloc) decide their offices. When the
    new year does not follow ``previous`` directly, nobody would serve a second consecutive term. A constant
    number of queries whatever the number of blocs."""
    by_bloc: dict[int, list[BlocMembership]] = {}
    for membership in memberships:
        by_bloc.setdefault(membership.bloc_id, []).append(membership)
    regulations = current_regulations(by_bloc)
    roles: dict[int, str] = {}
    for bloc_id, members in by_bloc.items():
        current = {m.enterprise_id: m.role for m in members}
        leader = next((e for e, role in current.items() if role == MembershipRole.LEADER), None)
        rules = merge_rules(regulations.get(bloc_id), next_settings)
        roles.update(
            roles_for_next_term(
                member_ids=list(current),
                current_roles=current,
                elected=chosen_enterprises(elected.get(bloc_id)),
                previous_leader_id=leader if previous.year == year - 1 else None,
                may_serve_again=rules.leader_consecutive_terms_allowed,
                deputy_takes_over=rules.deputy_is_default_leader_candidate,
            )
        )
    return roles


@transaction.atomic
def open_year(*, organization, year: int, opened_by, copy_from: EmulationYear | None = None) -> EmulationYear:
    """Open ``year`` for the Board, copying the active memberships of ``copy_from`` with next term's roles.

    Two openings of one year at once: the unique constraint makes the second wait for the first and then
    refuse with the same message as when the year already existed (never an IntegrityError). A constant
    number of queries whatever the number of blocs and members (bulk reads and one bulk insert)."""
    exists = ValidationError({"year": _("The year %(year)s already exists.") % {"year": year}})
    if EmulationYear.objects.filter(organization=organization, year=year).exists():
        raise exists
    if copy_from is not None and copy_from.organization_id != organization.pk:
        raise ValidationError(_("Copy from a year of this Board."))
    settings = dict(copy_from.settings) if copy_from is not None else default_year_settings()
    try:
        with transaction.atomic():
            new_year = EmulationYear.objects.create(organization=organization, year=year, settings=settings)
    except IntegrityError:  # another opening of this year committed meanwhile (one_year_per_board)
        raise exists from None
    elected = confirmed_elections(organization.pk, year)
    copied = 0
    if copy_from is not None:
        memberships = list(
            BlocMembership.objects.filter(
                year=copy_from, status=MembershipStatus.ACTIVE, bloc__active=True, enterprise__active=True
            ).order_by("bloc_id", "id")
        )
        roles = _next_roles(
            copy_from, memberships, year=year, next_settings=settings, elected=elected
        )
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
        # The confirmed elections for this year are now applied (by the same rule as from their page).
        Election.objects.filter(
            pk__in=[election.pk for offices in elected.values() for election in offices.values()],
            applied_to__isnull=True,
        ).update(applied_to=new_year, applied_at=timezone.now(), applied_by=opened_by)
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
    """Close the year: it becomes read-only. The apps above make their records of the year read-only too,
    through ``signals.year_closing`` (the membership calls no feature above it)."""
    year = EmulationYear.objects.select_for_update().get(pk=year.pk)
    ensure_year_open(year)
    year.status = YearStatus.CLOSED
    year.closed_at = timezone.now()
    year.save(update_fields=["status", "closed_at"])
    year_closing.send(sender=EmulationYear, year=year, closed_by=closed_by)
    record_event(action="year.closed", actor=closed_by, organization=year.organization, obj=year)
    transaction.on_commit(partial(year_closed.send, sender=EmulationYear, year=year, closed_by=closed_by))
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
