"""The digest app (label `digest`)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestConfig(AppConfig):
    name = "network.digest"
    label = "digest"
    verbose_name = _("Lettre mensuelle")
