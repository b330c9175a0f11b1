from django.contrib import admin

from thidua.admin import ReadOnlyAdmin
from thidua.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "kind", "message", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["user"]
