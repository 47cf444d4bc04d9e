"""The coordinators' screen of sign-ups in the Wagtail admin (workshops/admin_views.py), and its menu item; the
« Répéter cet atelier » screen (workshops/admin_repeat.py) and its button in a workshop's header."""

from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from community.members import accounts

from . import admin_repeat, admin_views
from .models import WorkshopPage

urlpatterns = [
    path("", admin_views.search, name="search"),
    re_path(r"^(?P<kind>atelier|parcours)/(?P<pk>[0-9]+)/donnees\.json$", admin_views.export, name="export"),
    re_path(r"^(?P<kind>atelier|parcours)/(?P<pk>[0-9]+)/effacer/$", admin_views.erase, name="erase"),
]


class CoordinatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return accounts.is_coordinator(request.user)


@hooks.register("register_admin_urls")
def register_signups_urls():
    return [path("inscriptions/", include((urlpatterns, "workshops_signups")))]


@hooks.register("register_admin_urls")
def register_repeat_url():
    return [path("ateliers/<int:pk>/repeter/", admin_repeat.repeat, name="workshops_repeat")]


@hooks.register("register_page_header_buttons")
def repeat_button(page, user, view_name=None, next_url=None):
    workshop = page.specific_deferred
    if isinstance(workshop, WorkshopPage) and workshop.series_id is None and admin_repeat.may_repeat(user, workshop):
        yield Button(
            _("Répéter cet atelier"), reverse("workshops_repeat", args=[page.pk]), icon_name="rotate", priority=35
        )


@hooks.register("register_admin_menu_item")
def register_signups_menu_item():
    return CoordinatorsMenuItem(
        _("Inscriptions"), reverse("workshops_signups:search"), icon_name="user", name="inscriptions", order=330
    )
