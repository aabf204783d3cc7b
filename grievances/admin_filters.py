"""List filters and the action form of the grievance admin; none of them counts rows."""

from datetime import date

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartgov.periods import H1, H2, HALVES, half_year

from . import queues
from .selectors import received_between


class QueueFilter(admin.SimpleListFilter):
    """The officer's work queues (overdue, due soon, ...), the same conditions the desk counts (queues.py)."""

    title = _("work queue")
    parameter_name = queues.PARAMETER

    def lookups(self, request, model_admin):
        return [(queue.key, queue.label) for queue in queues.QUEUES]

    def queryset(self, request, queryset):
        queue = queues.QUEUES_BY_KEY.get(self.value())
        if queue is None:
            return queryset
        return queryset.filter(queue.condition(timezone.localdate()))


class ReportingPeriodFilter(admin.SimpleListFilter):
    """Half-years, as the GRM report counts them (January-June, July-December)."""

    title = _("reporting period")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        first_year = date.fromisoformat(settings.GRM_LAUNCH_DATE).year
        choices = []
        for year in range(timezone.localdate().year, first_year - 1, -1):
            choices.append((f"{year}{H2}", gettext("July–December %(year)s") % {"year": year}))
            choices.append((f"{year}{H1}", gettext("January–June %(year)s") % {"year": year}))
        return choices

    def queryset(self, request, queryset):
        value = self.value() or ""
        if len(value) != 6 or not value[:4].isdigit() or value[4:] not in HALVES:
            return queryset
        return received_between(queryset, *half_year(int(value[:4]), value[4:]))


def grievance_handlers():
    """Active staff who may handle cases: the choices of 'assignee' (a small table, one query)."""
    users = get_user_model()
    may_handle = (
        Q(is_superuser=True)
        | Q(groups__permissions__codename="view_grievance")
        | Q(user_permissions__codename="view_grievance")
    )
    return users.objects.filter(may_handle, is_active=True, is_staff=True).distinct().order_by(users.USERNAME_FIELD)


class AssigneeFilter(admin.SimpleListFilter):
    title = _("assigned to")
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        handlers = grievance_handlers()
        if not request.user.has_perm("grievances.view_all_grievances"):
            # Someone who sees only their own cases (a PSC member) is not shown who else handles cases.
            handlers = handlers.filter(pk=request.user.pk)
        return [("none", _("Nobody")), *((str(user.pk), user.get_username()) for user in handlers)]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(assigned_to__isnull=True)
        if self.value() and self.value().isdigit():
            return queryset.filter(assigned_to_id=int(self.value()))
        return queryset
