"""Site-wide public pages and error pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "home.html"


def healthz(request):
    """Answer 200 when the database answers; used by container health checks."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def request_too_large(request):
    """Explain, in the reader's language, that what they sent is too big (413)."""
    megabytes = {
        "max_file_megabytes": settings.UPLOAD_MAX_FILE_BYTES // (1024 * 1024),
        "max_total_megabytes": settings.REQUEST_MAX_BYTES // (1024 * 1024),
    }
    return render(request, "smartgov/request_too_large.html", megabytes, status=413)


def bad_request(request, exception=None):
    """The 400 handler: a too-large form body gets the 413 page, anything else a plain 400 page."""
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request)
    return render(request, "smartgov/bad_request.html", status=400)
