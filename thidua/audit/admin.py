from django.contrib import admin

from thidua.admin import ReadOnlyAdmin
from thidua.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["seq", "created_at", "actor_label", "organization", "action", "object_type", "object_id"]
    list_filter = ["action", "organization"]
