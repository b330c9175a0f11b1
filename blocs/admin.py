"""Read-only admin of the blocs app, for a superuser to inspect rows (``thidua.admin.ReadOnlyAdmin``).

Every change goes through the services, which validate it and append it to the audit chain; an edit here would
bypass both. So nothing can be added, changed or deleted from the admin — official records (memberships,
decisions, applications, regulations, meetings, elections) and reference data alike. Ballots are not
registered: a secret ballot must not be traceable to its voter, not even by a superuser browsing tables.
Uploaded PDFs are not linked (MEDIA_URL is served by nothing); the permission-checked views serve them.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from blocs.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    ConsolidationDecision,
    Delegation,
    Election,
    EligibleVoter,
    EmulationYear,
    Enterprise,
    EnterpriseUser,
    IndustrialPark,
    Meeting,
    MembershipApplication,
    VotingSession,
)
from thidua.admin import ReadOnlyAdmin, ReadOnlyTabularInline


@admin.register(IndustrialPark)
class IndustrialParkAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "organization", "province", "active"]
    list_filter = ["organization", "active"]
    search_fields = ["name", "code"]


@admin.register(Enterprise)
class EnterpriseAdmin(ReadOnlyAdmin):
    list_display = ["name", "tax_code", "organization", "park", "ownership", "active"]
    list_filter = ["organization", "ownership", "active"]
    list_select_related = ["organization", "park"]
    search_fields = ["name", "name_en", "search_name", "=tax_code"]
    exclude = ["search_name"]


@admin.register(EnterpriseUser)
class EnterpriseUserAdmin(ReadOnlyAdmin):
    list_display = ["user", "enterprise", "role", "created_at"]
    list_filter = ["enterprise__organization", "role"]
    list_select_related = ["user", "enterprise"]
    search_fields = ["user__email", "user__full_name", "enterprise__name", "=enterprise__tax_code"]


@admin.register(EmulationYear)
class EmulationYearAdmin(ReadOnlyAdmin):
    list_display = ["year", "organization", "status", "opened_at", "closed_at"]
    list_filter = ["organization", "status"]
    list_select_related = ["organization"]


@admin.register(Bloc)
class BlocAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "organization", "eligible_for_provincial_flag", "active"]
    list_filter = ["organization", "active"]
    list_select_related = ["organization"]
    search_fields = ["code", "name"]


@admin.register(BlocMembership)
class BlocMembershipAdmin(ReadOnlyAdmin):
    list_display = ["enterprise", "bloc", "year", "role", "status", "decision"]
    list_filter = ["bloc__organization", "role", "status", "year__year"]
    list_select_related = ["enterprise", "bloc", "year", "decision"]
    search_fields = ["enterprise__name", "=enterprise__tax_code", "bloc__name", "bloc__code"]


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(ReadOnlyAdmin):
    list_display = ["enterprise", "year", "status", "preferred_bloc", "decided_bloc", "submitted_at"]
    list_filter = ["enterprise__organization", "status"]
    list_select_related = ["enterprise", "year", "preferred_bloc", "decided_bloc"]
    search_fields = ["enterprise__name", "=enterprise__tax_code"]


@admin.register(ConsolidationDecision)
class ConsolidationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "organization", "year", "status", "signed_on"]
    list_filter = ["organization", "status"]
    list_select_related = ["organization", "year"]
    search_fields = ["number", "symbol"]


class HasFileMixin:
    @admin.display(boolean=True, description=_("PDF"))
    def has_file(self, obj) -> bool:
        return bool(obj.file)


@admin.register(BlocRegulation)
class BlocRegulationAdmin(HasFileMixin, ReadOnlyAdmin):
    list_display = ["bloc", "version", "status", "adopted_on", "quorum_ratio", "vote_threshold_ratio", "has_file"]
    list_filter = ["bloc__organization", "status", "leader_consecutive_terms_allowed"]
    list_select_related = ["bloc"]
    search_fields = ["bloc__name", "bloc__code"]
    exclude = ["file"]


@admin.register(Meeting)
class MeetingAdmin(HasFileMixin, ReadOnlyAdmin):
    list_display = ["__str__", "bloc", "year", "kind", "date", "has_file"]
    list_filter = ["bloc__organization", "kind"]
    list_select_related = ["bloc", "year"]
    search_fields = ["bloc__name", "bloc__code", "place"]
    exclude = ["file"]


@admin.register(Election)
class ElectionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "bloc", "year", "elects_for", "office", "applied_to"]
    list_filter = ["bloc__organization", "office"]
    list_select_related = ["bloc", "year", "applied_to"]
    search_fields = ["bloc__name", "bloc__code"]


@admin.register(Delegation)
class DelegationAdmin(ReadOnlyAdmin):
    list_display = ["enterprise", "delegate", "named_at", "revoked_at"]
    list_filter = ["enterprise__organization"]
    list_select_related = ["enterprise", "delegate"]
    search_fields = ["enterprise__name", "=enterprise__tax_code", "delegate__email"]


class EligibleVoterInline(ReadOnlyTabularInline):
    model = EligibleVoter
    fields = ["enterprise", "user", "label"]


@admin.register(VotingSession)
class VotingSessionAdmin(ReadOnlyAdmin):
    list_display = ["title", "organization", "purpose", "round", "status", "bloc", "year", "method"]
    list_filter = ["organization", "purpose", "status"]
    list_select_related = ["organization", "bloc", "year"]
    search_fields = ["title"]
    inlines = [EligibleVoterInline]
