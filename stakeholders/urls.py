from django.urls import path

from . import views

app_name = "stakeholders"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
]
