"""One's own sign-up, reached from the link in the e-mails: /inscription/<token>/."""

from django.urls import path

from . import views

app_name = "workshops"
urlpatterns = [
    path("<slug:token>/", views.manage, name="manage"),
    path("<slug:token>/annuler/", views.cancel, name="cancel"),
]
