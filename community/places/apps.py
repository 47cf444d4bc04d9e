from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "community.places"
    label = "places"
    verbose_name = _("Carte des lieux")

    def ready(self):
        from . import signals  # noqa: F401 — connects the forgetting of the cached open-data files
