"""The follow app (label `follow`)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowConfig(AppConfig):
    name = "network.follow"
    label = "follow"
    verbose_name = _("Suivi des pages")
