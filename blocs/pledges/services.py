"""Every write of the pledges: templates, pledge versions, transitions, signing, amendments, reminders, PDF.

Each service is keyword-only, atomic, moves status only through ``states`` (one table), logs the transition
and writes one audit event. Signed content is immutable: every edit service refuses a non-editable version.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import EnterpriseRole, MembershipRole, MembershipStatus, YearStatus
from blocs.models import Bloc, BlocMembership, EmulationYear, Enterprise, EnterpriseUser
from blocs.pledges import documents, reviewers, signing
from blocs.pledges.catalogue import upsert_catalogue
from blocs.pledges.enums import PledgeStatus, TemplateStatus
from blocs.pledges.models import (
    EDITABLE_STATUSES,
    Indicator,
    Notification,
    Pledge,
    PledgeReminder,
    PledgeSignature,
    PledgeSignatureScan,
    PledgeTarget,
    PledgeTemplate,
    PledgeTransition,
    TitleRegistration,
)
from blocs.pledges.states import next_pledge_status, next_template_status
from thidua.audit.services import record_event
from thidua.documents.services import issue_document
from thidua.documents.uploads import check_pdf_upload


def _ensure_year_open(year: EmulationYear) -> None:
    if not EmulationYear.objects.filter(pk=year.pk, status=YearStatus.OPEN).exists():
        raise ValidationError(
            _("The year %(year)s is closed and can no longer be changed.") % {"year": year.year}
        )


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------
def _clean_commitments(commitments: list[str]) -> list[str]:
    cleaned = [signing.normalise_text(line) for line in commitments]
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
    _ensure_year_open(year)
    if PledgeTemplate.objects.filter(bloc=bloc, year=year).exists():
        raise ValidationError(
            _("This bloc already has a pledge template for %(year)s.") % {"year": year.year}
        )
    indicators = _check_indicators(indicators, bloc.organization)
    template = PledgeTemplate(
        organization=bloc.organization,
        bloc=bloc,
        year=year,
        theme=signing.normalise_text(theme),
        joint_text=signing.normalise_text(joint_text),
        commitments=_clean_commitments(commitments),
        signing_deadline=signing_deadline,
        created_by=created_by,
    )
    template.full_clean(exclude=["indicators"])
    template.save()
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
    template = PledgeTemplate.objects.select_for_update().get(pk=template.pk)
    if not template.is_editable:
        raise ValidationError(_("Only a draft or returned template can be edited."))
    _ensure_year_open(template.year)
    template.theme = signing.normalise_text(theme)
    template.joint_text = signing.normalise_text(joint_text)
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
    template = PledgeTemplate.objects.select_for_update().get(pk=template.pk)
    _ensure_year_open(template.year)
    template.status = next_template_status(template.status, action)
    for name, value in changes.items():
        setattr(template, name, value)
    template.save()
    record_event(
        action=f"pledge_template.{action}",
        actor=actor,
        organization=template.organization,
        obj=template,
        changes={"status": template.status, **{k: str(v) for k, v in changes.items()}},
    )
    return template


@transaction.atomic
def submit_template(*, template: PledgeTemplate, submitted_by) -> PledgeTemplate:
    return _template_step(template, "submit", submitted_by, return_reason="")


@transaction.atomic
def return_template(*, template: PledgeTemplate, returned_by, reason: str) -> PledgeTemplate:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the template is returned.")})
    return _template_step(template, "return", returned_by, return_reason=reason.strip())


@transaction.atomic
def approve_template(*, template: PledgeTemplate, approved_by) -> PledgeTemplate:
    template = _template_step(
        template, "approve", approved_by, approved_by=approved_by, approved_at=timezone.now()
    )
    ensure_member_pledges(template=template)
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
        Pledge(organization_id=template.organization_id, template=template, enterprise_id=enterprise_id)
        for enterprise_id in missing
    )
    return len(missing)


# ---------------------------------------------------------------------------
# Pledge versions
# ---------------------------------------------------------------------------
def _lock(pledge: Pledge) -> Pledge:
    return Pledge.objects.select_for_update().select_related("template__year", "enterprise").get(pk=pledge.pk)


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
        action=f"pledge.{action}",
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
    ticked_commitments: list[str],
    registrations: list[RegistrationInput],
) -> Pledge:
    """Replace the targets, ticked commitments and registrations of an editable version."""
    pledge = _lock(pledge)
    if pledge.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("This pledge is “%(status)s”: its content can no longer be changed.")
            % {"status": pledge.get_status_display()}
        )
    _ensure_year_open(pledge.template.year)
    allowed_indicators = set(pledge.template.indicators.values_list("pk", flat=True))
    allowed_commitments = list(pledge.template.commitments)
    for target in targets:
        if target.indicator.pk not in allowed_indicators:
            raise ValidationError(
                _("%(code)s is not an indicator of this pledge.") % {"code": target.indicator.code}
            )
    unknown = [c for c in ticked_commitments if c not in allowed_commitments]
    if unknown:
        raise ValidationError(_("Tick only the commitments of the bloc's template."))
    pledge.ticked_commitments = [c for c in allowed_commitments if c in ticked_commitments]
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
            name=signing.normalise_text(r.name),
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
            "commitments": len(pledge.ticked_commitments),
            "registrations": len([r for r in registrations if r.name.strip()]),
        },
    )
    return pledge


@transaction.atomic
def submit_pledge(*, pledge: Pledge, submitted_by) -> Pledge:
    pledge = _lock(pledge)
    _ensure_year_open(pledge.template.year)
    required = set(pledge.template.indicators.filter(optional=False).values_list("code", flat=True)) - set(
        pledge.targets.values_list("indicator__code", flat=True)
    )
    if required and pledge.status in EDITABLE_STATUSES:
        raise ValidationError(
            _("Enter a target for every required indicator: %(codes)s.")
            % {"codes": ", ".join(sorted(required))}
        )
    return _move(pledge, "submit", submitted_by, stamp="submitted_at")


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
    pledge = _lock(pledge)
    _check_reviewer(pledge, returned_by)
    _ensure_year_open(pledge.template.year)
    pledge.return_reason = reason.strip()
    pledge.save(update_fields=["return_reason"])
    pledge = _move(pledge, "return", returned_by, comment=reason.strip(), stamp="returned_at")
    _notify_enterprise(
        pledge,
        _("Your pledge for %(year)s was returned: %(reason)s")
        % {"year": pledge.template.year.year, "reason": reason.strip()},
    )
    return pledge


@transaction.atomic
def accept_pledge(*, pledge: Pledge, accepted_by) -> Pledge:
    pledge = _lock(pledge)
    _check_reviewer(pledge, accepted_by)
    _ensure_year_open(pledge.template.year)
    pledge = _move(pledge, "accept", accepted_by, stamp="accepted_at")
    _notify_enterprise(
        pledge,
        _("Your pledge for %(year)s was accepted; it can now be signed.")
        % {"year": pledge.template.year.year},
    )
    return pledge


def is_representative(user, enterprise: Enterprise) -> bool:
    return EnterpriseUser.objects.filter(
        user=user, enterprise=enterprise, role=EnterpriseRole.REPRESENTATIVE
    ).exists()


def sign_pledge(
    *,
    pledge: Pledge,
    user,
    password: str,
    otp_token: str = "",
    title: str,
    ip: str | None = None,
    user_agent: str = "",
) -> PledgeSignature:
    """Re-authenticate, fingerprint the exact content, store the signature; at most one per version."""
    if not is_representative(user, pledge.enterprise):
        raise ValidationError(_("Only the enterprise's representative may sign its pledge."))
    auth_method = signing.reauthenticate(user, password=password, otp_token=otp_token)
    if auth_method is None:
        raise ValidationError(
            {"password": _("Re-authentication failed: check your password and your authenticator code.")}
        )
    title = signing.normalise_text(title)
    if not title:
        raise ValidationError({"title": _("Enter your title as it should appear on the pledge.")})
    with transaction.atomic():
        pledge = _lock(pledge)
        _ensure_year_open(pledge.template.year)
        next_pledge_status(pledge.status, "sign")  # refuse before computing anything
        year = EmulationYear.objects.select_for_update().get(
            pk=pledge.template.year_id
        )  # serialises the chain
        signed_at = timezone.now()
        content = signing.pledge_content(
            pledge, signer_id=user.pk, signer_name=user.full_name, signer_title=title, signed_at=signed_at
        )
        canonical = signing.canonical_json(content)
        fingerprint = signing.sha256_hex(canonical)
        last = (
            PledgeSignature.objects.filter(organization_id=pledge.organization_id, year=year)
            .order_by("-signed_at", "-id")
            .first()
        )
        prev_hash = last.record_hash if last else signing.genesis_hash(pledge.organization_id, year.year)
        ip = ip or None
        signature = PledgeSignature.objects.create(
            pledge=pledge,
            organization_id=pledge.organization_id,
            year=year,
            signer=user,
            signer_name=user.full_name,
            signer_title=title,
            signed_at=signed_at,
            ip=ip,
            user_agent=(user_agent or "")[:500],
            auth_method=auth_method,
            canonical_json=canonical,
            sha256=fingerprint,
            prev_hash=prev_hash,
            record_hash=signing.record_hash(
                prev_hash=prev_hash,
                sha256=fingerprint,
                pledge_id=pledge.pk,
                signer_id=user.pk,
                signed_at=signed_at,
                ip=ip,
                auth_method=auth_method,
            ),
        )
        _move(pledge, "sign", user, comment=fingerprint, stamp="signed_at")
        if pledge.previous_id is not None:
            _move(
                _lock(pledge.previous),
                "supersede",
                user,
                comment=_("Replaced by version %(v)s") % {"v": pledge.version},
            )
        template = pledge.template
        if template.joint_document_id is None and all_members_signed(template):
            issue_joint_pledge(template=template, requested_by=user)
    return signature


@transaction.atomic
def attach_signed_scan(*, pledge: Pledge, user, upload) -> PledgeSignatureScan:
    """Attach (or replace) the scanned signed paper copy of a signed version (domain.md §16.7).

    The scan sits beside the signature: the signed content, its fingerprint and the signature row do not
    change. A PDF of at most 10 MB (extension and ``%PDF-`` magic), stored under a generated name.
    """
    if not is_representative(user, pledge.enterprise):
        raise ValidationError(_("Only the enterprise's representative may attach the signed copy."))
    try:
        check_pdf_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.error_list}) from None
    pledge = _lock(pledge)
    if pledge.status != PledgeStatus.SIGNED:
        raise ValidationError(
            _("A scanned copy can only be attached to a signed version that is not locked or superseded.")
        )
    signature = PledgeSignature.objects.get(pledge=pledge)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    scan = PledgeSignatureScan.objects.select_for_update().filter(signature=signature).first()
    replaced = scan.sha256 if scan else ""
    if scan is None:
        scan = PledgeSignatureScan(signature=signature)
    scan.file = upload
    scan.size = upload.size
    scan.sha256 = digest.hexdigest()
    scan.uploaded_by = user
    scan.uploaded_at = timezone.now()
    scan.save()
    record_event(
        action="pledge.scan_attached",
        actor=user,
        organization=pledge.organization,
        obj=pledge,
        changes={"sha256": scan.sha256, "size": scan.size, "replaced": replaced},
    )
    return scan


@transaction.atomic
def propose_amendment(*, pledge: Pledge, proposed_by, reason: str) -> Pledge:
    """From a signed version, a new AMENDMENT_DRAFT version with the same content and the reason."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the pledge must be amended.")})
    pledge = _lock(pledge)
    _ensure_year_open(pledge.template.year)
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
        action="pledge.amend",
        actor=proposed_by,
        organization=pledge.organization,
        obj=new,
        changes={"from_version": pledge.version, "reason": reason.strip()},
    )
    return new


