"""Enterprise reports: values (by the enterprise, or by the bloc leader on a member's behalf), submission with
the late flag, return and acceptance by the reviewer, the Board's reopen, the leader's waiver, evidence files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.pledges.enums import IndicatorKind
from blocs.pledges.queries import catalogue_for
from blocs.register.permissions import can_manage_blocs
from scoring.quarterly import permissions
from scoring.quarterly.enums import PeriodStatus, ReportStatus, YtdRule
from scoring.quarterly.models import EnterpriseReport, EvidenceFile, IndicatorValue
from scoring.quarterly.periods import is_late
from scoring.quarterly.queries import (
    catalogue_with_year,
    deadlines_for,
    enterprise_users,
    leader_users,
    reviewer_users,
)
from scoring.quarterly.services.common import (
    ACCEPTED_KIND,
    NOTICE_KIND,
    RETURNED_KIND,
    SUBMITTED_KIND,
    ensure_year_open,
    move_report,
)
from scoring.quarterly.ytd import SIGNED_CODES, Ytd, compute_ytd, earlier_of, may_enter_ytd, ytd_rule
from thidua.audit.services import record_event
from thidua.documents.uploads import check_pdf_upload
from thidua.notifications.services import notify

MAX_EVIDENCE_FILES = 20
MAX_NUMBER = Decimal(10) ** 14  # 18 digits, 4 of them decimals
VALUE_FIELDS = ["value", "ytd_value", "ytd_entered", "not_applicable", "note", "entered_by", "entered_at"]


@dataclass(frozen=True)
class ValueInput:
    """What was typed for one indicator: a number, or "không phát sinh", and a year-to-date where the
    indicator's rule lets the enterprise type it."""

    code: str
    value: Decimal | None = None
    not_applicable: bool = False
    ytd: Decimal | None = None
    note: str = ""


def _lock(report: EnterpriseReport) -> EnterpriseReport:
    return (
        EnterpriseReport.objects.select_for_update(of=("self",))
        .select_related("period__year", "enterprise", "bloc", "organization")
        .get(pk=report.pk)
    )


def _ensure_writable(report: EnterpriseReport) -> None:
    """The year is open, and the period is open, or closed but the Board has reopened this report since."""
    ensure_year_open(report.period.year)
    period = report.period
    if period.status == PeriodStatus.OPEN:
        return
    reopened = (
        report.reopened_at is not None
        and period.closed_at is not None
        and report.reopened_at >= period.closed_at
    )
    if period.status == PeriodStatus.CLOSED and reopened:
        return
    raise ValidationError(
        _("The period %(period)s is closed: only a report the Board reopens can still change.")
        % {"period": period},
        code="period_closed",
    )


def _ensure_editable(report: EnterpriseReport) -> None:
    if not report.is_editable:
        raise ValidationError(
            _("This report is “%(status)s”: its values can no longer be changed.")
            % {"status": report.get_status_display()},
            code="not_editable",
        )


def _path(report: EnterpriseReport) -> str:
    return reverse("scoring:report_detail", args=[report.pk])


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
def _check_number(indicator, value: Decimal | None, field: str, errors: dict) -> None:
    if value is None:
        return
    if not value.is_finite() or abs(value) >= MAX_NUMBER:
        errors[field] = _("Enter a number of at most 14 digits before the decimal mark.")
    elif indicator.kind == IndicatorKind.YES_NO and value not in (Decimal(0), Decimal(1)):
        errors[field] = _("Answer yes or no.")
    elif value < 0 and indicator.code not in SIGNED_CODES:
        errors[field] = _("The value cannot be negative.")


