from django.urls import path

from . import views
from .calendar_feeds import EventsAtomFeed, events_icalendar

app_name = "stakeholders"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("feed/", EventsAtomFeed(), name="event_feed"),
    path("calendar.ics", events_icalendar, name="event_calendar"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("<int:pk>/register/", views.EventRegisterView.as_view(), name="event_register"),
    path("<int:pk>/comment/", views.EventCommentView.as_view(), name="event_comment"),
    path("evidence/<int:pk>/<str:filename>", views.event_evidence_download, name="event_evidence"),
]
