"""Reads of the nominations: lists by role, the dossier's state, the facts the eligibility engine needs, the
quota usage and an enterprise's award history."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from awards.catalogue.models import AwardType, QuotaRule
from awards.catalogue.queries import bloc_member_counts, quota_rules_of
from awards.enums import AwardBasis, DecidingLevel, DocumentType, QuotaScope, SubjectKind
from awards.nominations.eligibility import Facts, QuotaUse, Ranking
from awards.nominations.models import AWARDED_STATUSES, QUOTA_STATUSES, Nomination
from blocs.enums import MembershipStatus, YearStatus
from blocs.membership.models import BlocMembership
from blocs.membership.queries import led_bloc_ids
from blocs.register.models import Enterprise
from blocs.register.queries import enterprise_of
from scoring.ranking.enums import CompletionLevel
from scoring.ranking.queries import completion_levels, final_ranking
from thidua.accounts.models import User
from thidua.accounts.permissions import MANAGER_ROLES, is_board_staff

# Titles of excellence that prove a year of "hoàn thành xuất sắc nhiệm vụ" in the history (merit only).
EXCELLENCE_CODES = ("TTLDXS", "CO_TINH")


def nominations_visible_to(user, board) -> QuerySet[Nomination]:
    """Every nomination of the Board for its staff; an enterprise's own and those of the blocs it leads for
    the others."""
    rows = Nomination.objects.filter(organization=board).select_related(
        "award_type", "enterprise", "year", "bloc"
    )
    if is_board_staff(user):
        return rows
    link = enterprise_of(user)
    mine = Q(enterprise_id=link.enterprise_id) if link is not None else Q(pk__in=[])
    return rows.filter(mine | Q(bloc_id__in=led_bloc_ids(user)))


def bloc_of(enterprise_id: int, year) -> int | None:
    """The bloc the enterprise is an active member of in ``year`` (None outside every bloc)."""
    return (
        BlocMembership.objects.filter(enterprise_id=enterprise_id, year=year, status=MembershipStatus.ACTIVE)
        .values_list("bloc_id", flat=True)
        .first()
    )


@dataclass(frozen=True)
class DossierLine:
    document_type: str
    label: str
    required: bool
    documents: list


def dossier_lines(nomination: Nomination, documents: list) -> list[DossierLine]:
    """Every required document type (present or missing) and every other type uploaded, in catalogue order."""
    required = set(
        nomination.award_type.requirements.filter(subject_kind=nomination.subject_kind).values_list(
            "document_type", flat=True
        )
    )
    by_type: dict[str, list] = {}
    for document in documents:
        by_type.setdefault(document.document_type, []).append(document)
    return [
        DossierLine(value, label, value in required, by_type.get(value, []))
        for value, label in DocumentType.choices
        if value in required or value in by_type
    ]


def missing_documents(lines: list[DossierLine]) -> list[str]:
    return [str(line.label) for line in lines if line.required and not line.documents]


def excellent_years(enterprise_id: int, before_year: int) -> tuple[frozenset[int], int]:
    """Years before ``before_year`` of excellent task completion: those its year-end ranking says so
    (``scoring.ranking``, domain.md §17.6) and those it was awarded a title of excellence as a collective; and
    how many ad-hoc or thematic awards its history holds (never counted, ND 152 Art. 4)."""
    rows = Nomination.objects.filter(
        enterprise_id=enterprise_id,
        subject_kind=SubjectKind.ENTERPRISE,
        status__in=AWARDED_STATUSES,
        year__year__lt=before_year,
    ).values_list("year__year", "award_type__code", "award_type__basis")
    years, ignored = set(), 0
    enterprise = Enterprise.objects.get(pk=enterprise_id)
    years.update(
        year
        for year, level in completion_levels(enterprise).items()
        if level == CompletionLevel.EXCELLENT and year < before_year
    )
    for year, code, basis in rows:
        if basis != AwardBasis.MERIT:
            ignored += 1
        elif code in EXCELLENCE_CODES:
            years.add(year)
    return frozenset(years), ignored


def quota_uses(nomination: Nomination) -> list[QuotaUse]:
    """The caps that apply to this nomination and how many places other nominations already hold."""
    rules: list[QuotaRule] = list(quota_rules_of(nomination.year, nomination.award_type))
    if not rules:
        return []
    counts = {bloc.pk: bloc for bloc in bloc_member_counts(nomination.year)}
    holding = Nomination.objects.filter(
        year=nomination.year,
        award_type=nomination.award_type,
        subject_kind=SubjectKind.ENTERPRISE,
        status__in=QUOTA_STATUSES,
    ).exclude(pk=nomination.pk)
    uses = []
    bloc = counts.get(nomination.bloc_id)
    for rule in rules:
        name = rule.award_type.short_name
        if rule.scope == QuotaScope.BOARD:
            members = sum(b.members for b in counts.values())
            uses.append(QuotaUse(name, rule.source == "LAW", holding.count(), rule.cap_for(members)))
            continue
        if bloc is None or (rule.scope == QuotaScope.ONE_BLOC and rule.bloc_id != bloc.pk):
            continue
        cap = rule.cap_for(bloc.members)
        if rule.eligible_blocs_only and not bloc.eligible_for_provincial_flag:
            cap = 0
        uses.append(
            QuotaUse(f"{name} — {bloc.code}", rule.source == "LAW", holding.filter(bloc=bloc).count(), cap)
        )
    return uses


def ranking_of(nomination: Nomination) -> Ranking | None:
    """The enterprise's row in its bloc's published (or locked) year-end ranking: None while the bloc has none;
    a rank of None when the enterprise is not ranked in it."""
    if nomination.bloc_id is None or nomination.subject_kind != SubjectKind.ENTERPRISE:
        return None
    rows = final_ranking(nomination.bloc, nomination.year)
    if rows is None:
        return None
    row = next((r for r in rows if r.enterprise_id == nomination.enterprise_id), None)
    if row is None:
        return Ranking(rank=None, vetoed=False)
    return Ranking(rank=row.rank, vetoed=row.vetoed, classification=row.get_classification_display())


def eligibility_facts(nomination: Nomination, *, check_dossier: bool = True) -> Facts:
    award: AwardType = nomination.award_type
    duplicate = (
        Nomination.objects.filter(
            year=nomination.year,
            award_type=award,
            enterprise=nomination.enterprise,
            subject_kind=nomination.subject_kind,
            subject_name__iexact=nomination.subject_name.strip(),
        )
        .exclude(pk=nomination.pk)
        .exclude(
            status__in=(
                "RETURNED",
                "PROPOSED",
                "DOSSIER_IN_PROGRESS",
                "REJECTED",
                "REJECTED_EXTERNAL",
                "REVOKED",
            )
        )
        .exists()
    )
    bloc = None
    if nomination.bloc_id:
        bloc = nomination.bloc
    years, ignored = (frozenset(), 0)
    if award.years_of_excellence and nomination.subject_kind == SubjectKind.ENTERPRISE:
        years, ignored = excellent_years(nomination.enterprise_id, nomination.year.year)
    missing: tuple[str, ...] = ()
    if check_dossier:
        missing = tuple(missing_documents(dossier_lines(nomination, list(nomination.documents.all()))))
    return Facts(
        award_code=award.code,
        award_name=award.short_name,
        subject_kind=nomination.subject_kind,
        subject_label=nomination.subject_label,
        admits_subject=award.admits(nomination.subject_kind),
        nominable_level=award.deciding_level in (DecidingLevel.BOARD, DecidingLevel.PROVINCE),
        year=nomination.year.year,
        year_open=nomination.year.status == YearStatus.OPEN,
        under_investigation=nomination.under_investigation,
        investigation_note=nomination.investigation_note,
        duplicate=duplicate,
        is_flag=award.code == "CO_TINH",
        has_bloc=bloc is not None,
        bloc_eligible_for_flag=bool(bloc and bloc.eligible_for_provincial_flag),
        ranking=ranking_of(nomination),
        check_veto=nomination.subject_kind == SubjectKind.ENTERPRISE,
        years_of_excellence=award.years_of_excellence
        if nomination.subject_kind == SubjectKind.ENTERPRISE
        else 0,
        excellent_years=years,
        ignored_ad_hoc=ignored,
        quotas=tuple(quota_uses(nomination)) if nomination.subject_kind == SubjectKind.ENTERPRISE else (),
        quota_applies=nomination.subject_kind == SubjectKind.ENTERPRISE,
        missing_documents=missing,
        check_dossier=check_dossier,
    )


def board_managers(board) -> list[User]:
    return list(
        User.objects.filter(
            organization=board, is_active=True, board_roles__role__in=MANAGER_ROLES
        ).distinct()
    )


def proposer_users(nomination: Nomination) -> list[User]:
    """Who hears about a nomination's progress: the enterprise's users and whoever proposed it."""
    users = {
        user.pk: user
        for user in User.objects.filter(is_active=True, enterprise_links__enterprise=nomination.enterprise)
    }
    users.setdefault(nomination.created_by_id, nomination.created_by)
    return list(users.values())


def award_history(enterprise) -> QuerySet[Nomination]:
    """The enterprise's awards across years, keyed by its tax code within its Board (an enterprise registered
    again keeps its history): awarded and revoked nominations of the enterprise, its sub-units and its people,
    with the decision line or the provincial proposal that carried them, newest first."""
    return (
        Nomination.objects.filter(
            organization_id=enterprise.organization_id,
            enterprise__tax_code=enterprise.tax_code,
            status__in=(*AWARDED_STATUSES, "REVOKED"),
        )
        .select_related(
            "award_type",
            "year",
            "enterprise",
            "decision_line__decision__document",
            "proposal_line__proposal__decision",
        )
        .order_by("-year__year", "award_type__sort_order", "pk")
    )


def year_awards(year) -> QuerySet[Nomination]:
    """The Board's awards of ``year``: decided by the Board or the province, and those revoked since (one
    query with their decision or provincial decision)."""
    return (
        Nomination.objects.filter(year=year, status__in=(*AWARDED_STATUSES, "REVOKED"))
        .select_related(
            "award_type",
            "enterprise",
            "bloc",
            "decision_line__decision__document",
            "proposal_line__proposal__decision",
        )
        .order_by("award_type__sort_order", "-subject_kind", "enterprise__name", "subject_name", "pk")
    )


def decision_reference(nomination: Nomination) -> str:
    """The number of the decision that granted the award: the Board's, or the province's as recorded."""
    line = getattr(nomination, "decision_line", None)
    if line is not None and line.decision.document_id:
        return line.decision.document.number_and_symbol
    proposal_line = getattr(nomination, "proposal_line", None)
    decision = getattr(proposal_line.proposal, "decision", None) if proposal_line is not None else None
    return decision.number if decision is not None else ""