@transaction.atomic
def save_report(
    *, report: EnterpriseReport, entered_by, values: list[ValueInput], note: str | None = None
) -> EnterpriseReport:
    """Store the given indicators' entries (others are left as they are) and the remarks.

    The year-to-date follows each indicator's rule (``scoring.quarterly.ytd``); later periods' computed
    year-to-date values of the same year follow a correction. Every changed entry records who entered it.
    Errors are raised per field (``value_<code>``, ``ytd_<code>``), and nothing is saved when any is wrong.
    """
    report = _lock(report)
    _ensure_writable(report)
    _ensure_editable(report)
    period = report.period
    catalogue, entries = catalogue_with_year(report)
    current = entries[period.kind]
    now = timezone.now()
    errors: dict[str, str] = {}
    upserts: dict[int, IndicatorValue] = {}
    removed: list[int] = []
    for item in values:
        code = item.code
        indicator = catalogue.get(code)
        if indicator is None:
            errors[f"value_{code}"] = _("%(code)s is not an indicator of the catalogue.") % {"code": code}
            continue
        rule = ytd_rule(indicator)
        if item.not_applicable and (item.value is not None or item.ytd is not None):
            errors[f"value_{code}"] = _("“Not applicable” means no figure: clear the number or untick it.")
            continue
        _check_number(indicator, item.value, f"value_{code}", errors)
        _check_number(indicator, item.ytd, f"ytd_{code}", errors)
        if item.ytd is not None and not may_enter_ytd(rule):
            errors[f"ytd_{code}"] = _("The year-to-date of this indicator is computed; leave it empty.")
            continue
        ytd = compute_ytd(
            rule, value=item.value, entered=item.ytd, earlier=earlier_of(entries, period.kind, indicator.pk)
        )
        if item.not_applicable:
            ytd = Ytd(None, entered=False)
        elif ytd.missing_earlier:
            errors[f"ytd_{code}"] = _(
                "An earlier period of the year has no figure for this indicator: enter the year-to-date."
            )
            continue
        elif rule == YtdRule.ENTERED and item.value is not None and ytd.value is None:
            errors[f"ytd_{code}"] = _("Enter the year-to-date of this indicator.")
            continue
        note_text = " ".join(item.note.split())[:500]
        before = current.get(indicator.pk)
        if not item.not_applicable and item.value is None and ytd.value is None and not note_text:
            if before is not None:
                removed.append(indicator.pk)
            continue
        after = (item.value, ytd.value, ytd.entered, item.not_applicable, note_text)
        if (
            before is not None
            and (
                before.value,
                before.ytd_value,
                before.ytd_entered,
                before.not_applicable,
                before.note,
            )
            == after
        ):
            continue
        upserts[indicator.pk] = IndicatorValue(
            report=report,
            indicator=indicator,
            value=item.value,
            ytd_value=ytd.value,
            ytd_entered=ytd.entered,
            not_applicable=item.not_applicable,
            note=note_text,
            entered_by=entered_by,
            entered_at=now,
        )
    if errors:
        raise ValidationError(errors)
    if upserts:
        IndicatorValue.objects.bulk_create(
            list(upserts.values()),
            update_conflicts=True,
            unique_fields=["report", "indicator"],
            update_fields=VALUE_FIELDS,
        )
    if removed:
        IndicatorValue.objects.filter(report=report, indicator_id__in=removed).delete()
    note_changed = note is not None and note.strip() != report.note
    if report.status == ReportStatus.NOT_STARTED:
        report = move_report(report, "start", entered_by)
    if note_changed:
        report.note = note.strip()
        report.save(update_fields=["note", "updated_at"])
    if upserts or removed or note_changed:
        for indicator_id in removed:
            current.pop(indicator_id, None)
        current.update(upserts)
        _refresh_later_ytd(entries, period.kind)
        record_event(
            action="enterprise_report.saved",
            actor=entered_by,
            organization=report.organization,
            obj=report,
            changes={
                "values": {
                    v.indicator.code: "KPS" if v.not_applicable else str(v.value) for v in upserts.values()
                },
                "removed": len(removed),
                "on_behalf": not permissions.is_own_report(entered_by, report),
            },
        )
    return report


