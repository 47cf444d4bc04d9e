"""/journal/: the journal de bord of the network's members; /tableau-de-bord/: what the coordinators compile
there; /compte/: a member's own data."""

from django.urls import path

from . import views

app_name = "journal"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("nouvelle/", views.entry_create, name="create"),
    path("reseau/", views.network, name="network"),
    path("export.md", views.export_markdown, name="export_markdown"),
    path("export.json", views.export_json, name="export_json"),
    path("recit/", views.compile_recit, name="compile_recit"),
    path("cadre/", views.cadre_report, name="cadre"),
    path("profil/", views.own_profile, name="profile"),
    path("profils/", views.member_list, name="members"),
    path("profil/<str:username>/", views.member_profile, name="member_profile"),
    path("profil/<str:username>/valider/", views.validate_competence, name="validate"),
    path("<int:pk>/", views.entry_detail, name="detail"),
    path("<int:pk>/modifier/", views.entry_edit, name="edit"),
    path("<int:pk>/supprimer/", views.entry_delete, name="delete"),
]

# Mounted at /compte/ under the "my_data" namespace: reached from one's profile, they gather every app's part.
my_data_urlpatterns = [
    path("mes-donnees.json", views.export_my_data, name="export"),
    path("effacer-mon-journal/", views.erase_my_journal, name="erase_journal"),
    path("effacer-mon-compte/", views.erase_my_account, name="erase_account"),
]

# Mounted at /tableau-de-bord/ under the "dashboard" namespace, beside the figures of indicators/urls.py.
dashboard_urlpatterns = [
    path("referentiels-metiers/", views.compile_job_profile, name="job_profile"),
]
