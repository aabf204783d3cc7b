from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("records/<int:pk>/download/", views.report_record_download, name="record_download"),
]
