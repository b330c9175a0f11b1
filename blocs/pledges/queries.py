"""Reads of the pledges. Lists are page-bounded: paginate the plain table, then decorate only the page."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from blocs.enums import EnterpriseRole, MembershipRole, MembershipStatus, YearStatus
from blocs.membership.models import BlocMembership, EmulationYear
from blocs.membership.queries import led_bloc_ids
from blocs.pledges.enums import PledgeStatus, TemplateStatus
from blocs.pledges.models import (
    Indicator,
    Pledge,
    PledgeSignatureScan,
    PledgeTarget,
    PledgeTemplate,
    PledgeTransition,
)
from blocs.register.models import Enterprise
from blocs.register.queries import enterprise_of
from thidua.accounts.permissions import is_board_staff
from thidua.pagination import paginate

SIGNED_STATUSES = (PledgeStatus.SIGNED, PledgeStatus.LOCKED)


def signed_targets(year: EmulationYear) -> QuerySet[PledgeTarget]:
    """The targets of the signed (or locked) pledge versions of ``year``: one per enterprise and indicator,
    since signing an amendment supersedes the version it replaces. Scoring reads the plan of many members
    at once from here (sums in SQL)."""
    return PledgeTarget.objects.filter(pledge__template__year=year, pledge__status__in=SIGNED_STATUSES)


def target_for(
    enterprise: Enterprise, indicator: Indicator, year: EmulationYear | int
) -> PledgeTarget | None:
    """The target of ``enterprise`` for ``indicator`` in ``year`` from its latest signed version, or None.

    Used by the quarterly reports and scoring to compute completion percentages.
    """
    year_filter = (
        {"pledge__template__year": year}
        if isinstance(year, EmulationYear)
        else {
            "pledge__template__year__year": year,
            "pledge__template__organization_id": enterprise.organization_id,
        }
    )
    return (
        PledgeTarget.objects.filter(
            pledge__enterprise=enterprise,
            pledge__status__in=SIGNED_STATUSES,
            indicator=indicator,
            **year_filter,
        )
        .select_related("indicator", "pledge")
        .order_by("-pledge__version")
        .first()
    )


def catalogue_for(board) -> QuerySet[Indicator]:
    return Indicator.objects.filter(Q(organization__isnull=True) | Q(organization=board), active=True)


def templates_visible_to(user, board) -> QuerySet[PledgeTemplate]:
    """Board staff: every template of the Board; a bloc leader: the templates of the blocs it leads."""

    qs = PledgeTemplate.objects.filter(organization=board)
    if not is_board_staff(user):
        qs = qs.filter(bloc_id__in=led_bloc_ids(user))
    return qs.select_related("bloc", "year").order_by("-year__year", "bloc__code")


def current_pledges(board) -> QuerySet[Pledge]:
    """The latest version of every member's pledge (the one no amendment replaces)."""
    return Pledge.objects.filter(organization=board, amendment__isnull=True)


def _progress_members(user, board, *, template: PledgeTemplate | None) -> QuerySet[BlocMembership]:
    """Every active member of the blocs and years that have a pledge template (or of ``template``'s bloc
    and year), in the user's scope, with the id and status of its current pledge version (None: no pledge
    yet). A withdrawn member is not in the signing set, so not here."""
    current = Pledge.objects.filter(
        template__bloc_id=OuterRef("bloc_id"),
        template__year_id=OuterRef("year_id"),
        enterprise_id=OuterRef("enterprise_id"),
        amendment__isnull=True,
    ).order_by("-version")
    templates = PledgeTemplate.objects.filter(organization=board)
    if template is not None:
        templates = templates.filter(pk=template.pk)
    qs = BlocMembership.objects.filter(
        Exists(templates.filter(bloc_id=OuterRef("bloc_id"), year_id=OuterRef("year_id"))),
        status=MembershipStatus.ACTIVE,
        bloc__organization=board,
    )
    if not is_board_staff(user):
        qs = qs.filter(bloc_id__in=led_bloc_ids(user))
    return qs.annotate(
        pledge_id=Subquery(current.values("pk")[:1]), pledge_status=Subquery(current.values("status")[:1])
    )


NO_PLEDGE = "NONE"  # the progress filter's value for members without a pledge yet


def progress_page(
    user, board, *, template: PledgeTemplate | None, status: str = "", page_number=1, nothing: bool = False
):
    """One page of the progress table: every member unit in the user's scope with its current pledge
    version, or none yet (two queries for the page, one for the pledges of its rows); ``nothing``: an empty
    page (the filter was invalid)."""
    qs = _progress_members(user, board, template=template)
    if nothing:
        qs = qs.none()
    if status == NO_PLEDGE:
        qs = qs.filter(pledge_id__isnull=True)
    elif status:
        qs = qs.filter(pledge_status=status)
    page = paginate(
        qs.select_related("bloc", "year", "enterprise").order_by(
            "-year__year", "bloc__code", "enterprise__name", "id"
        ),
        page_number,
    )
    ids = [row.pledge_id for row in page.object_list if row.pledge_id]
    pledges = Pledge.objects.select_related("signature").in_bulk(ids)
    for row in page.object_list:
        row.pledge = pledges.get(row.pledge_id)
    return page


def progress_counts(board, *, template: PledgeTemplate | None, user) -> dict[str, int]:
    """How many members per status of their current pledge; ``NO_PLEDGE`` for those without one."""
    rows = (
        _progress_members(user, board, template=template)
        .order_by()
        .values("pledge_status")
        .annotate(n=Count("id"))
        .values_list("pledge_status", "n")
    )
    return {status or NO_PLEDGE: n for status, n in rows}


