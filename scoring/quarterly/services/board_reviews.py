"""The Board's consolidated report of a period across its blocs (báo cáo tổng hợp): written by the Board's
officers over the Board-wide tables, then signed by a Board signer before it is numbered (the platform's
signing workflow), and rendered by the worker (``scoring.quarterly.documents``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from blocs.register.permissions import can_manage_blocs
from scoring.quarterly import documents
from scoring.quarterly.models import BoardReview, ReportingPeriod
from scoring.quarterly.services.common import ensure_year_open
from thidua.accounts.enums import BoardRole
from thidua.accounts.models import BoardMembership
from thidua.audit.services import record_event
from thidua.documents.services import advance, request_signature

TEXT_FIELDS = ("results_text", "shortcomings", "directions", "proposals")
MAX_TEXT = 20_000


def _check_manager(user) -> None:
    if not can_manage_blocs(user):
        raise ValidationError(_("Only the Board's officers write the Board's report."), code="not_board")


def _check_texts(texts: dict[str, str]) -> dict[str, str]:
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown parts: {sorted(unknown)}")
    errors = {
        name: _("At most %(n)d characters.") % {"n": MAX_TEXT}
        for name, text in texts.items()
        if len(text) > MAX_TEXT
    }
    if errors:
        raise ValidationError(errors)
    return {name: text.strip() for name, text in texts.items()}


def _locked_period(period: ReportingPeriod, *, signer=None) -> ReportingPeriod:
    """Lock the period, the lock every write of its Board report takes first (so that two officers saving the
    first draft at once make one report, and a draft leaves DRAFT only under it), with the report read in
    the same query and, when ``signer`` is given, whether they sign for the Board (``signer_ok``)."""
    queryset = ReportingPeriod.objects.select_for_update(of=("self",)).select_related(
        "year", "organization", "board_review__signer"
    )
    if signer is not None:
        queryset = queryset.annotate(
            signer_ok=Exists(
                BoardMembership.objects.filter(
                    user_id=signer.pk,
                    user__is_active=True,
                    user__organization_id=OuterRef("organization_id"),
                    organization_id=OuterRef("organization_id"),
                    role=BoardRole.SIGNER,
                )
            )
        )
    return queryset.get(pk=period.pk)


def _review_of(period: ReportingPeriod) -> BoardReview | None:
    try:
        return period.board_review
    except BoardReview.DoesNotExist:
        return None


@transaction.atomic
def save_board_review(*, period: ReportingPeriod, written_by, signer, texts: dict[str, str]) -> BoardReview:
    """Write (or rewrite) the draft of the period's Board report: its signer and the text of parts I to IV."""
    _check_manager(written_by)
    if signer is None:
        raise ValidationError({"signer": _("Choose a signer of your Board.")})
    locked = _locked_period(period, signer=signer)
    ensure_year_open(locked.year)
    if not locked.signer_ok:
        raise ValidationError({"signer": _("Choose a signer of your Board.")})
    texts = _check_texts(texts)
    review = _review_of(locked)
    if review is None:
        review = BoardReview.objects.create(
            organization=locked.organization, period=locked, signer=signer, written_by=written_by, **texts
        )
        record_event(
            action="board_review.created",
            actor=written_by,
            organization=locked.organization,
            obj=review,
            changes={"period": str(locked), "signer": signer.full_name},
        )
        return review
    if not review.is_draft:
        raise ValidationError(
            _("The Board's report is “%(status)s”: withdraw it from the signer to change it.")
            % {"status": review.get_status_display()}
        )
    changed = {name: len(text) for name, text in texts.items() if getattr(review, name) != text}
    if review.signer_id != signer.pk:
        changed["signer"] = signer.full_name
    for name, text in texts.items():
        setattr(review, name, text)
    review.signer = signer
    review.written_by = written_by
    review.save(update_fields=[*texts, "signer", "written_by", "updated_at"])
    if changed:
        record_event(
            action="board_review.saved",
            actor=written_by,
            organization=locked.organization,
            obj=review,
            changes=changed,
        )
    return review


def missing_parts(review: BoardReview) -> list[str]:
    labels = {
        "results_text": _("I. Results"),
        "shortcomings": _("II. Shortcomings"),
        "directions": _("III. Directions"),
        "proposals": _("IV. Proposals"),
    }
    return [label for name, label in labels.items() if not getattr(review, name).strip()]


@transaction.atomic
def submit_board_review(*, review: BoardReview, submitted_by) -> BoardReview:
    """Send the draft to its signer: a preview marked "DỰ THẢO" is rendered; the number comes at signing."""
    _check_manager(submitted_by)
    period = _locked_period(review.period)
    ensure_year_open(period.year)
    locked = BoardReview.objects.select_for_update(of=("self",)).select_related("signer").get(pk=review.pk)
    locked.period, locked.organization = period, period.organization
    missing = missing_parts(locked)
    if missing:
        raise ValidationError(
            _("Write every part of the report before submitting: %(parts)s.") % {"parts": ", ".join(missing)},
            code="incomplete",
        )
    locked.status = advance(locked.status, "submit")
    data = documents.board_review_data(locked)
    request_signature(
        organization=locked.organization,
        kind=documents.BOARD_KIND,
        doc_type=documents.DOC_TYPE,
        title=data.title,
        template_name=documents.BOARD_TEMPLATE_NAME,
        context=data.context,
        owner=locked,
        owner_url=reverse("scoring:board_review", args=[locked.period_id]),
        requested_by=submitted_by,
        signer=locked.signer,
        recipients=data.recipients,
    )
    locked.save(update_fields=["status", "updated_at"])
    record_event(
        action="board_review.submitted",
        actor=submitted_by,
        organization=locked.organization,
        obj=locked,
        changes={"signer": locked.signer.full_name},
    )
    return locked


def board_review_signed(*, signature_request, document, owner) -> None:
    """The signer signed: the report is issued with the number taken at that moment."""
    locked = BoardReview.objects.select_for_update(of=("self",)).get(pk=owner.pk)
    locked.status = advance(locked.status, "sign")
    locked.document = document
    locked.save(update_fields=["status", "document", "updated_at"])
    record_event(
        action="board_review.issued",
        actor=signature_request.decided_by,
        organization=signature_request.organization,
        obj=locked,
        changes={"document": document.number_and_symbol},
    )


def board_review_returned(*, signature_request, owner) -> None:
    """Returned by the signer (with a reason) or withdrawn by the Board's officers: a draft again."""
    locked = BoardReview.objects.select_for_update(of=("self",)).get(pk=owner.pk)
    locked.status = advance(locked.status, "return")
    locked.save(update_fields=["status", "updated_at"])
    record_event(
        action=f"board_review.{signature_request.status}",
        actor=signature_request.decided_by,
        organization=signature_request.organization,
        obj=locked,
        changes={"reason": signature_request.reason} if signature_request.reason else {},
    )