def _refresh_later_ytd(entries: dict, kind: str) -> int:
    """Recompute the computed year-to-date of the year's later periods after a change (one bulk update)."""
    changed = []
    for later_kind in sorted(k for k in entries if k > kind):
        for indicator_id, row in entries[later_kind].items():
            if row.ytd_entered or row.not_applicable:
                continue
            rule = ytd_rule(row.indicator)
            if rule not in (YtdRule.SUM_OF_PERIODS, YtdRule.AVERAGE):
                continue
            ytd = compute_ytd(
                rule, value=row.value, entered=None, earlier=earlier_of(entries, later_kind, indicator_id)
            )
            if ytd.value != row.ytd_value:
                row.ytd_value = ytd.value
                changed.append(row)
    if changed:
        IndicatorValue.objects.bulk_update(changed, ["ytd_value"])
    return len(changed)


def required_missing(report: EnterpriseReport) -> list[str]:
    """Codes of the catalogue's required indicators without a figure or "not applicable" (one query)."""
    entered = set(
        IndicatorValue.objects.filter(report=report)
        .exclude(value__isnull=True, not_applicable=False)
        .values_list("indicator_id", flat=True)
    )
    return [
        indicator.code
        for indicator in catalogue_for(report.organization_id)
        .filter(optional=False)
        .order_by("ordering", "code")
        if indicator.pk not in entered
    ]


# ---------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------
@transaction.atomic
def submit_report(*, report: EnterpriseReport, submitted_by) -> EnterpriseReport:
    """Submit to the reviewer. The first submission after the deadline flags the report as late."""
    report = _lock(report)
    _ensure_writable(report)
    if report.status == ReportStatus.NOT_STARTED:
        raise ValidationError(_("Enter the values before submitting."), code="empty")
    missing = required_missing(report)
    if missing and report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError(
            _("Enter a figure, or tick “not applicable”, for every required indicator: %(codes)s.")
            % {"codes": ", ".join(missing)},
            code="incomplete",
        )
    now = timezone.now()
    changes = {"return_reason": "", "submitted_at": now}
    if report.first_submitted_at is None:
        deadline = deadlines_for(report.period, report.bloc_id).enterprise
        changes["first_submitted_at"] = now
        changes["late"] = is_late(timezone.localdate(now), deadline)
    report = move_report(report, "submit", submitted_by, **changes)
    notify(
        reviewer_users(report),
        kind=SUBMITTED_KIND,
        message=_("%(enterprise)s submitted its report for %(period)s; it waits for your review.")
        % {"enterprise": report.enterprise.name, "period": report.period},
        url=_path(report),
    )
    return report


def _check_reviewer(report: EnterpriseReport, reviewer) -> None:
    """Conflict of interest first (the clearer message), then the reviewer's authority."""
    if permissions.is_own_report(reviewer, report) and not can_manage_blocs(reviewer):
        raise ValidationError(
            _(
                "You may not accept or return your own enterprise's report: the deputy leader or the Board reviews it."
            ),
            code="conflict_of_interest",
        )
    if not permissions.can_review_report(reviewer, report):
        raise ValidationError(
            _(
                "Only the bloc leader, the deputy for the leader's report, or the Board may review this report."
            ),
            code="not_reviewer",
        )


def _reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message})
    return reason


@transaction.atomic
def return_report(*, report: EnterpriseReport, returned_by, reason: str) -> EnterpriseReport:
    reason = _reason(reason, _("Say why the report is returned."))
    report = _lock(report)
    _check_reviewer(report, returned_by)
    _ensure_writable(report)
    report = move_report(
        report, "return", returned_by, comment=reason, stamp="returned_at", return_reason=reason
    )
    notify(
        enterprise_users([report.enterprise_id]),
        kind=RETURNED_KIND,
        message=_("Your report for %(period)s was returned: %(reason)s")
        % {"period": report.period, "reason": reason},
        url=_path(report),
    )
    return report


@transaction.atomic
def accept_report(*, report: EnterpriseReport, accepted_by) -> EnterpriseReport:
    """Accept a submitted report; in a period already closed (after a reopen) it is locked at once."""
    report = _lock(report)
    _check_reviewer(report, accepted_by)
    _ensure_writable(report)
    report = move_report(report, "accept", accepted_by, stamp="accepted_at")
    if report.period.status == PeriodStatus.CLOSED:
        report = move_report(report, "lock", accepted_by, stamp="locked_at")
    notify(
        enterprise_users([report.enterprise_id]),
        kind=ACCEPTED_KIND,
        message=_("Your report for %(period)s was accepted.") % {"period": report.period},
        url=_path(report),
    )
    return report