def my_current_pledge(user) -> Pledge | None:
    link = enterprise_of(user)
    if link is None:
        return None
    return (
        Pledge.objects.filter(
            enterprise_id=link.enterprise_id,
            amendment__isnull=True,
            template__status=TemplateStatus.APPROVED,
        )
        .select_related("template__year", "template__bloc")
        .order_by("-template__year__year")
        .first()
    )


def pledge_detail(pk: int) -> Pledge:
    return (
        Pledge.objects.select_related(
            "template__bloc", "template__year", "template__joint_document", "enterprise", "previous"
        )
        .prefetch_related(
            Prefetch("targets", queryset=PledgeTarget.objects.select_related("indicator")),
            "registrations",
            Prefetch("transitions", queryset=PledgeTransition.objects.select_related("actor")),
        )
        .get(pk=pk)
    )


def versions_of(pledge: Pledge) -> QuerySet[Pledge]:
    return Pledge.objects.filter(template_id=pledge.template_id, enterprise_id=pledge.enterprise_id).order_by(
        "-version"
    )


def diff_versions(old: Pledge, new: Pledge) -> dict:
    """What changed from ``old`` to ``new``: targets old → new, registrations added/removed, commitments."""
    old_targets = {t.indicator.code: t for t in old.targets.select_related("indicator")}
    new_targets = {t.indicator.code: t for t in new.targets.select_related("indicator")}
    targets = []
    for code in sorted(set(old_targets) | set(new_targets)):
        before, after = old_targets.get(code), new_targets.get(code)
        before_value = (before.value, before.basis) if before else None
        after_value = (after.value, after.basis) if after else None
        if before_value != after_value:
            targets.append(
                {
                    "code": code,
                    "unit": (after or before).unit,
                    "old": before.value if before else None,
                    "new": after.value if after else None,
                    "old_basis": before.get_basis_display() if before else "",
                    "new_basis": after.get_basis_display() if after else "",
                }
            )

    def registrations(pledge):
        return {(r.subject_kind, r.name, r.award_code): r for r in pledge.registrations.all()}

    old_regs, new_regs = registrations(old), registrations(new)
    return {
        "targets": targets,
        "added": [new_regs[k] for k in sorted(set(new_regs) - set(old_regs))],
        "removed": [old_regs[k] for k in sorted(set(old_regs) - set(new_regs))],
        "commitments_added": [c for c in new.ticked_commitments if c not in old.ticked_commitments],
        "commitments_removed": [c for c in old.ticked_commitments if c not in new.ticked_commitments],
    }


def scan_of(pledge: Pledge) -> PledgeSignatureScan | None:
    """The scanned signed copy attached to the pledge's signature, if any."""
    return PledgeSignatureScan.objects.filter(signature__pledge_id=pledge.pk).first()


def pledges_of_enterprise(enterprise) -> QuerySet[Pledge]:
    """Every pledge version of an enterprise across years (for its history page), newest year first."""
    return (
        Pledge.objects.filter(enterprise=enterprise)
        .select_related("template__year", "template__bloc", "signature")
        .order_by("-template__year__year", "-version")
    )


# ---------------------------------------------------------------------------
# What waits on the home page (a fixed number of queries per role)
# ---------------------------------------------------------------------------
def _open_current(board) -> QuerySet[Pledge]:
    return Pledge.objects.filter(
        organization=board, amendment__isnull=True, template__year__status=YearStatus.OPEN
    )


def board_waiting_counts(board, today) -> dict[str, int]:
    """For the Board's managers: templates to approve, pledges not signed by their deadline. Two queries."""
    return {
        "templates": PledgeTemplate.objects.filter(organization=board, status=TemplateStatus.SUBMITTED).count(),
        "late": _open_current(board)
        .filter(
            template__status=TemplateStatus.APPROVED,
            template__signing_closed_at__isnull=True,
            template__signing_deadline__lt=today,
        )
        .exclude(status__in=[PledgeStatus.SIGNED, PledgeStatus.LOCKED, PledgeStatus.SUPERSEDED])
        .count(),
    }


def pledges_to_review(user, board) -> int:
    """Submitted pledges the user reviews as bloc leader (its members', never its own) or as deputy (the
    leader's own). One query."""
    link = enterprise_of(user)
    if link is None:
        return 0
    own = link.enterprise_id
    led = led_bloc_ids(user)
    deputy_blocs = BlocMembership.objects.filter(
        enterprise_id=own,
        role=MembershipRole.DEPUTY,
        status=MembershipStatus.ACTIVE,
        year__status=YearStatus.OPEN,
    ).values("bloc_id")
    leader_of_bloc = BlocMembership.objects.filter(
        bloc_id=OuterRef("template__bloc_id"),
        year_id=OuterRef("template__year_id"),
        role=MembershipRole.LEADER,
        status=MembershipStatus.ACTIVE,
    ).values("enterprise_id")[:1]
    as_leader = Q(template__bloc_id__in=led) & ~Q(enterprise_id=own)
    as_deputy = Q(template__bloc_id__in=deputy_blocs) & Q(enterprise_id=Subquery(leader_of_bloc))
    if link.role != EnterpriseRole.REPRESENTATIVE:
        as_deputy = Q(pk__in=[])
    return _open_current(board).filter(as_leader | as_deputy, status=PledgeStatus.SUBMITTED).count()
