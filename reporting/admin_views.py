"""Admin pages of the reporting app: generate a report, the SEP monitoring dashboard and its exports."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_export
from grievances.languages import COPY_LABELS

from . import selectors
from .dashboard import dashboard_export, dashboard_tables
from .exports import grievance_log_response, table_response
from .forms import PeriodForm, ReportGenerateForm
from .models import ReportKind
from .periods import half_year_containing, last_completed_half_year
from .tasks import report_generate_task, sep_report_generate_task


def _require(request, *permissions):
    if not request.user.has_perms(permissions):
        raise PermissionDenied


def report_generate_view(request):
    """Ask for a period, list the cases the report lacks texts for, and queue both language versions.

    The report is published in Mongolian and English and never fills a missing
    text with the other language's. So when cases of the period lack their
    public summary or actions taken in either language, the page lists them,
    each linked to its case page, and generates only when the officer confirms
    that same period (a changed period is checked again).
    """
    _require(request, "reporting.generate_report")
    lacking, checked = [], ""
    if request.method == "POST":
        form = ReportGenerateForm(request.POST)
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            if form.cleaned_data["kind"] == ReportKind.SEP:  # counts only, no case texts to check
                return _generate(request, start, end, task=sep_report_generate_task)
            checked = f"{start.isoformat()}/{end.isoformat()}"
            lacking = _cases_lacking_texts(request, start, end)
            if not lacking or request.POST.get("confirmed_period") == checked:
                return _generate(request, start, end)
    else:
        start, end = last_completed_half_year(timezone.localdate())
        form = ReportGenerateForm(initial={"start": start, "end": end})
    context = {
        **admin.site.each_context(request),
        "title": _("Generate a report"),
        "form": form,
        "lacking": lacking,
        "confirmed_period": checked if lacking else "",
    }
    return TemplateResponse(request, "admin/reporting/report_generate.html", context)


def _generate(request, start, end, task=report_generate_task):
    user_id = request.user.pk
    transaction.on_commit(lambda: task.delay(start.isoformat(), end.isoformat(), user_id))
    messages.success(
        request,
        _("The report for %(start)s – %(end)s is being generated; both files appear in this list in a minute.")
        % {"start": start.isoformat(), "end": end.isoformat()},
    )
    return redirect("admin:reporting_reportrecord_changelist")


def _cases_lacking_texts(request, start, end):
    """The period's cases lacking a report text: what each lacks and, when the user may open it, a link."""
    may_open = request.user.has_perm("grievances.view_grievance")
    return [
        {
            "registered_no": case["registered_no"],
            "url": reverse("admin:grievances_grievance_change", args=[case["id"]]) if may_open else "",
            "missing": [COPY_LABELS[name] for name in case["missing"]],
        }
        for case in selectors.cases_lacking_translation(start=start, end=end)
    ]


def _period(request):
    """The period chosen on the dashboard, or the current half year; a bad choice is shown, not lost."""
    if "start" in request.GET or "end" in request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            return form, form.cleaned_data["start"], form.cleaned_data["end"]
    else:
        form = None
    start, end = half_year_containing(timezone.localdate())
    return form or PeriodForm(initial={"start": start, "end": end}), start, end


def sep_dashboard_view(request):
    """The SEP section 7 KPIs of a period, with charts, tables and exports."""
    _require(request, "reporting.view_sep_dashboard")
    form, start, end = _period(request)
    figures = selectors.sep_dashboard_figures(start=start, end=end)
    context = {
        **admin.site.each_context(request),
        "title": _("SEP monitoring dashboard"),
        "form": form,
        "figures": figures,
        "tables": dashboard_tables(figures),
        "press_materials": selectors.press_materials_in_period(start=start, end=end),
        "can_export_log": request.user.has_perm("grievances.view_grievance"),
        "query": f"start={start.isoformat()}&end={end.isoformat()}",
    }
    return TemplateResponse(request, "admin/reporting/sep_dashboard.html", context)


def _export_format(request):
    return "xlsx" if request.GET.get("format") == "xlsx" else "csv"


def _export_audit(request, name, start, end):
    """Record the download in the audit log: which table, which period, which format (never its rows)."""
    details = {"start": start.isoformat(), "end": end.isoformat(), "format": _export_format(request)}
    audit_export(actor=request.user, name=name, summary=f"{name} {start:%Y-%m-%d}..{end:%Y-%m-%d}", details=details)


def sep_dashboard_export_view(request):
    """The dashboard's tables as CSV or XLSX: the rows the screen shows, in the same order."""
    _require(request, "reporting.view_sep_dashboard")
    _form, start, end = _period(request)
    header, rows = dashboard_export(dashboard_tables(selectors.sep_dashboard_figures(start=start, end=end)))
    _export_audit(request, "sep_dashboard", start, end)
    return table_response(
        header=header,
        rows=rows,
        file_format=_export_format(request),
        filename=f"sep-dashboard-{start:%Y%m%d}-{end:%Y%m%d}",
    )


def grievance_log_export_view(request):
    """The grievance log of the period: the cases the user may see, case columns only, never who complained."""
    _require(request, "reporting.view_sep_dashboard", "grievances.view_grievance")
    _form, start, end = _period(request)
    _export_audit(request, "grievance_log", start, end)
    return grievance_log_response(
        cases=selectors.grievance_log_for_period(user=request.user, start=start, end=end),
        language=request.LANGUAGE_CODE,
        file_format=_export_format(request),
        filename=f"grievance-log-{start:%Y%m%d}-{end:%Y%m%d}",
    )
