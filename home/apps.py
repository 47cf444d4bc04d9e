from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Accueil et réglages du site")

    def ready(self):
        from . import signals  # noqa: F401 — connects the page-cache invalidation
