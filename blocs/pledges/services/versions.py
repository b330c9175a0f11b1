"""Pledge versions: the enterprise fills and submits its pledge, the reviewer returns or accepts it, a signed
version is amended by a new version, the year's close locks the signed ones.

Every status change goes through ``_move`` (the one table of ``states``), logs the transition and writes one
audit event. Signed content is immutable: every edit service refuses a non-editable version.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.membership.models import EmulationYear
from blocs.membership.services import ensure_year_open
from blocs.pledges import fingerprint, reviewers
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.models import (
    EDITABLE_STATUSES,
    Indicator,
    Pledge,
    PledgeTarget,
    PledgeTransition,
    TitleRegistration,
)
from blocs.pledges.services.announcements import announce_pledge_submitted
from blocs.pledges.services.locks import lock_pledge
from blocs.pledges.services.reminders import notify_representatives
from blocs.pledges.states import AUDIT_VERBS, next_pledge_status
from blocs.pledges.titles import check_registrations
from thidua.audit.services import record_event


def _move(pledge: Pledge, action: str, actor, *, comment: str = "", stamp: str | None = None) -> Pledge:
    """Apply one transition of the table to a locked pledge, log it and audit it."""
    before = pledge.status
    pledge.status = next_pledge_status(before, action)
    fields = ["status", "updated_at"]
    if stamp:
        setattr(pledge, stamp, timezone.now())
        fields.append(stamp)
    pledge.save(update_fields=fields)
    PledgeTransition.objects.create(
        pledge=pledge, actor=actor, from_status=before, to_status=pledge.status, comment=comment
    )
    record_event(
        action=f"pledge.{AUDIT_VERBS[action]}",
        actor=actor,
        organization=pledge.organization,
        obj=pledge,
        changes={"status": [before, pledge.status], "version": pledge.version, "comment": comment},
    )
    return pledge


@dataclass(frozen=True)
class TargetInput:
    indicator: Indicator
    value: Decimal | None
    basis: str


@dataclass(frozen=True)
class RegistrationInput:
    subject_kind: str
    name: str
    award_code: str


@transaction.atomic
def update_pledge(
    *,
    pledge: Pledge,
    updated_by,
    targets: list[TargetInput],
    registrations: list[RegistrationInput],
) -> Pledge:
    """Replace the targets and registrations of an editable version. The commitments are the bloc's and
    the member accepts them all (a covenant): they are the template's, never a pick list."""
    pledge = lock_pledge(pledge)
    if pledge.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("This pledge is “%(status)s”: its content can no longer be changed.")
            % {"status": pledge.get_status_display()}
        )
    ensure_year_open(pledge.template.year)
    allowed_indicators = set(pledge.template.indicators.values_list("pk", flat=True))
    for target in targets:
        if target.indicator.pk not in allowed_indicators:
            raise ValidationError(
                _("%(code)s is not an indicator of this pledge.") % {"code": target.indicator.code}
            )
    check_registrations(registrations)
    pledge.ticked_commitments = list(pledge.template.commitments)
    pledge.save(update_fields=["ticked_commitments", "updated_at"])
    pledge.targets.all().delete()
    PledgeTarget.objects.bulk_create(
        PledgeTarget(
            pledge=pledge, indicator=t.indicator, value=t.value, unit=t.indicator.unit, basis=t.basis
        )
        for t in targets
        if t.value is not None
    )
    pledge.registrations.all().delete()
    TitleRegistration.objects.bulk_create(
        TitleRegistration(
            pledge=pledge,
            subject_kind=r.subject_kind,
            name=fingerprint.normalise_text(r.name),
            award_code=r.award_code,
        )
        for r in registrations
        if r.name.strip()
    )
    record_event(
        action="pledge.updated",
        actor=updated_by,
        organization=pledge.organization,
        obj=pledge,
        changes={
            "targets": {t.indicator.code: str(t.value) for t in targets if t.value is not None},
            "registrations": len([r for r in registrations if r.name.strip()]),
        },
    )
    return pledge


@transaction.atomic
def submit_pledge(*, pledge: Pledge, submitted_by) -> Pledge:
    pledge = lock_pledge(pledge)
    ensure_year_open(pledge.template.year)
    required = set(pledge.template.indicators.filter(optional=False).values_list("code", flat=True)) - set(
        pledge.targets.values_list("indicator__code", flat=True)
    )
    if required and pledge.status in EDITABLE_STATUSES:
        raise ValidationError(
            _("Enter a target for every required indicator: %(codes)s.")
            % {"codes": ", ".join(sorted(required))}
        )
    pledge = _move(pledge, "submit", submitted_by, stamp="submitted_at")
    announce_pledge_submitted(pledge)
    return pledge


