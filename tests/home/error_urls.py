"""The site's URLs, plus views that fail on purpose, for the error pages' tests."""

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.urls import path

from config.urls import handler500  # noqa: F401 — the handler comes along
from config.urls import urlpatterns as site_urlpatterns


def fails(request):
    raise ValueError("a bug")


def database_is_locked(request):
    raise OperationalError("database is locked")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("essai/panne/", fails),
    path("essai/base-verrouillee/", database_is_locked),
    path("essai/interdit/", forbidden),
    *site_urlpatterns,
]
