from django.contrib import admin

from thidua.documents.models import GeneratedDocument, Notice, NumberSequence


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(admin.ModelAdmin):
    """Read-only: documents change only through services (issue, render, retry)."""

    list_display = ["number_and_symbol", "title", "organization", "kind", "status", "attempts", "issued_on"]
    list_filter = ["status", "kind", "doc_type"]
    search_fields = ["title", "verification_token", "sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NumberSequence)
class NumberSequenceAdmin(admin.ModelAdmin):
    list_display = ["organization", "doc_type", "year", "last_number"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "created_at", "document"]

    def has_change_permission(self, request, obj=None):
        return False
