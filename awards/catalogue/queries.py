"""Reads of the catalogue: award types, the base salary in force on a day, the award's money, quota rules."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from awards.catalogue.models import AwardType, BaseSalary, DossierRequirement, QuotaRule
from awards.catalogue.rules import award_money
from awards.enums import DecidingLevel
from blocs.enums import MembershipStatus
from blocs.membership.models import Bloc


def award_types() -> QuerySet[AwardType]:
    """The active catalogue with its dossier requirements (two queries)."""
    return AwardType.objects.filter(active=True).prefetch_related(
        Prefetch(
            "requirements", queryset=DossierRequirement.objects.order_by("subject_kind", "document_type")
        )
    )


def nominable_award_types() -> QuerySet[AwardType]:
    """What a nomination may ask for: the Board's and the province's awards (an enterprise's own titles are
    attested by the enterprise, domain.md §16.8)."""
    return AwardType.objects.filter(
        active=True, deciding_level__in=(DecidingLevel.BOARD, DecidingLevel.PROVINCE)
    )


def base_salaries() -> QuerySet[BaseSalary]:
    return BaseSalary.objects.all()


def base_salary_on(day: datetime.date) -> BaseSalary | None:
    """The value in force on ``day`` (ND 152/2025 Art. 49: the day of the award decision)."""
    return BaseSalary.objects.filter(effective_from__lte=day).order_by("-effective_from").first()


def money_for(award_type: AwardType, subject_kind: str, day: datetime.date) -> int:
    """The award's money for one subject on a decision dated ``day``, in VND (0 without a base salary)."""
    salary = base_salary_on(day)
    if salary is None:
        return 0
    return award_money(multiplier=award_type.multiplier_for(subject_kind), base_salary=salary.amount)


def required_documents(award_type: AwardType, subject_kind: str) -> list[str]:
    return [r.document_type for r in award_type.requirements.all() if r.subject_kind == subject_kind]


def quota_rules_for(year) -> QuerySet[QuotaRule]:
    return QuotaRule.objects.filter(year=year).select_related("award_type", "bloc")


def quota_rules_of(year, award_type: AwardType) -> QuerySet[QuotaRule]:
    return quota_rules_for(year).filter(award_type=award_type)


def bloc_member_counts(year) -> list:
    """The Board's active blocs with ``members``: their active members in ``year`` (one query)."""
    return list(
        Bloc.objects.filter(organization_id=year.organization_id, active=True)
        .annotate(
            members=Count(
                "memberships",
                filter=Q(memberships__year=year, memberships__status=MembershipStatus.ACTIVE),
            )
        )
        .order_by("code")
    )
