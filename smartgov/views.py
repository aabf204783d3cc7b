"""Site-wide public pages."""

from django.db import connection
from django.http import HttpResponse
from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "home.html"


def healthz(request):
    """Answer 200 when the database answers; used by container health checks."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
