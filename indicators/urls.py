"""/tableau-de-bord/: the coordinators' figures and their CSV (config/urls.py mounts them, with the journal's
compilations, under the "dashboard" namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="index"),
    path("comite-de-pilotage.pdf", views.committee_pack, name="committee_pack"),
    path("rapport-final/", views.compile_journey_report, name="journey_report"),
    path("<slug:slug>.csv", views.table_csv, name="table_csv"),
]
