"""Site-wide public pages and error pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from .context_processors import DEFAULT_PROJECT_NAME
from .health import health_report
from .office import piu_office

# Browsers ask for /favicon.ico on every site whatever the page links to; pages also link the SVG.
FAVICON_ICO = (settings.BASE_DIR / "static" / "favicon.ico").read_bytes()


class HomeView(TemplateView):
    """The home page; its deadlines and office details come from the settings, as on the easy-read page."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(deadlines=settings.GRM_DEADLINES, office=piu_office(), **kwargs)


@require_safe
@cache_control(max_age=7 * 24 * 60 * 60, public=True)
def favicon(request):
    """Answer /favicon.ico, which browsers ask for on their own, instead of a 404 on every first visit."""
    return HttpResponse(FAVICON_ICO, content_type="image/x-icon")


def healthz(request):
    """Answer 200 when PostgreSQL, Redis and a worker answer, 503 naming the failed ones; for health checks.

    Plain text: "ok" or "unavailable", then one line per check (smartgov/health.py).
    """
    report = health_report()
    healthy = all(outcome == "ok" for outcome in report.values())
    lines = ["ok" if healthy else "unavailable", *(f"{name}: {outcome}" for name, outcome in report.items())]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain", status=200 if healthy else 503)


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


def server_error(request):
    """The 500 handler: a static page in the reader's language with the hotline, reading nothing from the database.

    The failure may be the database itself, so the page is rendered without a
    request (no context processor, no session, no user) and the language comes
    from the URL's prefix (/mn/, /en/, /kk/), else the language cookie, else
    Mongolian.
    """
    language = translation.get_language_from_path(request.path_info) or _cookie_language(request)
    with translation.override(language):
        context = {
            "language_code": language,
            "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
            "grm_contact": settings.GRM_CONTACT,
        }
        return HttpResponseServerError(loader.get_template("500.html").render(context))


def _cookie_language(request):
    try:
        return translation.get_supported_language_variant(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))
    except LookupError:
        return settings.LANGUAGE_CODE
