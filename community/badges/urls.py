"""/badges/: Open Badges 2.0 hosted verification (public JSON-LD and pages) and coordinators' issue and revoke."""

from django.urls import path

from . import views

app_name = "badges"
urlpatterns = [
    path("emetteur.json", views.issuer, name="issuer"),
    path("classes/<int:competence_pk>/<int:level>.json", views.badge_class, name="badge_class"),
    path("emettre/<int:validation_pk>/", views.issue, name="issue"),
    path("<uuid:uuid>.json", views.assertion, name="assertion"),
    path("<uuid:uuid>/", views.verify, name="verify"),
    path("<uuid:uuid>/revoquer/", views.revoke, name="revoke"),
]
