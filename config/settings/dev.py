"""Local development: SQLite (or DATABASE_URL), console e-mail, debug on."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 — never used outside a developer's machine
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
DEMO_ALLOWED = True

# PostgreSQL on a developer's machine, or the CI's throw-away cluster that the demo is loaded into (.ci/production):
# the demo's images then go to the MEDIA_ROOT that production serves them from.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database.from_url(os.environ["DATABASE_URL"])}  # noqa: F405
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
