"""The Board's blocs themselves (code, name, provincial-flag eligibility)."""

from django.db import transaction

from blocs.membership.models import Bloc
from thidua.audit.changes import apply_changes
from thidua.audit.services import record_event


@transaction.atomic
def create_bloc(*, organization, data: dict, created_by) -> Bloc:
    bloc = Bloc(organization=organization, **data)
    bloc.full_clean()
    bloc.save()
    record_event(action="bloc.created", actor=created_by, organization=organization, obj=bloc, changes=data)
    return bloc


@transaction.atomic
def update_bloc(*, bloc: Bloc, data: dict, updated_by) -> Bloc:
    changes = apply_changes(bloc, data)
    bloc.full_clean()
    bloc.save()
    record_event(
        action="bloc.updated", actor=updated_by, organization=bloc.organization, obj=bloc, changes=changes
    )
    return bloc
