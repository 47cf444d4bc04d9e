from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "community.organisation"
    label = "organisation"
    verbose_name = _("Le collectif")

    def ready(self):
        from . import signals  # noqa: F401 — connects the forgetting of the footer's funders
