"""/competences/: the competence frameworks in force, each framework's version, each competence."""

from django.urls import path

from . import views

app_name = "competences"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("<slug:slug>/<str:version>/", views.framework_detail, name="framework"),
    path("<slug:slug>/<str:version>/nouvelle-version/", views.new_version, name="new_version"),
    path("<slug:slug>/<str:version>/<str:code>/", views.competence_detail, name="competence"),
]
