"""/tableau-de-bord/: the coordinators' entry to what they draw from the journals, and the yearly job profile notes."""

from django.urls import path

from . import dashboard_views as views

app_name = "dashboard"
urlpatterns = [
    path("", views.index, name="index"),
    path("referentiels-metiers/", views.compile_job_profile, name="job_profile"),
]
