"""Bloc reviews: the leader writes parts I to IV over the consolidated table and submits them once every
member's report is accepted or waived; the Board accepts or returns the review; an accepted review is issued
as a document (``scoring.quarterly.documents``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.register.permissions import can_manage_blocs
from scoring.quarterly import documents, permissions
from scoring.quarterly.models import BlocReview
from scoring.quarterly.periods import is_late
from scoring.quarterly.queries import board_managers, deadlines_for, leader_users, review_report_counts
from scoring.quarterly.services.common import (
    ACCEPTED_KIND,
    RETURNED_KIND,
    SUBMITTED_KIND,
    ensure_year_open,
    move_review,
)
from thidua.audit.services import record_event
from thidua.notifications.services import notify

PART_ONE_FIELDS = ("economic_text", "compliance_text", "workers_text", "union_text", "movement_text")
TEXT_FIELDS = (*PART_ONE_FIELDS, "shortcomings", "directions", "proposals")
MAX_TEXT = 20_000


def _lock(review: BlocReview) -> BlocReview:
    return (
        BlocReview.objects.select_for_update(of=("self",))
        .select_related("period__year", "bloc", "organization")
        .get(pk=review.pk)
    )


def _path(review: BlocReview) -> str:
    return reverse("scoring:review_detail", args=[review.pk])


def _check_writer(review: BlocReview, user) -> None:
    if not permissions.can_write_review(user, review):
        raise ValidationError(_("Only the bloc leader writes the bloc's report."), code="not_leader")


def _check_board(user) -> None:
    if not can_manage_blocs(user):
        raise ValidationError(_("Only the Board accepts or returns a bloc's report."), code="not_board")


@transaction.atomic
def save_review(*, review: BlocReview, written_by, texts: dict[str, str]) -> BlocReview:
    """Store the leader's text of parts I to IV (any subset of ``TEXT_FIELDS``)."""
    review = _lock(review)
    _check_writer(review, written_by)
    ensure_year_open(review.period.year)
    if not review.is_editable:
        raise ValidationError(
            _("This bloc report is “%(status)s”: it can no longer be changed.")
            % {"status": review.get_status_display()}
        )
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
    changed = {}
    for name, text in texts.items():
        text = text.strip()
        if getattr(review, name) != text:
            setattr(review, name, text)
            changed[name] = len(text)
    if review.status == "OPEN":
        review = move_review(review, "start", written_by)
    if changed:
        review.written_by = written_by
        review.save(update_fields=[*changed, "written_by", "updated_at"])
        record_event(
            action="bloc_review.saved",
            actor=written_by,
            organization=review.organization,
            obj=review,
            changes={"parts": changed},
        )
    return review


def missing_parts(review: BlocReview) -> list[str]:
    """The parts still empty: part I needs at least one of its sections, parts II to IV their text."""
    missing = []
    if not any(getattr(review, name).strip() for name in PART_ONE_FIELDS):
        missing.append(_("I. Results"))
    for name, label in (
        ("shortcomings", _("II. Shortcomings")),
        ("directions", _("III. Directions")),
        ("proposals", _("IV. Proposals")),
    ):
        if not getattr(review, name).strip():
            missing.append(label)
    return missing


@transaction.atomic
def submit_review(*, review: BlocReview, submitted_by) -> BlocReview:
    """Submit to the Board: every part written, every member's report accepted or waived."""
    review = _lock(review)
    _check_writer(review, submitted_by)
    ensure_year_open(review.period.year)
    missing = missing_parts(review)
    if missing and review.is_editable:
        raise ValidationError(
            _("Write every part of the report before submitting: %(parts)s.") % {"parts": ", ".join(missing)},
            code="incomplete",
        )
    counts = review_report_counts(review)
    if review.is_editable and counts["missing"] > 0:
        raise ValidationError(
            _(
                "%(n)d member reports are neither accepted nor waived: accept or waive them before submitting "
                "the bloc's report."
            )
            % {"n": counts["missing"]},
            code="reports_pending",
        )
    now = timezone.now()
    changes = {"return_reason": "", "submitted_at": now}
    if review.first_submitted_at is None:
        changes["first_submitted_at"] = now
        changes["late"] = is_late(timezone.localdate(now), deadlines_for(review.period, review.bloc_id).bloc)
    review = move_review(review, "submit", submitted_by, **changes)
    notify(
        board_managers(review.organization_id),
        kind=SUBMITTED_KIND,
        message=_("%(bloc)s submitted its report for %(period)s.")
        % {"bloc": review.bloc.name, "period": review.period},
        url=_path(review),
    )
    return review


@transaction.atomic
def return_review(*, review: BlocReview, returned_by, reason: str) -> BlocReview:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the bloc's report is returned.")})
    review = _lock(review)
    _check_board(returned_by)
    ensure_year_open(review.period.year)
    review = move_review(
        review, "return", returned_by, comment=reason, stamp="returned_at", return_reason=reason
    )
    notify(
        leader_users(review.bloc_id, review.period.year_id),
        kind=RETURNED_KIND,
        message=_("The Board returned the bloc's report for %(period)s: %(reason)s")
        % {"period": review.period, "reason": reason},
        url=_path(review),
    )
    return review


@transaction.atomic
def accept_review(*, review: BlocReview, accepted_by) -> BlocReview:
    review = _lock(review)
    _check_board(accepted_by)
    ensure_year_open(review.period.year)
    review = move_review(review, "accept", accepted_by, stamp="accepted_at")
    notify(
        leader_users(review.bloc_id, review.period.year_id),
        kind=ACCEPTED_KIND,
        message=_("The Board accepted the bloc's report for %(period)s; it can now be issued.")
        % {"period": review.period},
        url=_path(review),
    )
    return review


@transaction.atomic
def publish_review(*, review: BlocReview, requested_by) -> BlocReview:
    """Issue an accepted review as the bloc's document (rendered to PDF by the worker)."""
    review = _lock(review)
    if not permissions.can_publish_review(requested_by, review):
        raise ValidationError(
            _("Only the bloc leader or the Board issues the bloc's report."), code="not_leader"
        )
    ensure_year_open(review.period.year)
    document = documents.issue_bloc_review(review=review, requested_by=requested_by)
    return move_review(review, "publish", requested_by, stamp="published_at", document=document)