def _check_reviewer(pledge: Pledge, reviewer) -> None:
    """Conflict of interest first (the clearer message), then the reviewer's authority (``reviewers``)."""
    if reviewers.has_conflict_of_interest(reviewer, pledge):
        raise ValidationError(
            _(
                "You may not accept or return your own enterprise's pledge: the deputy leader of the bloc "
                "or the Board reviews it."
            ),
            code="conflict_of_interest",
        )
    if not reviewers.may_review(reviewer, pledge):
        raise ValidationError(
            _(
                "Only the bloc leader, the deputy for the leader's pledge, or the Board may review this pledge."
            ),
            code="not_reviewer",
        )


@transaction.atomic
def return_pledge(*, pledge: Pledge, returned_by, reason: str) -> Pledge:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the pledge is returned.")})
    pledge = lock_pledge(pledge)
    _check_reviewer(pledge, returned_by)
    ensure_year_open(pledge.template.year)
    pledge.return_reason = reason.strip()
    pledge.save(update_fields=["return_reason"])
    pledge = _move(pledge, "return", returned_by, comment=reason.strip(), stamp="returned_at")
    notify_representatives(
        pledge,
        kind="pledge_returned",
        message=_("Your pledge for %(year)s was returned: %(reason)s")
        % {"year": pledge.template.year.year, "reason": reason.strip()},
    )
    return pledge


@transaction.atomic
def accept_pledge(*, pledge: Pledge, accepted_by) -> Pledge:
    pledge = lock_pledge(pledge)
    _check_reviewer(pledge, accepted_by)
    ensure_year_open(pledge.template.year)
    pledge = _move(pledge, "accept", accepted_by, stamp="accepted_at")
    notify_representatives(
        pledge,
        kind="pledge_accepted",
        message=_("Your pledge for %(year)s was accepted; it can now be signed.")
        % {"year": pledge.template.year.year},
    )
    return pledge


@transaction.atomic
def propose_amendment(*, pledge: Pledge, proposed_by, reason: str) -> Pledge:
    """From a signed version, a new AMENDMENT_DRAFT version with the same content and the reason."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the pledge must be amended.")})
    pledge = lock_pledge(pledge)
    ensure_year_open(pledge.template.year)
    next_pledge_status(pledge.status, "amend")
    if Pledge.objects.filter(previous=pledge).exists():
        raise ValidationError(_("An amendment of this version already exists."))
    new = Pledge.objects.create(
        organization_id=pledge.organization_id,
        template=pledge.template,
        enterprise=pledge.enterprise,
        version=pledge.version + 1,
        previous=pledge,
        status=PledgeStatus.AMENDMENT_DRAFT,
        ticked_commitments=list(pledge.ticked_commitments),
        amendment_reason=reason.strip(),
    )
    PledgeTarget.objects.bulk_create(
        PledgeTarget(pledge=new, indicator_id=t.indicator_id, value=t.value, unit=t.unit, basis=t.basis)
        for t in pledge.targets.all()
    )
    TitleRegistration.objects.bulk_create(
        TitleRegistration(pledge=new, subject_kind=r.subject_kind, name=r.name, award_code=r.award_code)
        for r in pledge.registrations.all()
    )
    PledgeTransition.objects.create(
        pledge=new, actor=proposed_by, from_status="", to_status=new.status, comment=reason.strip()
    )
    record_event(
        action="pledge.amended",
        actor=proposed_by,
        organization=pledge.organization,
        obj=new,
        changes={"from_version": pledge.version, "reason": reason.strip()},
    )
    return new


def lock_pledges_for_year(*, year: EmulationYear, locked_by) -> int:
    """Called when the year closes: every signed version becomes LOCKED (one transition row each)."""
    count = 0
    signed = Pledge.objects.select_for_update(of=("self",)).filter(template__year=year, status=PledgeStatus.SIGNED)
    for pledge in signed.order_by("pk"):  # the one lock order (``locks``): the year is held, then pledges by id
        _move(pledge, "lock", locked_by, stamp="locked_at")
        count += 1
    return count
