"""The core beneath every app: it makes the project's page form the default of every page type, and connects the
forgetting of the fragments every page reads (core/signals.py)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    label = "core"

    def ready(self):
        from django.core.signals import request_finished, request_started
        from wagtail.models import Page

        from . import (
            cache_versions,
            signals,  # noqa: F401 — connects the forgetting of stale fragments
        )
        from .editing import NoLostUpdatePageForm

        # After wagtail.admin's own ready(), which sets WagtailAdminPageForm: every page type without a form of its
        # own merges concurrent edits instead of overwriting them.
        Page.base_form_class = NoLostUpdatePageForm

        # A request reads the versions of what every page shares once (core/cache_versions.py).
        request_started.connect(cache_versions.start_request, dispatch_uid="cache_versions.start_request")
        request_finished.connect(cache_versions.end_request, dispatch_uid="cache_versions.end_request")
