from django.urls import path

from . import views

urlpatterns = [path("", views.submit), path("done/<int:number>/", views.done)]
