"""The adoption operations' addresses (the prototypes themselves are pages of the tree, under /prototypes/)."""

from django.urls import path

from . import views

app_name = "prototypes"
urlpatterns = [
    path("prototype/<int:prototype_id>/", views.adopt, name="adopt"),
    path("<int:pk>/retirer/", views.withdraw, name="withdraw"),
]
