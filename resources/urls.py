from django.urls import path

from . import views

app_name = "resources"
urlpatterns = [
    path("ressources/page-a-creer/", views.missing_wiki_page, name="missing_wiki_page"),
]
