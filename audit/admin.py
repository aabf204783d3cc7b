"""The audit log in the admin: read only, for the superuser and whoever holds audit.view_auditentry."""

from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["id", "created_at", "actor_username", "action", "object_type", "object_id", "summary"]
    list_filter = ["action", "object_type"]
    search_fields = ["=actor_username", "=object_id", "summary"]
    list_per_page = 100
    show_full_result_count = False  # the log only grows: no count of the whole table on every page
    fields = [
        "id",
        "created_at",
        "actor",
        "actor_username",
        "action",
        "object_type",
        "object_id",
        "summary",
        "changes",
        "previous_hash",
        "hash",
    ]
    readonly_fields = fields
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
