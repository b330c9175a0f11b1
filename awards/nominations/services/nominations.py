"""Nominations from proposal to the council: propose, edit, the dossier's documents, the Board's flag for a
subject under investigation, submit (eligibility, dossier and quotas checked), review, return, send to the
council (eligibility and quotas checked again)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.catalogue.permissions import can_manage_awards
from awards.enums import DecidingLevel, DocumentType, SubjectKind
from awards.nominations import permissions
from awards.nominations.eligibility import Evaluation, evaluate
from awards.nominations.enums import ProposedBy
from awards.nominations.models import FINAL_STATUSES, DossierDocument, Nomination
from awards.nominations.queries import bloc_of, board_managers, eligibility_facts, proposer_users
from awards.nominations.services.common import announce, ensure_editable, ensure_year_open, lock, move
from blocs.membership.models import EmulationYear
from blocs.membership.queries import led_bloc_ids
from blocs.register.permissions import is_representative_of
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload

MAX_ACHIEVEMENT = 2_000
FIELDS = ("subject_name", "position", "direct_worker", "achievement")


def _clean_subject(award_type, subject_kind: str, values: dict) -> dict:
    errors = {}
    if award_type.deciding_level not in (DecidingLevel.BOARD, DecidingLevel.PROVINCE):
        errors["award_type"] = _(
            "An enterprise's own titles are decided by its director, not nominated here."
        )
    elif not award_type.admits(subject_kind):
        errors["subject_kind"] = _("%(award)s is not given to this kind of subject.") % {
            "award": award_type.short_name
        }
    name = (values.get("subject_name") or "").strip()
    if subject_kind == SubjectKind.ENTERPRISE:
        name = ""
    elif not name:
        errors["subject_name"] = _("Name the sub-unit or the person.")
    achievement = (values.get("achievement") or "").strip()
    if not achievement:
        errors["achievement"] = _("Describe the achievement.")
    elif len(achievement) > MAX_ACHIEVEMENT:
        errors["achievement"] = _("At most %(n)d characters.") % {"n": MAX_ACHIEVEMENT}
    if errors:
        raise ValidationError(errors)
    individual = subject_kind == SubjectKind.INDIVIDUAL
    return {
        "subject_name": name,
        "position": (values.get("position") or "").strip() if individual else "",
        "direct_worker": bool(values.get("direct_worker")) and individual,
        "achievement": achievement,
    }


def _origin(user, enterprise, bloc_id) -> str:
    """Who proposes: the Board's officers, the bloc's leader for a member, or the enterprise's representative."""
    if can_manage_awards(user):
        return ProposedBy.BOARD
    if bloc_id is not None and bloc_id in led_bloc_ids(user) and not is_representative_of(user, enterprise):
        return ProposedBy.BLOC
    if is_representative_of(user, enterprise):
        return ProposedBy.ENTERPRISE
    if bloc_id is not None and bloc_id in led_bloc_ids(user):
        return ProposedBy.BLOC
    raise ValidationError(
        _("You may propose only your own enterprise or the members of the bloc you lead."),
        code="not_proposer",
    )


@transaction.atomic
def propose_nomination(
    *, year: EmulationYear, award_type, subject_kind: str, enterprise, proposed_by, **values
) -> Nomination:
    """A new nomination (PROPOSED) of ``enterprise``, one of its sub-units or one of its people."""
    if (
        year.organization_id != enterprise.organization_id
        or proposed_by.organization_id != year.organization_id
    ):
        raise ValidationError(_("Choose an enterprise of the Board."), code="other_board")
    ensure_year_open(year)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields: {sorted(unknown)}")
    cleaned = _clean_subject(award_type, subject_kind, values)
    bloc_id = bloc_of(enterprise.pk, year)
    origin = _origin(proposed_by, enterprise, bloc_id)
    nomination = Nomination.objects.create(
        organization_id=year.organization_id,
        year=year,
        award_type=award_type,
        subject_kind=subject_kind,
        enterprise=enterprise,
        bloc_id=bloc_id,
        proposed_by=origin,
        created_by=proposed_by,
        **cleaned,
    )
    record_event(
        action="nomination.proposed",
        actor=proposed_by,
        organization=year.organization,
        obj=nomination,
        changes={
            "award_type": award_type.code,
            "subject_kind": subject_kind,
            "enterprise": enterprise.tax_code,
            "subject_name": cleaned["subject_name"],
            "proposed_by": origin,
        },
    )
    return nomination


