"""Downloads of generated reports, checked against the viewer's permission on every request."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404

from smartgov.two_factor import verified_login_required

from .models import ReportRecord


@verified_login_required
def report_record_download(request, pk):
    """Send a stored report file; the files are never served from a public media URL."""
    if not request.user.has_perm("reporting.view_reportrecord"):
        raise PermissionDenied
    record = get_object_or_404(ReportRecord, pk=pk)
    return FileResponse(
        record.file.open("rb"),
        as_attachment=True,
        filename=record.file.name.rsplit("/", 1)[-1],
        content_type="application/pdf",
    )
