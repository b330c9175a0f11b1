"""Signing: the representative signs an accepted version (re-authenticated, fingerprinted, chained), attaches
the scanned paper copy, and the joint pledge is issued once every member has signed or the Board closes
the round."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import MembershipStatus
from blocs.membership.issuers import bloc_issuer, bloc_recipients
from blocs.membership.models import BlocMembership
from blocs.pledges import documents, fingerprint
from blocs.pledges.enums import PledgeStatus, TemplateStatus
from blocs.pledges.models import Pledge, PledgeSignature, PledgeSignatureScan, PledgeTemplate
from blocs.pledges.services.announcements import announce_pledge_signed
from blocs.pledges.services.locks import lock_for_signing, lock_pledge, lock_template
from blocs.pledges.services.versions import _move
from blocs.pledges.states import next_pledge_status
from blocs.register.permissions import is_representative_of
from thidua.accounts.reauth import reauthenticate
from thidua.audit.services import record_event
from thidua.documents.services import issue_document
from thidua.documents.uploads import check_pdf_upload


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
    if not is_representative_of(user, pledge.enterprise):
        raise ValidationError(_("Only the enterprise's representative may sign its pledge."))
    auth_method = reauthenticate(user, password=password, otp_token=otp_token)
    if auth_method is None:
        raise ValidationError(
            {"password": _("Re-authentication failed: check your password and your authenticator code.")}
        )
    title = fingerprint.normalise_text(title)
    if not title:
        raise ValidationError({"title": _("Enter your title as it should appear on the pledge.")})
    with transaction.atomic():
        # The one lock order (``locks``), every lock before the first audit event: the year (serialises the
        # Board's chain of the year), the template, the version this one supersedes, this version.
        year, template, previous, pledge = lock_for_signing(pledge)
        next_pledge_status(pledge.status, "sign")  # refuse before computing anything
        accept_covenant(pledge)
        signed_at = timezone.now()
        content = fingerprint.pledge_content(
            pledge, signer_id=user.pk, signer_name=user.full_name, signer_title=title, signed_at=signed_at
        )
        canonical = fingerprint.canonical_json(content)
        content_hash = fingerprint.sha256_hex(canonical)
        last = (
            PledgeSignature.objects.filter(organization_id=pledge.organization_id, year=year)
            .order_by("-signed_at", "-id")
            .first()
        )
        prev_hash = last.record_hash if last else fingerprint.genesis_hash(pledge.organization_id, year.year)
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
            sha256=content_hash,
            prev_hash=prev_hash,
            record_hash=fingerprint.record_hash(
                prev_hash=prev_hash,
                sha256=content_hash,
                pledge_id=pledge.pk,
                signer_id=user.pk,
                signed_at=signed_at,
                ip=ip,
                auth_method=auth_method,
            ),
        )
        _move(pledge, "sign", user, comment=content_hash, stamp="signed_at")
        announce_pledge_signed(pledge)
        if previous is not None:
            _move(
                previous,
                "supersede",
                user,
                comment=_("Replaced by version %(v)s") % {"v": pledge.version},
            )
        update_joint_pledge(template=template, requested_by=user)
    return signature


def update_joint_pledge(*, template: PledgeTemplate, requested_by):
    """Issue the joint pledge when every member has signed, or issue it again when it already exists (a
    member admitted mid-year or an amended version signed since): the signature table shows every member
    as it stands. Nothing while the leader's representative has not signed (the joint pledge is signed in
    the bloc's name by them). Returns the document issued, or None."""
    if template.joint_document_id is None and not all_members_signed(template):
        return None
    try:
        return issue_joint_pledge(template=template, requested_by=requested_by)
    except ValidationError as exc:
        if exc.code == "leader_not_signed":
            return None
        raise


def accept_covenant(pledge: Pledge) -> None:
    """A joint pledge is a covenant: the member accepts every commitment of the bloc's template, so the
    content it signs (and its fingerprint) holds them all."""
    commitments = list(pledge.template.commitments)
    if pledge.ticked_commitments != commitments:
        pledge.ticked_commitments = commitments
        pledge.save(update_fields=["ticked_commitments"])


@transaction.atomic
def attach_signed_scan(*, pledge: Pledge, user, upload) -> PledgeSignatureScan:
    """Attach (or replace) the scanned signed paper copy of a signed version (domain.md §16.7).

    The scan sits beside the signature: the signed content, its fingerprint and the signature row do not
    change. A PDF of at most 10 MB (extension and ``%PDF-`` magic), stored under a generated name.
    """
    if not is_representative_of(user, pledge.enterprise):
        raise ValidationError(_("Only the enterprise's representative may attach the signed copy."))
    try:
        check_pdf_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.error_list}) from None
    pledge = lock_pledge(pledge)  # then its scan: the one lock order (``locks``)
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


def all_members_signed(template: PledgeTemplate) -> bool:
    """Every active member of the bloc in the template's year has signed its current version (a withdrawn
    member is no longer in the signing set)."""
    members = BlocMembership.objects.filter(
        bloc_id=template.bloc_id, year_id=template.year_id, status=MembershipStatus.ACTIVE
    ).values("enterprise_id")
    signed = Pledge.objects.filter(
        template=template,
        amendment__isnull=True,
        status__in=[PledgeStatus.SIGNED, PledgeStatus.LOCKED],
    ).values("enterprise_id")
    return members.exists() and not members.exclude(enterprise_id__in=signed).exists()


@transaction.atomic
def close_signing(*, template: PledgeTemplate, closed_by):
    """The Board closes the signing round: the joint pledge is issued with those who have signed."""
    template = lock_template(template)
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
    """Issue (or issue again, after an amendment or a new member's signature) the joint pledge: the bloc's
    document, numbered in the bloc's register, signed in its name by the leader's representative, who must
    have signed the pledge first."""
    with transaction.atomic():
        template = lock_template(template)
        if not PledgeSignature.objects.filter(pledge__template=template).exists():
            raise ValidationError(_("Nobody has signed yet."))
        data = documents.joint_pledge_data(template)
        if not data.leader_signed:
            raise ValidationError(
                _(
                    "The bloc leader's representative has not signed the pledge yet: the joint pledge is "
                    "signed in the bloc's name by them, so it is issued once they have signed."
                ),
                code="leader_not_signed",
            )
        document = issue_document(
            organization=template.organization,
            issuer=bloc_issuer(template.bloc),
            kind=documents.KIND,
            doc_type=template.organization.pledge_doc_type,
            title=documents.joint_title(template.bloc.name, template.year.year),
            template_name=documents.TEMPLATE_NAME,
            context=data.context,
            owner=template,
            requested_by=requested_by,
            signer=data.signer,
            recipients=bloc_recipients(template.organization),
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
