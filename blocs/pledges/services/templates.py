"""Pledge templates: the bloc's pledge for a year, drafted, submitted, returned or approved (which opens a
draft pledge for every member), and the national indicator catalogue they choose targets from."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipStatus
from blocs.membership.models import Bloc, BlocMembership, EmulationYear
from blocs.membership.services import ensure_year_open
from blocs.pledges import fingerprint
from blocs.pledges.catalogue import upsert_catalogue
from blocs.pledges.enums import TemplateStatus
from blocs.pledges.models import Indicator, Pledge, PledgeTemplate
from blocs.pledges.services.announcements import (
    announce_template_approved,
    announce_template_returned,
    announce_template_submitted,
)
from blocs.pledges.services.locks import lock_template
from blocs.pledges.states import AUDIT_VERBS, next_template_status
from thidua.audit.services import record_event


def _clean_commitments(commitments: list[str]) -> list[str]:
    cleaned = [fingerprint.normalise_text(line) for line in commitments]
    return [line for line in cleaned if line]


@transaction.atomic
def ensure_national_indicators() -> int:
    """Create or refresh the national indicator catalogue (domain.md §5.2) as global rows; returns their count.

    Migration 0006 does the same at install time; this keeps it present after a test database flush or in
    a database that was loaded without migrations' data.
    """
    return upsert_catalogue(Indicator)


def _check_indicators(indicators, organization) -> list[Indicator]:
    indicators = list(indicators)
    if not indicators:
        raise ValidationError({"indicators": _("Choose at least one target indicator.")})
    for indicator in indicators:
        if indicator.organization_id not in (None, organization.pk):
            raise ValidationError({"indicators": _("Choose indicators of the catalogue.")})
    return indicators


@transaction.atomic
def create_template(
    *,
    bloc: Bloc,
    year: EmulationYear,
    created_by,
    theme: str,
    joint_text: str,
    commitments: list[str],
    indicators,
    signing_deadline: datetime.date,
) -> PledgeTemplate:
    if bloc.organization_id != year.organization_id:
        raise ValidationError(_("The bloc and the year must belong to the same Board."))
    ensure_year_open(year)
    exists = ValidationError(_("This bloc already has a pledge template for %(year)s.") % {"year": year.year})
    if PledgeTemplate.objects.filter(bloc=bloc, year=year).exists():
        raise exists
    indicators = _check_indicators(indicators, bloc.organization)
    template = PledgeTemplate(
        organization=bloc.organization,
        bloc=bloc,
        year=year,
        theme=fingerprint.normalise_text(theme),
        joint_text=fingerprint.normalise_text(joint_text),
        commitments=_clean_commitments(commitments),
        signing_deadline=signing_deadline,
        created_by=created_by,
    )
    template.full_clean(exclude=["indicators"], validate_constraints=False)
    try:
        with transaction.atomic():
            template.save()
    except IntegrityError:  # another template for this bloc and year committed meanwhile
        raise exists from None
    template.indicators.set(indicators)
    record_event(
        action="pledge_template.created", actor=created_by, organization=bloc.organization, obj=template
    )
    return template


@transaction.atomic
def update_template(
    *,
    template: PledgeTemplate,
    updated_by,
    theme: str,
    joint_text: str,
    commitments: list[str],
    indicators,
    signing_deadline: datetime.date,
) -> PledgeTemplate:
    template = lock_template(template)
    if not template.is_editable:
        raise ValidationError(_("Only a draft or returned template can be edited."))
    ensure_year_open(template.year)
    template.theme = fingerprint.normalise_text(theme)
    template.joint_text = fingerprint.normalise_text(joint_text)
    template.commitments = _clean_commitments(commitments)
    template.signing_deadline = signing_deadline
    template.full_clean(exclude=["indicators"])
    template.save()
    template.indicators.set(_check_indicators(indicators, template.organization))
    record_event(
        action="pledge_template.updated", actor=updated_by, organization=template.organization, obj=template
    )
    return template


def _template_step(template: PledgeTemplate, action: str, actor, **changes) -> PledgeTemplate:
    template = lock_template(template)
    ensure_year_open(template.year)
    template.status = next_template_status(template.status, action)
    for name, value in changes.items():
        setattr(template, name, value)
    template.save()
    record_event(
        action=f"pledge_template.{AUDIT_VERBS[action]}",
        actor=actor,
        organization=template.organization,
        obj=template,
        changes={"status": template.status, **{k: str(v) for k, v in changes.items()}},
    )
    return template


@transaction.atomic
def submit_template(*, template: PledgeTemplate, submitted_by) -> PledgeTemplate:
    template = _template_step(template, "submit", submitted_by, return_reason="")
    announce_template_submitted(template)
    return template


@transaction.atomic
def return_template(*, template: PledgeTemplate, returned_by, reason: str) -> PledgeTemplate:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the template is returned.")})
    template = _template_step(template, "return", returned_by, return_reason=reason.strip())
    announce_template_returned(template)
    return template


@transaction.atomic
def approve_template(*, template: PledgeTemplate, approved_by) -> PledgeTemplate:
    template = _template_step(
        template, "approve", approved_by, approved_by=approved_by, approved_at=timezone.now()
    )
    ensure_member_pledges(template=template)
    announce_template_approved(template)
    return template


def ensure_member_pledges(*, template: PledgeTemplate) -> int:
    """A draft pledge for every active member of the bloc that has none yet (also for late members)."""
    if template.status != TemplateStatus.APPROVED:
        return 0
    have = set(Pledge.objects.filter(template=template).values_list("enterprise_id", flat=True))
    members = BlocMembership.objects.filter(
        bloc=template.bloc, year=template.year, status=MembershipStatus.ACTIVE
    ).values_list("enterprise_id", flat=True)
    missing = [enterprise_id for enterprise_id in members if enterprise_id not in have]
    Pledge.objects.bulk_create(
        Pledge(
            organization_id=template.organization_id,
            template=template,
            enterprise_id=enterprise_id,
            ticked_commitments=list(template.commitments),
        )
        for enterprise_id in missing
    )
    return len(missing)
