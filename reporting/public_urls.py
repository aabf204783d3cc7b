"""The public GRM statistics, under /<lang>/grievances/statistics/."""

from django.urls import path

from . import public_views

app_name = "statistics"

urlpatterns = [
    path("", public_views.statistics_page, name="page"),
    path("data.<str:file_format>", public_views.statistics_download, name="download"),
    path("data-dictionary/", public_views.statistics_dictionary, name="dictionary"),
]
