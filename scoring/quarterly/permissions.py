"""Who may see and act on quarterly reports and bloc reviews, and the accessors views use.

- Board staff see every period, report and review of their Board; its admins and emulation officers set up
  and close periods, reopen reports, accept or return bloc reviews (and may review a report, e.g. the
  leader's own in a bloc without a deputy).
- An enterprise's users (representative or reporter) enter, submit and correct their own reports.
- The bloc leader (the users of the enterprise holding the bloc's LEADER membership in the period's year)
  sees its members' reports, enters values on a member's behalf, returns or accepts them, waives a missing
  one, and writes the bloc's review. It never reviews its own enterprise's report: the deputy's
  representative does.
- The bloc's members read their bloc's review once the Board has accepted it.
A row of another Board, another enterprise's report or another bloc's review is a 404; an insider who may see
the row but not take the step is a 403.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from blocs.enums import EnterpriseRole, MembershipRole, MembershipStatus
from blocs.models import BlocMembership
from blocs.register.permissions import can_manage_blocs
from blocs.register.queries import enterprise_of
from scoring.quarterly.enums import ReviewStatus
from scoring.quarterly.models import (
    REVIEWABLE_REPORT_STATUSES,
    BlocReview,
    EnterpriseReport,
    EvidenceFile,
    ReportingPeriod,
)
from thidua.accounts.permissions import Access, acting_board, is_board_staff, require

PUBLIC_REVIEW_STATUSES = (ReviewStatus.ACCEPTED, ReviewStatus.PUBLISHED)


# ---------------------------------------------------------------------------
# The user's place in the blocs, every year (cached on the user for the request)
# ---------------------------------------------------------------------------
def bloc_roles(user) -> dict[tuple[int, int], str]:
    """``{(bloc_id, year_id): role}`` of the user's enterprise, open and closed years alike (one query)."""
    cached = getattr(user, "_quarterly_roles_cache", None)
    if cached is None:
        link = enterprise_of(user)
        cached = {}
        if link is not None:
            cached = {
                (bloc_id, year_id): role
                for bloc_id, year_id, role in BlocMembership.objects.filter(
                    enterprise_id=link.enterprise_id, status=MembershipStatus.ACTIVE
                ).values_list("bloc_id", "year_id", "role")
            }
        user._quarterly_roles_cache = cached
    return cached


def own_enterprise_id(user) -> int | None:
    link = enterprise_of(user)
    return link.enterprise_id if link is not None else None


def role_in(user, bloc_id: int, year_id: int) -> str | None:
    return bloc_roles(user).get((bloc_id, year_id))


def leads(user, bloc_id: int, year_id: int) -> bool:
    return role_in(user, bloc_id, year_id) == MembershipRole.LEADER


def leader_enterprise_id(bloc_id: int, year_id: int) -> int | None:
    return (
        BlocMembership.objects.filter(
            bloc_id=bloc_id, year_id=year_id, role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE
        )
        .values_list("enterprise_id", flat=True)
        .first()
    )


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------
def is_own_report(user, report: EnterpriseReport) -> bool:
    return own_enterprise_id(user) == report.enterprise_id


def is_deputy_reviewer(user, report: EnterpriseReport) -> bool:
    """A representative of the deputy's enterprise, for the leader's own report."""
    link = enterprise_of(user)
    if link is None or link.role != EnterpriseRole.REPRESENTATIVE:
        return False
    if role_in(user, report.bloc_id, report.period.year_id) != MembershipRole.DEPUTY:
        return False
    return report.enterprise_id == leader_enterprise_id(report.bloc_id, report.period.year_id)


def leads_for_member(user, report: EnterpriseReport) -> bool:
    """The leader of the report's bloc, for another member's report."""
    return leads(user, report.bloc_id, report.period.year_id) and not is_own_report(user, report)


def can_view_report(user, report: EnterpriseReport) -> bool:
    """The leader sees its members' reports at every state (it may enter values for them); the deputy, who
    only reviews the leader's own report, from its submission on (``REVIEWABLE_REPORT_STATUSES``)."""
    return (
        is_board_staff(user)
        or is_own_report(user, report)
        or leads(user, report.bloc_id, report.period.year_id)
        or (report.status in REVIEWABLE_REPORT_STATUSES and is_deputy_reviewer(user, report))
    )


def can_enter_report(user, report: EnterpriseReport) -> bool:
    """The enterprise's own users, or the bloc leader on a member's behalf (who entered it is recorded)."""
    return is_own_report(user, report) or leads_for_member(user, report)


