"""What the nomination services share: the lock, the open-year rule, the transition step and the notice."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.nominations.models import Nomination, NominationTransition
from awards.nominations.states import PAST, next_status
from blocs.enums import YearStatus
from thidua.audit.services import record_event
from thidua.notifications.services import notify

# The kind of every awards notification: emails/award_notice_subject.txt and _body.txt.
NOTICE_KIND = "award_notice"


def lock(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("year", "award_type", "enterprise", "bloc", "organization", "created_by")
        .get(pk=nomination.pk)
    )


def ensure_year_open(year) -> None:
    if year.status != YearStatus.OPEN:
        raise ValidationError(
            _("The year %(year)s is closed and can no longer be changed.") % {"year": year.year},
            code="year_closed",
        )


def ensure_editable(nomination: Nomination) -> None:
    if not nomination.is_editable:
        raise ValidationError(
            _("This nomination is “%(status)s”: its dossier can no longer be changed.")
            % {"status": nomination.get_status_display()},
            code="not_editable",
        )


def path_of(nomination: Nomination) -> str:
    return reverse("nominations:nomination_detail", args=[nomination.pk])


def move(nomination: Nomination, action: str, actor, *, comment: str = "", **changes) -> Nomination:
    """Apply one transition of the table to a locked nomination, log it and audit it."""
    before = nomination.status
    nomination.status = next_status(before, action)
    for name, value in changes.items():
        setattr(nomination, name, value)
    if action == "submit":
        nomination.submitted_at = timezone.now()
        changes["submitted_at"] = nomination.submitted_at
    nomination.save(update_fields=["status", "updated_at", *changes])
    NominationTransition.objects.create(
        nomination=nomination, actor=actor, from_status=before, to_status=nomination.status, comment=comment
    )
    record_event(
        action=f"nomination.{PAST[action]}",
        actor=actor,
        organization=nomination.organization,
        obj=nomination,
        changes={"status": [before, nomination.status], "comment": comment},
    )
    return nomination


def announce(users, nomination: Nomination, message: str) -> None:
    notify(users, kind=NOTICE_KIND, message=message, url=path_of(nomination))
