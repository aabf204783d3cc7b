"""The log export of the case list: the cases of the list as it stands (filters, search, order) as XLSX or CSV.

The cases come from the admin's own ChangeList, so the export holds exactly
the cases the list shows, with the same filters, search and limits on who may
see what (a steering committee member exports only their cases). The rows
are the log's one shape (reporting.exports.grievance_log_rows), the one the
SEP dashboard's log also uses.
"""

from functools import partial

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language

from reporting.exports import grievance_log_response

from .selectors import grievance_log_for_export

FORMATS = ("xlsx", "csv")


def log_export_view(request, file_format, *, model_admin):
    """Export the cases of the list whose query string this request carries; a bad filter goes back to the list."""
    if file_format not in FORMATS:
        raise Http404
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    try:
        changelist = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        return HttpResponseRedirect(f"{reverse('admin:grievances_grievance_changelist')}?{ERROR_FLAG}=1")
    return grievance_log_response(
        cases=grievance_log_for_export(changelist.get_queryset(request)),
        language=get_language(),
        file_format=file_format,
        filename=f"grievance-log-{timezone.localdate():%Y%m%d}",
    )


def log_export_urls(model_admin):
    """export/xlsx/ and export/csv/ under the case list, behind the admin's sign-in; before the case URLs."""
    view = model_admin.admin_site.admin_view(partial(log_export_view, model_admin=model_admin))
    return [path("export/<str:file_format>/", view, name="grievances_grievance_log_export")]
