"""URL map: the admin and API without a prefix, public pages under /<lang>/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from .views import HomeView, favicon, healthz

# A body over DATA_UPLOAD_MAX_MEMORY_SIZE raises RequestDataTooBig: show a translated 413 page, not a bare 400.
handler400 = "smartgov.views.bad_request"
# A static page with the hotline, in the URL's language, that needs no database (the database may be what failed).
handler500 = "smartgov.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/", include("grievances.api.urls")),
    path("api/", include("stakeholders.api.urls")),
    path("api/", include("disclosure.api.urls")),
    path("api/", include("reporting.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    # Before grievances/: the statistics are the reporting app's (reporting/public_urls.py).
    path("grievances/statistics/", include("reporting.public_urls")),
    path("grievances/", include("grievances.urls")),
    path("consultations/", include("stakeholders.urls")),
    path("documents/", include("disclosure.urls")),
    path("reports/", include("reporting.urls")),
)
