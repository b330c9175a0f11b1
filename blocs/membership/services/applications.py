"""An enterprise applies for a year; the Board approves it into a bloc or rejects it with a reason."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import ApplicationStatus, MembershipStatus
from blocs.membership.models import Bloc, BlocMembership, EmulationYear, MembershipApplication
from blocs.membership.services.announcements import (
    announce_application_decided,
    announce_application_received,
)
from blocs.membership.services.members import add_member
from blocs.membership.services.years import ensure_year_open
from blocs.register.models import Enterprise
from thidua.audit.services import record_event


@transaction.atomic
def submit_application(
    *,
    enterprise: Enterprise,
    year: EmulationYear,
    submitted_by,
    preferred_bloc: Bloc | None = None,
    note: str = "",
) -> MembershipApplication:
    if year.organization_id != enterprise.organization_id or (
        preferred_bloc is not None and preferred_bloc.organization_id != enterprise.organization_id
    ):
        raise ValidationError(_("Apply for a year and a bloc of your Board."))
    ensure_year_open(year)
    if BlocMembership.objects.filter(
        enterprise=enterprise, year=year, status=MembershipStatus.ACTIVE
    ).exists():
        raise ValidationError(_("Your enterprise is already in a bloc for %(year)s.") % {"year": year.year})
    application = MembershipApplication(
        enterprise=enterprise,
        year=year,
        preferred_bloc=preferred_bloc,
        note=note,
        status=ApplicationStatus.SUBMITTED,
        submitted_by=submitted_by,
        submitted_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise ValidationError(_("Your enterprise already has a pending application for this year.")) from None
    record_event(
        action="application.submitted",
        actor=submitted_by,
        organization=enterprise.organization,
        obj=application,
        changes={"year": year.year, "preferred_bloc": preferred_bloc.code if preferred_bloc else None},
    )
    announce_application_received(application)
    return application


def _locked_pending(application: MembershipApplication) -> MembershipApplication:
    application = (
        MembershipApplication.objects.select_for_update(of=("self",))
        .select_related("year", "enterprise")
        .get(pk=application.pk)
    )
    ensure_year_open(application.year)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("This application has already been decided."))
    return application


@transaction.atomic
def approve_application(
    *, application: MembershipApplication, bloc: Bloc, decided_by
) -> MembershipApplication:
    application = _locked_pending(application)
    add_member(bloc=bloc, enterprise=application.enterprise, year=application.year, added_by=decided_by)
    application.status = ApplicationStatus.APPROVED
    application.decided_bloc = bloc
    application.decided_by = decided_by
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_bloc", "decided_by", "decided_at"])
    record_event(
        action="application.approved",
        actor=decided_by,
        organization=bloc.organization,
        obj=application,
        changes={"bloc": bloc.code},
    )
    announce_application_decided(application)
    return application


@transaction.atomic
def reject_application(
    *, application: MembershipApplication, reason: str, decided_by
) -> MembershipApplication:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for the rejection.")})
    application = _locked_pending(application)
    application.status = ApplicationStatus.REJECTED
    application.reason = reason.strip()
    application.decided_by = decided_by
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    record_event(
        action="application.rejected",
        actor=decided_by,
        organization=application.enterprise.organization,
        obj=application,
        changes={"reason": application.reason},
    )
    announce_application_decided(application)
    return application


@transaction.atomic
def withdraw_application(*, application: MembershipApplication, withdrawn_by) -> MembershipApplication:
    """The enterprise takes back its application while the Board has not decided it; it may apply again."""
    application = _locked_pending(application)
    application.status = ApplicationStatus.WITHDRAWN
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at"])
    record_event(
        action="application.withdrawn",
        actor=withdrawn_by,
        organization=application.enterprise.organization,
        obj=application,
        changes={"year": application.year.year},
    )
    return application
