"""The news app (label `news`)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "network.news"
    label = "news"
    verbose_name = _("Actualités")