@transaction.atomic
def update_nomination(*, nomination: Nomination, updated_by, **values) -> Nomination:
    nomination = lock(nomination)
    ensure_year_open(nomination.year)
    ensure_editable(nomination)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields: {sorted(unknown)}")
    merged = {name: getattr(nomination, name) for name in FIELDS} | values
    cleaned = _clean_subject(nomination.award_type, nomination.subject_kind, merged)
    changed = {
        name: [getattr(nomination, name), value]
        for name, value in cleaned.items()
        if getattr(nomination, name) != value
    }
    if changed:
        for name, (_old, new) in changed.items():
            setattr(nomination, name, new)
        nomination.save(update_fields=[*changed, "updated_at"])
        record_event(
            action="nomination.changed",
            actor=updated_by,
            organization=nomination.organization,
            obj=nomination,
            changes=changed,
        )
    return nomination


@transaction.atomic
def set_investigation(*, nomination: Nomination, flagged: bool, note: str, set_by) -> Nomination:
    """The Board records that the subject is (or no longer is) under discipline, investigation, inspection with
    signs of violation or an unresolved complaint (Decree 152/2025 Art. 4): no award meanwhile."""
    nomination = lock(nomination)
    if nomination.status in FINAL_STATUSES:
        raise ValidationError(_("This nomination is closed."), code="closed")
    note = note.strip()
    if flagged and not note:
        raise ValidationError({"note": _("Say what the subject is under (e.g. an inspection).")})
    nomination.under_investigation = flagged
    nomination.investigation_note = note if flagged else ""
    nomination.save(update_fields=["under_investigation", "investigation_note", "updated_at"])
    record_event(
        action="nomination.investigation_flagged" if flagged else "nomination.investigation_cleared",
        actor=set_by,
        organization=nomination.organization,
        obj=nomination,
        changes={"note": nomination.investigation_note},
    )
    return nomination


@transaction.atomic
def add_document(
    *, nomination: Nomination, document_type: str, upload, uploaded_by, title: str = ""
) -> DossierDocument:
    """One PDF of the dossier, checked by the platform's PDF validator; the first one starts the dossier."""
    nomination = lock(nomination)
    ensure_year_open(nomination.year)
    ensure_editable(nomination)
    if document_type not in DocumentType.values:
        raise ValidationError({"document_type": _("Choose the kind of document.")})
    check_pdf_upload(upload, field="file")
    document = DossierDocument.objects.create(
        nomination=nomination,
        document_type=document_type,
        title=title.strip()[:255],
        file=upload,
        size=upload.size,
        uploaded_by=uploaded_by,
    )
    if nomination.status == "PROPOSED":
        move(nomination, "start_dossier", uploaded_by)
    record_event(
        action="nomination.document_added",
        actor=uploaded_by,
        organization=nomination.organization,
        obj=nomination,
        changes={"document": document.pk, "type": document_type, "size": upload.size},
    )
    return document


@transaction.atomic
def remove_document(*, document: DossierDocument, removed_by) -> None:
    nomination = lock(document.nomination)
    ensure_year_open(nomination.year)
    ensure_editable(nomination)
    record_event(
        action="nomination.document_removed",
        actor=removed_by,
        organization=nomination.organization,
        obj=nomination,
        changes={"document": document.pk, "type": document.document_type},
    )
    stored = document.file
    document.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


def eligibility_of(nomination: Nomination, *, check_dossier: bool = True) -> Evaluation:
    return evaluate(eligibility_facts(nomination, check_dossier=check_dossier))


