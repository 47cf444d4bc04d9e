"""The test suite: SQLite in memory, or PostgreSQL when DATABASE_URL says so."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_ALLOWED = True
# Django's test client logs in without a request, which django-axes refuses: the throttling tests and the browser
# journeys (real login forms) switch it on.
AXES_ENABLED = False
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database.from_url(os.environ["DATABASE_URL"])}  # noqa: F405
