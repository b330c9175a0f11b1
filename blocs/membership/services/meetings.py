"""Bloc meetings (launch, mid-year, year-end, extra) kept by the bloc leader or the Board."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.membership.models import Bloc, EmulationYear, Meeting
from blocs.membership.services.years import ensure_year_open
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload


@transaction.atomic
def create_meeting(*, bloc: Bloc, year: EmulationYear, data: dict, created_by) -> Meeting:
    if bloc.organization_id != year.organization_id:
        raise ValidationError(_("The bloc and the year must belong to the same Board."))
    ensure_year_open(year)
    data = dict(data)
    attendees = list(data.pop("attendees", []))
    if data.get("file"):
        check_pdf_upload(data["file"], field="file")
    else:
        data.pop("file", None)
    if any(enterprise.organization_id != bloc.organization_id for enterprise in attendees):
        raise ValidationError({"attendees": _("Attendees must be enterprises of this Board.")})
    meeting = Meeting(bloc=bloc, year=year, created_by=created_by, **data)
    meeting.full_clean(exclude=["created_by"])
    meeting.save()
    meeting.attendees.set(attendees)
    record_event(
        action="meeting.created",
        actor=created_by,
        organization=bloc.organization,
        obj=meeting,
        changes={
            "kind": meeting.kind,
            "date": meeting.date,
            "attendees": len(attendees),
            "minutes_file": bool(meeting.file),
        },
    )
    return meeting
