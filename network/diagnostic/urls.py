"""/diagnostic/: the questionnaire and its result, the result for another commune, the result by e-mail."""

from django.urls import path

from . import views

app_name = "diagnostic"

urlpatterns = [
    path("", views.start, name="start"),
    path("resultat/", views.result, name="result"),
    path("envoyer/", views.send, name="send"),
    path("envoye/", views.sent, name="sent"),
]
