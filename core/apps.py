"""The core beneath every app: it makes the project's page form the default of every page type, and connects the
forgetting of the fragments every page reads (core/signals.py)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    label = "core"

    def ready(self):
        from wagtail.models import Page

        from . import signals  # noqa: F401 — connects the forgetting of stale fragments
        from .editing import NoLostUpdatePageForm

        # After wagtail.admin's own ready(), which sets WagtailAdminPageForm: every page type without a form of its
        # own merges concurrent edits instead of overwriting them.
        Page.base_form_class = NoLostUpdatePageForm
