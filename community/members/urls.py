"""/compte/ beside Django's login views: invitations and one's profile. No open registration."""

from django.urls import path

from . import views

app_name = "account"
urlpatterns = [
    path("inviter/", views.invite, name="invite"),
    path("invitation/<str:token>/", views.accept, name="accept"),
    path("profil/", views.profile, name="profile"),
    path("nouvelles/lues/", views.notices_read, name="notices_read"),
]