@transaction.atomic
def reopen_report(*, report: EnterpriseReport, reopened_by, reason: str) -> EnterpriseReport:
    """The Board sends an accepted or locked report back to the enterprise for correction."""
    reason = _reason(reason, _("Say why the report is reopened."))
    report = _lock(report)
    if not permissions.can_reopen_report(reopened_by, report):
        raise ValidationError(_("Only the Board may reopen a report."), code="not_board")
    ensure_year_open(report.period.year)
    report = move_report(
        report,
        "reopen",
        reopened_by,
        comment=reason,
        stamp="reopened_at",
        return_reason=reason,
        returned_at=timezone.now(),
    )
    notify(
        enterprise_users([report.enterprise_id]) + leader_users(report.bloc_id, report.period.year_id),
        kind=NOTICE_KIND,
        message=_("The Board reopened the report of %(enterprise)s for %(period)s: %(reason)s")
        % {"enterprise": report.enterprise.name, "period": report.period, "reason": reason},
        url=_path(report),
    )
    return report


@transaction.atomic
def waive_report(*, report: EnterpriseReport, waived_by, reason: str) -> EnterpriseReport:
    """The leader (or the Board) lets the bloc's review go ahead without this member's report."""
    reason = _reason(reason, _("Say why this member's report is waived."))
    report = _lock(report)
    if not permissions.can_waive_report(waived_by, report):
        raise ValidationError(
            _("Only the bloc leader or the Board may waive a member's report."), code="not_leader"
        )
    ensure_year_open(report.period.year)
    if report.status not in (ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError(_("Only a report that has not been submitted can be waived."), code="submitted")
    if report.waived:
        raise ValidationError(_("This report is already waived."), code="waived")
    report.waived, report.waiver_reason = True, reason
    report.save(update_fields=["waived", "waiver_reason", "updated_at"])
    record_event(
        action="enterprise_report.waived",
        actor=waived_by,
        organization=report.organization,
        obj=report,
        changes={"reason": reason},
    )
    notify(
        enterprise_users([report.enterprise_id]),
        kind=NOTICE_KIND,
        message=_("Your report for %(period)s was waived by the bloc: %(reason)s")
        % {"period": report.period, "reason": reason},
        url=_path(report),
    )
    return report


# ---------------------------------------------------------------------------
# Evidence
# ---------------------------------------------------------------------------
@transaction.atomic
def attach_evidence(*, report: EnterpriseReport, uploaded_by, upload, label: str = "") -> EvidenceFile:
    """Attach a PDF (the shared upload rule) to a report that is still being written."""
    check_pdf_upload(upload, field="file")
    report = _lock(report)
    _ensure_writable(report)
    _ensure_editable(report)
    if EvidenceFile.objects.filter(report=report).count() >= MAX_EVIDENCE_FILES:
        raise ValidationError(
            {"file": _("A report has at most %(n)d evidence files.") % {"n": MAX_EVIDENCE_FILES}}
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    label = " ".join((label or "").split())[:200] or _("Evidence %(n)d") % {
        "n": EvidenceFile.objects.filter(report=report).count() + 1
    }
    evidence = EvidenceFile.objects.create(
        report=report,
        file=upload,
        label=label,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=uploaded_by,
    )
    record_event(
        action="enterprise_report.evidence_attached",
        actor=uploaded_by,
        organization=report.organization,
        obj=report,
        changes={"label": label, "sha256": evidence.sha256, "size": evidence.size},
    )
    return evidence


@transaction.atomic
def remove_evidence(*, evidence: EvidenceFile, removed_by) -> None:
    report = _lock(evidence.report)
    _ensure_writable(report)
    _ensure_editable(report)
    record_event(
        action="enterprise_report.evidence_removed",
        actor=removed_by,
        organization=report.organization,
        obj=report,
        changes={"label": evidence.label, "sha256": evidence.sha256},
    )
    stored = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(stored))
