"""The audit log in the admin: read only, for the superuser and whoever holds audit.view_auditentry."""

from django.contrib import admin
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry

# The kinds of record entries are about (the filter offers these instead of reading them from the whole table).
RECORD_TYPES = [
    ("grievances.grievance", _("case")),
    ("stakeholders.stakeholder", _("stakeholder")),
    ("stakeholders.representative", _("representative")),
    ("stakeholders.feedbackitem", _("feedback item")),
    ("disclosure.documentversion", _("document version")),
    ("reporting.reportrecord", _("report")),
    ("auth.user", _("user")),
]


class RecordTypeFilter(admin.SimpleListFilter):
    title = _("record type")
    parameter_name = "object_type"

    def lookups(self, request, model_admin):
        return RECORD_TYPES

    def queryset(self, request, queryset):
        return queryset.filter(object_type=self.value()) if self.value() else queryset


class BoundedCountPaginator(Paginator):
    """Count at most MAX_COUNTED entries: the log only grows, and counting millions of rows on every page is slow.

    The pages past that are reached by narrowing the list (filters, search), as an auditor does anyway.
    """

    MAX_COUNTED = 10_000

    @cached_property
    def count(self):
        return self.object_list[: self.MAX_COUNTED].count()


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["id", "created_at", "actor_username", "action", "object_type", "object_id", "summary"]
    list_filter = ["action", RecordTypeFilter]
    paginator = BoundedCountPaginator
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
