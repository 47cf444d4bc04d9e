"""The core beneath every app: it makes the project's page form the default of every page type."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    label = "core"

    def ready(self):
        from wagtail.models import Page

        from .editing import NoLostUpdatePageForm

        # After wagtail.admin's own ready(), which sets WagtailAdminPageForm: every page type without a form of its
        # own merges concurrent edits instead of overwriting them.
        Page.base_form_class = NoLostUpdatePageForm
