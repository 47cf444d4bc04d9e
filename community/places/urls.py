"""The map of places and mobile sessions, and its open data (mounted at /carte/); the members' directory of
referents (directory_urlpatterns, mounted at /annuaire/, where no structure slug can hide it)."""

from django.urls import path

from . import views

app_name = "places"

urlpatterns = [
    path("", views.map_view, name="map"),
    path("lieux.geojson", views.places_geojson, name="places_geojson"),
    path("lieux.csv", views.places_csv, name="places_csv"),
    path("lieux.json", views.places_json, name="places_json"),
    path("permanences.ics", views.permanences_ical, name="permanences_ical"),
    path("<slug:slug>/", views.structure_detail, name="structure"),
]

directory_urlpatterns = [
    path("", views.referents, name="referents"),
]