def lock_pledges_for_year(*, year: EmulationYear, locked_by) -> int:
    """Called when the year closes: every signed version becomes LOCKED (one transition row each)."""
    count = 0
    for pledge in Pledge.objects.select_for_update().filter(template__year=year, status=PledgeStatus.SIGNED):
        _move(pledge, "lock", locked_by, stamp="locked_at")
        count += 1
    return count


# ---------------------------------------------------------------------------
# Signing round and the joint pledge PDF
# ---------------------------------------------------------------------------
def all_members_signed(template: PledgeTemplate) -> bool:
    current = Pledge.objects.filter(template=template, amendment__isnull=True)
    return (
        current.exists()
        and not current.exclude(status__in=[PledgeStatus.SIGNED, PledgeStatus.LOCKED]).exists()
    )


@transaction.atomic
def close_signing(*, template: PledgeTemplate, closed_by):
    """The Board closes the signing round: the joint pledge is issued with those who have signed."""
    template = PledgeTemplate.objects.select_for_update().get(pk=template.pk)
    if template.status != TemplateStatus.APPROVED:
        raise ValidationError(_("Only an approved template has a signing round."))
    if template.signing_closed_at is not None:
        raise ValidationError(_("Signing is already closed."))
    if not PledgeSignature.objects.filter(pledge__template=template).exists():
        raise ValidationError(_("Nobody has signed yet."))
    template.signing_closed_at = timezone.now()
    template.save(update_fields=["signing_closed_at"])
    record_event(
        action="pledge_template.signing_closed",
        actor=closed_by,
        organization=template.organization,
        obj=template,
    )
    return issue_joint_pledge(template=template, requested_by=closed_by)


