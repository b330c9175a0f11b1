from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from thidua.accounts.models import BoardMembership, Invitation, Organization, User


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_code", "place_name", "is_active"]
    search_fields = ["name"]


class BoardMembershipInline(admin.TabularInline):
    model = BoardMembership
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "organization", "is_active"]
    list_filter = ["organization", "is_active"]
    search_fields = ["email", "full_name"]
    inlines = [BoardMembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password", "full_name", "organization", "preferred_language"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "full_name", "organization", "password1", "password2"]},
        )
    ]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "created_at", "accepted_at", "revoked_at"]
    exclude = ["token_hash"]