def can_submit_report(user, report: EnterpriseReport) -> bool:
    return can_enter_report(user, report)


def can_review_report(user, report: EnterpriseReport) -> bool:
    """Return or accept: the leader for another member, the deputy for the leader, or the Board's officers."""
    if is_own_report(user, report) and not can_manage_blocs(user):
        return False
    return can_manage_blocs(user) or leads_for_member(user, report) or is_deputy_reviewer(user, report)


def can_reopen_report(user, report: EnterpriseReport) -> bool:
    return can_manage_blocs(user)


def can_waive_report(user, report: EnterpriseReport) -> bool:
    return can_manage_blocs(user) or leads_for_member(user, report)


# ---------------------------------------------------------------------------
# Reviews
# ---------------------------------------------------------------------------
def can_write_review(user, review: BlocReview) -> bool:
    return leads(user, review.bloc_id, review.period.year_id)


def can_view_review(user, review: BlocReview) -> bool:
    if is_board_staff(user) or can_write_review(user, review):
        return True
    return (
        role_in(user, review.bloc_id, review.period.year_id) is not None
        and review.status in PUBLIC_REVIEW_STATUSES
    )


def can_decide_review(user, review: BlocReview) -> bool:
    """Accept or return a submitted review: the Board's admins and emulation officers."""
    return can_manage_blocs(user)


def can_publish_review(user, review: BlocReview) -> bool:
    """Issue an accepted review: the bloc leader, or the Board's admins and officers."""
    return can_write_review(user, review) or can_manage_blocs(user)


# ---------------------------------------------------------------------------
# Accessors
# ---------------------------------------------------------------------------
def _board_or_404(user):
    board = acting_board(user)
    if board is None:
        raise Http404
    return board


def require_period_viewer(user):
    """The Board's staff: periods and the status pages. Other insiders 403, people without a Board 404."""
    board = _board_or_404(user)
    require(is_board_staff(user))
    return board


def require_period_manager(user):
    board = _board_or_404(user)
    require(can_manage_blocs(user))
    return board


def get_period_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> ReportingPeriod:
    """``VIEW`` (status page, consolidated table, export: the Board's staff); ``CHANGE`` (deadlines, open,
    close: its admins and officers)."""
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("year"), organization=_board_or_404(user), pk=pk
    )
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    else:
        raise ValueError(access)
    return period


def get_report_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> EnterpriseReport:
    """``VIEW``; ``CHANGE`` (enter values, submit, evidence); ``REVIEW`` (return, accept, waive);
    ``APPROVE`` (the Board's reopen)."""
    report = get_object_or_404(
        EnterpriseReport.objects.select_related("period__year", "enterprise", "bloc"),
        organization=_board_or_404(user),
        pk=pk,
    )
    if not can_view_report(user, report):
        raise Http404  # another enterprise's report: existence is not leaked
    if access == Access.CHANGE:
        require(can_enter_report(user, report))
    elif access == Access.REVIEW:
        require(can_review_report(user, report))
    elif access == Access.APPROVE:
        require(can_reopen_report(user, report))
    elif access != Access.VIEW:
        raise ValueError(access)
    return report


def get_evidence_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> EvidenceFile:
    """``VIEW`` (download) or ``CHANGE`` (remove): as the report it belongs to."""
    evidence = get_object_or_404(
        EvidenceFile.objects.select_related("report__period__year", "report__enterprise", "report__bloc"),
        report__organization=_board_or_404(user),
        pk=pk,
    )
    if not can_view_report(user, evidence.report):
        raise Http404
    if access == Access.CHANGE:
        require(can_enter_report(user, evidence.report))
    elif access != Access.VIEW:
        raise ValueError(access)
    return evidence


def get_review_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> BlocReview:
    """``VIEW``; ``CHANGE`` (the leader writes, uploads values, submits); ``REVIEW`` (the Board accepts or
    returns); ``APPROVE`` (issue the accepted review: the leader or the Board)."""
    review = get_object_or_404(
        BlocReview.objects.select_related("period__year", "bloc", "document"),
        organization=_board_or_404(user),
        pk=pk,
    )
    insider = is_board_staff(user) or role_in(user, review.bloc_id, review.period.year_id) is not None
    if not insider:
        raise Http404  # another bloc's review
    checks = {
        Access.VIEW: can_view_review,
        Access.CHANGE: can_write_review,
        Access.REVIEW: can_decide_review,
        Access.APPROVE: can_publish_review,
    }
    if access not in checks:
        raise ValueError(access)
    require(checks[access](user, review))
    return review
