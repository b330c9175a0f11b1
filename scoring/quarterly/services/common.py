"""What the services of quarterly reporting share: the year-open rule and the transition step."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import YearStatus
from scoring.quarterly.models import BlocReview, EnterpriseReport, ReportTransition, ReviewTransition
from scoring.quarterly.states import PAST, next_report_status, next_review_status
from thidua.audit.services import record_event

# The kinds of the quarterly notifications (each user chooses its e-mail per kind): the three steps of a
# report or a bloc's review, and the rest (reminders, reopen, waiver, periods). Their e-mail is
# emails/quarterly_notice_subject.txt and _body.txt.
NOTICE_KIND = "quarterly_notice"
SUBMITTED_KIND = "quarterly_submitted"
RETURNED_KIND = "quarterly_returned"
ACCEPTED_KIND = "quarterly_accepted"


def ensure_year_open(year) -> None:
    """Refuse any change to a closed year (``year`` was read in the caller's locked query)."""
    if year.status != YearStatus.OPEN:
        raise ValidationError(
            _("The year %(year)s is closed and can no longer be changed.") % {"year": year.year},
            code="year_closed",
        )


def move_report(
    report: EnterpriseReport, action: str, actor, *, comment: str = "", stamp: str | None = None, **changes
) -> EnterpriseReport:
    """Apply one transition of the table to a locked report, log it and audit it."""
    before = report.status
    report.status = next_report_status(before, action)
    fields = ["status", "updated_at", *changes]
    for name, value in changes.items():
        setattr(report, name, value)
    if stamp:
        setattr(report, stamp, timezone.now())
        fields.append(stamp)
    report.save(update_fields=fields)
    ReportTransition.objects.create(
        report=report, actor=actor, from_status=before, to_status=report.status, comment=comment
    )
    record_event(
        action=f"enterprise_report.{PAST[action]}",
        actor=actor,
        actor_label="" if actor is not None else "beat",
        organization=report.organization,
        obj=report,
        changes={
            "status": [before, report.status],
            "comment": comment,
            **{k: str(v) for k, v in changes.items()},
        },
    )
    return report


def move_review(
    review: BlocReview, action: str, actor, *, comment: str = "", stamp: str | None = None, **changes
) -> BlocReview:
    before = review.status
    review.status = next_review_status(before, action)
    fields = ["status", "updated_at", *changes]
    for name, value in changes.items():
        setattr(review, name, value)
    if stamp:
        setattr(review, stamp, timezone.now())
        fields.append(stamp)
    review.save(update_fields=fields)
    ReviewTransition.objects.create(
        review=review, actor=actor, from_status=before, to_status=review.status, comment=comment
    )
    record_event(
        action=f"bloc_review.{PAST[action]}",
        actor=actor,
        organization=review.organization,
        obj=review,
        changes={
            "status": [before, review.status],
            "comment": comment,
            **{k: str(v) for k, v in changes.items()},
        },
    )
    return review
