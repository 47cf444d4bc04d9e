from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrototypesConfig(AppConfig):
    name = "network.prototypes"
    label = "prototypes"
    verbose_name = _("Prototypes")
