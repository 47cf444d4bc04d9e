"""Production: everything comes from the environment; the app keeps no state on its own disk but media (the files of
EXPORTS_CACHE_DIR are a cache, rebuilt when missing)."""

import re

import environ
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

env = environ.Env()

DEBUG = False
DEMO_ALLOWED = False  # never: `load_demo` would create `admin` with the password the README prints
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="")
if not re.fullmatch(r"https?://[^/\s]+/?", WAGTAILADMIN_BASE_URL):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in the environment to the site's public address, such as "
        "https://gare-centrale.example: e-mail links and badge ids are built on it."
    )

DATABASES = {"default": database.from_url(env.str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

# Search runs in the database (PostgreSQL's full-text search) unless SEARCH_URL names an OpenSearch or Elasticsearch
# server (README, « Recherche à grande échelle »); its Python client is then installed beside requirements.txt.
SEARCH_BACKENDS = ("opensearch2", "opensearch3", "elasticsearch8", "elasticsearch9")
if env.str("SEARCH_URL", default=""):
    search_backend = env.str("SEARCH_BACKEND", default="opensearch3")
    if search_backend not in SEARCH_BACKENDS:
        raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}.")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{search_backend}",
            "URLS": env.list("SEARCH_URL"),
            "INDEX_PREFIX": env.str("SEARCH_INDEX_PREFIX", default="gare_centrale_"),
        }
    }

if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)  # noqa: F405
# Tasks (e-mails, and Wagtail's search and reference index updates) wait in the database for `manage.py db_worker`:
# a mail server that is down delays the e-mails, and loses none.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# WhiteNoise serves the collected static files right after the security middleware.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405

MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(MEDIA_ROOT))  # noqa: F405
STATIC_ROOT = env.str("STATIC_ROOT", default=str(STATIC_ROOT))  # noqa: F405
EXPORTS_CACHE_DIR = env.str("EXPORTS_CACHE_DIR", default=str(EXPORTS_CACHE_DIR))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies stand before the app: the sign-up rate limit then reads the visitor's address from
# X-Forwarded-For. 0 (the default) trusts only REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

# Everything at INFO (publications, sign-ups, lockouts…), through base's redacting handler.
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": env.str("LOG_LEVEL", default="INFO")}}  # noqa: F405
