from django.urls import path

from . import sensitive_views, views

app_name = "grievances"

urlpatterns = [
    path("new/", views.grievance_new, name="new"),
    path("new/done/", views.grievance_done, name="done"),
    path("track/", views.grievance_track, name="track"),
    path("how-it-works/", views.EasyReadView.as_view(), name="easy_read"),
    path("safe/", sensitive_views.support_services, name="support_services"),
]
