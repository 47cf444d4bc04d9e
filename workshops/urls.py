"""One's own sign-up, reached from the link in the e-mails: /inscription/<token>/; and the animators' pages."""

from django.urls import path

from . import views

app_name = "workshops"
urlpatterns = [
    path("parcours/<slug:token>/", views.journey_manage, name="journey_manage"),
    path("<slug:token>/", views.manage, name="manage"),
    path("<slug:token>/annuler/", views.cancel, name="cancel"),
    path("<slug:token>/avis/", views.survey, name="survey"),
]

# Included under /ateliers-gestion/ with the namespace "workshops_management".
management_urlpatterns = [
    path("<int:page_id>/", views.registrations, name="registrations"),
    path("<int:page_id>/presences/", views.take_attendance, name="attendance"),
    path("<int:page_id>/inscrits.csv", views.export_csv, name="csv"),
    path("<int:page_id>/emargement.pdf", views.attendance_sheet, name="sheet"),
    path("parcours/<int:page_id>/", views.journey_registrations, name="journey_registrations"),
    path("parcours/<int:page_id>/associations.csv", views.journey_csv, name="journey_csv"),
]