def issue_joint_pledge(*, template: PledgeTemplate, requested_by):
    """Issue (or issue again, after an amendment) the joint pledge through the documents pipeline."""
    with transaction.atomic():
        template = (
            PledgeTemplate.objects.select_for_update()
            .select_related("bloc", "year", "organization")
            .get(pk=template.pk)
        )
        if not PledgeSignature.objects.filter(pledge__template=template).exists():
            raise ValidationError(_("Nobody has signed yet."))
        data = documents.joint_pledge_data(template)
        document = issue_document(
            organization=template.organization,
            kind=documents.KIND,
            doc_type=documents.DOC_TYPE,
            title=documents.joint_title(template.bloc.name, template.year.year),
            template_name=documents.TEMPLATE_NAME,
            context=data.context,
            owner=template,
            requested_by=requested_by,
            signer=data.signer,
            recipients=documents.RECIPIENTS,
        )
        template.joint_document = document
        template.save(update_fields=["joint_document"])
        record_event(
            action="pledge_template.joint_issued",
            actor=requested_by,
            organization=template.organization,
            obj=template,
            changes={"document": document.number_and_symbol},
        )
    return document


# ---------------------------------------------------------------------------
# Notifications and reminders
# ---------------------------------------------------------------------------
def _representatives(enterprise_id: int):
    return EnterpriseUser.objects.filter(
        enterprise_id=enterprise_id, role=EnterpriseRole.REPRESENTATIVE, user__is_active=True
    ).select_related("user")


