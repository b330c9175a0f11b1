"""The bloc's operating regulation (quy chế hoạt động): every version is kept.

The bloc's leader records the version the members agreed to (``propose_regulation``); the Board confirms it
(``confirm_regulation``), and from then on its quorum, threshold, tie rule and leader rule apply, or returns
it with a reason (``return_regulation``). The Board's officers may also record a version the members agreed
to themselves (``adopt_regulation``): it is confirmed at once.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipStatus, RegulationStatus, YearStatus
from blocs.membership.models import Bloc, BlocMembership, BlocRegulation
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload

FIELDS = (
    "adopted_on",
    "quorum_ratio",
    "vote_threshold_ratio",
    "enterprise_report_day",
    "bloc_report_day",
    "leader_consecutive_terms_allowed",
    "tie_rule",
    "text",
)


def _record(*, bloc: Bloc, data: dict, agreed_members, recorded_by, file, status: str) -> BlocRegulation:
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError(
            _("Unknown regulation fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    if file:
        check_pdf_upload(file, field="file")
    agreed = list(agreed_members or [])
    members = set(
        BlocMembership.objects.filter(
            bloc=bloc, status=MembershipStatus.ACTIVE, year__status=YearStatus.OPEN
        ).values_list("enterprise_id", flat=True)
    )
    if any(enterprise.pk not in members for enterprise in agreed):
        raise ValidationError({"agreed_members": _("Tick only members of the bloc.")})
    Bloc.objects.select_for_update().filter(pk=bloc.pk).first()  # serialise version numbers per bloc
    if status == RegulationStatus.PROPOSED and BlocRegulation.objects.filter(
        bloc=bloc, status=RegulationStatus.PROPOSED
    ).exists():
        raise ValidationError(_("A version already awaits the Board's confirmation."))
    latest = BlocRegulation.objects.filter(bloc=bloc).order_by("-version").values_list("version", flat=True)
    regulation = BlocRegulation(
        bloc=bloc, version=(latest.first() or 0) + 1, adopted_by=recorded_by, status=status, **data
    )
    if status == RegulationStatus.CONFIRMED:
        regulation.confirmed_by = recorded_by
        regulation.confirmed_at = timezone.now()
    if file:
        regulation.file = file
    regulation.full_clean(exclude=["adopted_by", "confirmed_by"])
    regulation.save()
    regulation.agreed_members.set(agreed)
    record_event(
        action="regulation.proposed" if status == RegulationStatus.PROPOSED else "regulation.adopted",
        actor=recorded_by,
        organization=bloc.organization,
        obj=regulation,
        changes={
            "bloc": bloc.code,
            "version": regulation.version,
            "quorum_ratio": str(regulation.quorum_ratio),
            "vote_threshold_ratio": str(regulation.vote_threshold_ratio),
            "enterprise_report_day": regulation.enterprise_report_day,
            "bloc_report_day": regulation.bloc_report_day,
            "leader_consecutive_terms_allowed": regulation.leader_consecutive_terms_allowed,
            "tie_rule": regulation.tie_rule,
            "agreed_members": [enterprise.tax_code for enterprise in agreed],
            "file": bool(regulation.file),
        },
    )
    return regulation


@transaction.atomic
def propose_regulation(*, bloc: Bloc, data: dict, agreed_members, proposed_by, file=None) -> BlocRegulation:
    """The bloc's leader records the version its members agreed to (``agreed_members``, on
    ``data["adopted_on"]``); it waits for the Board's confirmation. One pending version at a time."""
    return _record(
        bloc=bloc,
        data=data,
        agreed_members=agreed_members,
        recorded_by=proposed_by,
        file=file,
        status=RegulationStatus.PROPOSED,
    )


@transaction.atomic
def adopt_regulation(*, bloc: Bloc, data: dict, adopted_by, agreed_members=(), file=None) -> BlocRegulation:
    """The Board records version n+1 as agreed by the members: in force at once.

    ``data``: the values of ``FIELDS``; ``file``: the adopted text as an uploaded PDF, or None.
    """
    return _record(
        bloc=bloc,
        data=data,
        agreed_members=agreed_members,
        recorded_by=adopted_by,
        file=file,
        status=RegulationStatus.CONFIRMED,
    )


def _pending(regulation: BlocRegulation) -> BlocRegulation:
    regulation = BlocRegulation.objects.select_for_update(of=("self",)).select_related("bloc").get(pk=regulation.pk)
    if regulation.status != RegulationStatus.PROPOSED:
        raise ValidationError(_("This version does not await the Board's confirmation."))
    return regulation


@transaction.atomic
def confirm_regulation(*, regulation: BlocRegulation, confirmed_by) -> BlocRegulation:
    """The Board confirms the version the members agreed to: it is in force from now on."""
    regulation = _pending(regulation)
    regulation.status = RegulationStatus.CONFIRMED
    regulation.confirmed_by = confirmed_by
    regulation.confirmed_at = timezone.now()
    regulation.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    record_event(
        action="regulation.confirmed",
        actor=confirmed_by,
        organization=regulation.bloc.organization,
        obj=regulation,
        changes={"bloc": regulation.bloc.code, "version": regulation.version},
    )
    return regulation


@transaction.atomic
def return_regulation(*, regulation: BlocRegulation, reason: str, returned_by) -> BlocRegulation:
    regulation = _pending(regulation)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for returning it.")})
    regulation.status = RegulationStatus.REJECTED
    regulation.return_reason = reason.strip()
    regulation.save(update_fields=["status", "return_reason"])
    record_event(
        action="regulation.returned",
        actor=returned_by,
        organization=regulation.bloc.organization,
        obj=regulation,
        changes={"bloc": regulation.bloc.code, "version": regulation.version, "reason": regulation.return_reason},
    )
    return regulation
