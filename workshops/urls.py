"""One's own sign-up, reached from the link in the e-mails: /inscription/<token>/; and the animators' pages."""

from django.urls import path

from . import views

app_name = "workshops"
urlpatterns = [
    # What an erased sign-up's link led to; no token can be this word (they are 43 characters long).
    path("effacee/", views.erased, name="erased"),
    path("parcours/<slug:token>/", views.journey_manage, name="journey_manage"),
    path("parcours/<slug:token>/donnees.json", views.journey_data_export, name="journey_data"),
    path("parcours/<slug:token>/effacer/", views.journey_erase, name="journey_erase"),
    path("<slug:token>/", views.manage, name="manage"),
    path("<slug:token>/annuler/", views.cancel, name="cancel"),
    path("<slug:token>/avis/", views.survey, name="survey"),
    path("<slug:token>/donnees.json", views.data_export, name="data"),
    path("<slug:token>/effacer/", views.erase, name="erase"),
]

# Included under /ateliers-gestion/ with the namespace "workshops_management".
management_urlpatterns = [
    path("<int:page_id>/", views.registrations, name="registrations"),
    path("<int:page_id>/presences/", views.take_attendance, name="attendance"),
    path("<int:page_id>/messages/", views.write_to_people, name="announcements"),
    path("<int:page_id>/inscrits.csv", views.export_csv, name="csv"),
    path("<int:page_id>/emargement.pdf", views.attendance_sheet, name="sheet"),
    path("parcours/<int:page_id>/", views.journey_registrations, name="journey_registrations"),
    path("parcours/<int:page_id>/associations.csv", views.journey_csv, name="journey_csv"),
]