def _refuse(evaluation: Evaluation, message: str) -> None:
    if not evaluation.passes:
        reasons = "; ".join(f"{c.label}{': ' + c.detail if c.detail else ''}" for c in evaluation.failures)
        raise ValidationError(f"{message} {reasons}", code="not_eligible")


def _serialise_quotas(nomination: Nomination) -> None:
    """Lock the year's row: submissions and council steps of one year run one at a time, so two of them
    cannot both take the last place of a quota."""
    EmulationYear.objects.select_for_update().filter(pk=nomination.year_id).first()


@transaction.atomic
def submit_nomination(*, nomination: Nomination, submitted_by) -> Nomination:
    """To the Board: every blocking condition passes (subject, year, Art. 4, duplicate, flag bloc, quotas,
    dossier complete)."""
    if not permissions.can_submit_nomination(submitted_by, nomination):
        raise ValidationError(_("Only the proposer submits the nomination."), code="not_proposer")
    _serialise_quotas(nomination)
    nomination = lock(nomination)
    ensure_year_open(nomination.year)
    evaluation = eligibility_of(nomination)
    _refuse(evaluation, _("The nomination cannot be submitted yet:"))
    nomination = move(nomination, "submit", submitted_by, return_reason="", eligibility=evaluation.as_json())
    announce(
        board_managers(nomination.organization),
        nomination,
        _("New nomination for %(award)s: %(subject)s.")
        % {"award": nomination.award_type.short_name, "subject": nomination.subject_label},
    )
    return nomination


@transaction.atomic
def start_review(*, nomination: Nomination, reviewed_by) -> Nomination:
    nomination = lock(nomination)
    ensure_year_open(nomination.year)
    nomination = move(nomination, "start_review", reviewed_by)
    announce(
        proposer_users(nomination),
        nomination,
        _("The Board is reviewing the nomination of %(subject)s.") % {"subject": nomination.subject_label},
    )
    return nomination


@transaction.atomic
def return_nomination(*, nomination: Nomination, returned_by, reason: str) -> Nomination:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the nomination is returned.")})
    nomination = lock(nomination)
    ensure_year_open(nomination.year)
    nomination = move(nomination, "return", returned_by, comment=reason, return_reason=reason)
    announce(
        proposer_users(nomination),
        nomination,
        _("The nomination of %(subject)s was returned: %(reason)s")
        % {"subject": nomination.subject_label, "reason": reason},
    )
    return nomination


@transaction.atomic
def send_to_council(*, nomination: Nomination, sent_by) -> Nomination:
    """After the review: eligibility and quotas are checked again before the council votes."""
    _serialise_quotas(nomination)
    nomination = lock(nomination)
    ensure_year_open(nomination.year)
    evaluation = eligibility_of(nomination)
    _refuse(evaluation, _("The nomination cannot go before the council:"))
    nomination = move(nomination, "to_council", sent_by, eligibility=evaluation.as_json())
    announce(
        proposer_users(nomination),
        nomination,
        _("The nomination of %(subject)s goes before the Board's council.")
        % {"subject": nomination.subject_label},
    )
    return nomination


@transaction.atomic
def revoke_award(*, nomination: Nomination, decision: str, reason: str, revoked_by) -> Nomination:
    """A decided award annulled by a later decision (Law 2022, Chapter VII; domain.md §7.6): the revoking
    decision and the reason are kept on the nomination, which becomes REVOKED; nothing else changes."""
    errors = {}
    if not decision.strip():
        errors["decision"] = _("Enter the revoking decision (number, date, issuer).")
    if not reason.strip():
        errors["reason"] = _("Say why the award is revoked.")
    if errors:
        raise ValidationError(errors)
    nomination = lock(nomination)
    nomination = move(
        nomination,
        "revoke",
        revoked_by,
        comment=f"{decision.strip()}: {reason.strip()}",
        revoked_by=decision.strip()[:120],
        revocation_reason=reason.strip(),
    )
    announce(
        proposer_users(nomination),
        nomination,
        _("The award of %(subject)s was revoked by %(decision)s.")
        % {"subject": nomination.subject_label, "decision": nomination.revoked_by},
    )
    return nomination
