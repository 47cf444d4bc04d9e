"""The follow URLs (config/urls.py): /suivre/… for following and the e-mails' links, /suivis/ for a member."""

from django.urls import path

from . import views

app_name = "follow"
urlpatterns = [
    path("suivre/<int:page_id>/", views.follow, name="follow"),
    path("suivre/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("suivre/gerer/<str:token>/", views.manage, name="manage"),
    path("suivre/desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("suivis/", views.mine, name="mine"),
]
