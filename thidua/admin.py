"""The one read-only admin base of the portal.

Every change goes through the services, which validate it and append it to the audit chain; an edit in the
Django admin would bypass both. So the admin only shows rows: nothing can be added, changed or deleted.
"""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    list_per_page = 50
    show_full_result_count = False  # no second COUNT(*) over the whole table on large data sets

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyTabularInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