def _notify_enterprise(pledge: Pledge, message: str) -> None:
    url = reverse("pledges:pledge_detail", args=[pledge.pk])
    Notification.objects.bulk_create(
        Notification(user=link.user, message=message[:500], url=url)
        for link in _representatives(pledge.enterprise_id)
    )


# Steps at which the enterprise must act (SUBMITTED waits for the leader).
REMINDER_STEPS = (
    PledgeStatus.DRAFT,
    PledgeStatus.AMENDMENT_DRAFT,
    PledgeStatus.RETURNED,
    PledgeStatus.ACCEPTED,
)


def send_due_reminders(*, today: datetime.date | None = None) -> int:
    """Remind representatives whose pledge waits for them, N days before the deadline; once per step."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.PLEDGE_REMINDER_DAYS)
    due = Pledge.objects.filter(
        template__status=TemplateStatus.APPROVED,
        template__signing_closed_at__isnull=True,
        template__signing_deadline__gte=today,
        template__signing_deadline__lte=horizon,
        template__year__status=YearStatus.OPEN,
        amendment__isnull=True,
        status__in=REMINDER_STEPS,
    ).select_related("template__year", "template__bloc", "enterprise")
    sent = 0
    for pledge in due:
        try:
            with transaction.atomic():
                PledgeReminder.objects.create(pledge=pledge, step=pledge.status)
                _remind(pledge)
        except IntegrityError:
            continue  # already reminded at this step
        sent += 1
    return sent


def _remind(pledge: Pledge) -> None:
    context = {
        "pledge": pledge,
        "deadline": pledge.template.signing_deadline,
        "step": pledge.get_status_display(),
        "url": reverse("pledges:pledge_detail", args=[pledge.pk]),
    }
    message = _("Reminder: your pledge for %(year)s (%(step)s) is due by %(deadline)s.") % {
        "year": pledge.template.year.year,
        "step": context["step"],
        "deadline": pledge.template.signing_deadline.strftime("%d/%m/%Y"),
    }
    users = [link.user for link in _representatives(pledge.enterprise_id)]
    emailed = _notify_users(
        users, message=message, path=context["url"], mail="pledge_reminder", context=context
    )
    record_event(
        action="pledge.reminded",
        organization=pledge.organization,
        obj=pledge,
        actor_label="beat",
        changes={"step": pledge.status, "recipients": emailed},
    )


def _notify_users(users: list, *, message: str, path: str, mail: str, context: dict) -> int:
    """An in-app notification for each user and, once the transaction commits, one e-mail from the
    ``emails/<mail>_subject.txt`` / ``_body.txt`` templates; returns how many addresses it goes to."""
    Notification.objects.bulk_create(
        Notification(user=user, message=message[:500], url=path) for user in users
    )
    subject = render_to_string(f"emails/{mail}_subject.txt", context).strip()
    body = render_to_string(f"emails/{mail}_body.txt", context)
    emails = [user.email for user in users if user.email]
    if emails:
        transaction.on_commit(lambda: send_mail(subject, body, None, emails))
    return len(emails)


def send_review_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind the reviewers of pledges SUBMITTED more than ``PLEDGE_REVIEW_REMINDER_DAYS`` days ago: the
    leader's representatives, or the deputy's for the leader's own pledge. Once per submission: the
    (pledge, SUBMITTED) row is created at the first reminder and moved forward only after a new submission."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PLEDGE_REVIEW_REMINDER_DAYS)
    waiting = Pledge.objects.filter(
        status=PledgeStatus.SUBMITTED,
        submitted_at__lte=cutoff,
        template__year__status=YearStatus.OPEN,
        amendment__isnull=True,
    ).select_related("template__year", "template__bloc", "enterprise")
    sent = 0
    for pledge in waiting:
        recipients = reviewers.reviewer_users(pledge)
        if not recipients:
            continue  # the leader's pledge in a bloc without a deputy: the Board's progress page shows it
        with transaction.atomic():
            moved = PledgeReminder.objects.filter(
                pledge=pledge, step=PledgeStatus.SUBMITTED, sent_at__lt=pledge.submitted_at
            ).update(sent_at=now)
            if not moved:
                try:
                    with transaction.atomic():
                        PledgeReminder.objects.create(pledge=pledge, step=PledgeStatus.SUBMITTED)
                except IntegrityError:
                    continue  # already reminded for this submission
            _remind_reviewers(pledge, recipients, now=now)
        sent += 1
    return sent


def _remind_reviewers(pledge: Pledge, recipients: list, *, now: datetime.datetime) -> None:
    days = (now - pledge.submitted_at).days
    path = reverse("pledges:pledge_detail", args=[pledge.pk])
    context = {"pledge": pledge, "days": days, "url": f"{settings.SITE_URL}{path}"}
    message = _(
        "Reminder: the pledge of %(enterprise)s for %(year)s has been waiting for your review for %(days)s days."
    ) % {"enterprise": pledge.enterprise.name, "year": pledge.template.year.year, "days": days}
    _notify_users(recipients, message=message, path=path, mail="pledge_review_reminder", context=context)
    record_event(
        action="pledge.review_reminded",
        organization=pledge.organization,
        obj=pledge,
        actor_label="beat",
        changes={"step": PledgeStatus.SUBMITTED, "days": days, "recipients": len(recipients)},
    )


@transaction.atomic
def mark_notifications_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def leader_of(template: PledgeTemplate) -> BlocMembership | None:
    return (
        BlocMembership.objects.filter(
            bloc=template.bloc, year=template.year, role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE
        )
        .select_related("enterprise")
        .first()
    )
