from django.urls import path

from .views import GrmReportView

urlpatterns = [
    path("reports/grm/", GrmReportView.as_view(), name="api-report-grm"),
]
