from django.urls import path

from . import views
from .feeds import NewVersionsFeed

app_name = "disclosure"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document_list"),
    path("feed/", NewVersionsFeed(), name="feed"),
    path("<int:pk>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path("files/<int:pk>/<str:filename>", views.version_file_download, name="version_file"),
]
