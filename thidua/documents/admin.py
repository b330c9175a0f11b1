from django.contrib import admin

from thidua.admin import ReadOnlyAdmin
from thidua.documents.models import GeneratedDocument, Notice, NumberSequence


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(ReadOnlyAdmin):
    """Documents change only through services (issue, render, retry)."""

    list_display = ["number_and_symbol", "title", "organization", "kind", "status", "attempts", "issued_on"]
    list_filter = ["status", "kind", "doc_type"]
    search_fields = ["title", "verification_token", "sha256"]


@admin.register(NumberSequence)
class NumberSequenceAdmin(ReadOnlyAdmin):
    list_display = ["organization", "doc_type", "year", "last_number"]


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ["title", "organization", "created_at", "document"]
