from django.contrib import admin, messages
from django.db import transaction
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartgov.admin_site import HTTPS_LINKS
from smartgov.exceptions import ApplicationError
from smartgov.written_dates import written_date

from . import admin_views
from .approval import report_approve
from .models import PressMaterial, ReportRecord
from .tasks import report_generate_task


@admin.register(ReportRecord)
class ReportRecordAdmin(admin.ModelAdmin):
    """The list of generated reports: what World Bank viewers see, with a download link per file.

    Records are an archive: nobody adds, edits or deletes them by hand;
    regenerating a period adds new records.
    """

    list_display = ["period", "kind", "language", "generated_at", "generated_by", "download", "sha256", "approval"]
    list_filter = ["kind", "language", "period_end"]
    list_select_related = ["generated_by", "approved_by", "disclosed_version"]
    date_hierarchy = "generated_at"
    actions = ["generate_again", "approve_and_publish"]
    change_list_template = "admin/reporting/reportrecord/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("period"), ordering="period_end")
    def period(self, record):
        return f"{record.period_start:%Y-%m-%d} – {record.period_end:%Y-%m-%d}"

    @admin.display(description=gettext_lazy("file"))
    def download(self, record):
        url = reverse("reporting:record_download", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download PDF"))

    @admin.display(description=gettext_lazy("approval"), ordering="approved_at")
    def approval(self, record):
        if not record.is_approved:
            return _("Not approved")
        text = _("Approved by %(user)s on %(date)s") % {
            "user": record.approved_by or "–",
            "date": written_date(record.approved_at),
        }
        if record.disclosed_version is None:
            return text
        url = reverse("disclosure:document_detail", args=[record.disclosed_version.document_id])
        return format_html('{} · <a href="{}">{}</a>', text, url, _("published"))

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("reporting.generate_report"):
            actions.pop("generate_again", None)
        if not request.user.has_perm("reporting.approve_report"):
            actions.pop("approve_and_publish", None)
        return actions

    @admin.action(description=gettext_lazy("Approve the selected reports and publish them in the documents library"))
    def approve_and_publish(self, request, queryset):
        reports = {}
        for record in queryset.order_by("-generated_at", "-pk"):  # the newest file of each report
            reports.setdefault((record.kind, record.period_start, record.period_end), record)
        for record in reports.values():  # a report's languages are approved together, once
            try:
                version = report_approve(record=record, actor=request.user)
            except ApplicationError as error:
                self.message_user(
                    request, _("%(report)s: %(error)s") % {"report": record, "error": error.message}, messages.ERROR
                )
                continue
            self.message_user(
                request, _("%(report)s is approved and published.") % {"report": version.document}, messages.SUCCESS
            )

    @admin.action(description=gettext_lazy("Generate the selected periods' reports again"))
    def generate_again(self, request, queryset):
        periods = list(queryset.values_list("period_start", "period_end").distinct())
        user_id = request.user.pk
        for start, end in periods:
            transaction.on_commit(
                lambda start=start, end=end: report_generate_task.delay(start.isoformat(), end.isoformat(), user_id)
            )
        self.message_user(
            request, _("%(count)d report(s) are being generated again.") % {"count": len(periods)}, messages.SUCCESS
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("generate/", view(admin_views.report_generate_view), name="reporting_report_generate"),
            path("dashboard/", view(admin_views.sep_dashboard_view), name="reporting_sep_dashboard"),
            path(
                "dashboard/export/", view(admin_views.sep_dashboard_export_view), name="reporting_sep_dashboard_export"
            ),
            path(
                "grievance-log/export/",
                view(admin_views.grievance_log_export_view),
                name="reporting_grievance_log_export",
            ),
            *super().get_urls(),
        ]


@admin.register(PressMaterial)
class PressMaterialAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["title", "type", "outlet", "published_on"]
    list_filter = ["type"]
    search_fields = ["title", "outlet"]
    date_hierarchy = "published_on"
