"""The Django admin shows quarterly reporting read-only: every change goes through the services (audited)."""

from django.contrib import admin

from scoring.quarterly.models import BlocReview, EnterpriseReport, ReportingPeriod


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ReadOnlyAdmin):
    list_display = ("year", "kind", "review_kind", "status", "enterprise_deadline", "bloc_deadline")
    list_filter = ("status", "kind")
    list_select_related = ("year",)


@admin.register(EnterpriseReport)
class EnterpriseReportAdmin(ReadOnlyAdmin):
    list_display = ("enterprise", "period", "bloc", "status", "late", "waived")
    list_filter = ("status", "late")
    list_select_related = ("enterprise", "period__year", "bloc")
    raw_id_fields = ("enterprise", "period", "bloc")


@admin.register(BlocReview)
class BlocReviewAdmin(ReadOnlyAdmin):
    list_display = ("bloc", "period", "status", "late")
    list_filter = ("status",)
    list_select_related = ("bloc", "period__year")
