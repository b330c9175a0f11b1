"""Admin of the awards app. The national catalogue (award types, their dossier requirements, the base salary
values) is reference data a superuser keeps here when the law changes; a Board's records (quota rules,
nominations, decisions) are read-only, because their changes go through the services and the audit chain."""

from django.contrib import admin

from awards.models import AwardType, BaseSalary, DossierRequirement, QuotaRule
from thidua.admin import ReadOnlyAdmin


class DossierRequirementInline(admin.TabularInline):
    model = DossierRequirement
    extra = 0


@admin.register(AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "short_name", "category", "deciding_level", "council_threshold", "active"]
    list_filter = ["category", "deciding_level", "active"]
    inlines = [DossierRequirementInline]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["effective_from", "amount", "legal_basis", "to_verify"]


@admin.register(QuotaRule)
class QuotaRuleAdmin(ReadOnlyAdmin):
    list_display = ["award_type", "year", "scope", "bloc", "kind", "value", "source"]
    list_filter = ["source", "scope"]
