"""Settings shared by every environment; dev, test and production adjust them."""

import datetime
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config import csp, database

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "home",
    "resources",
    "workshops",
    "indicators",
    "network.prototypes",
    "community.members",
    "community.organisation",
    "community.places",
    "community.competences",
    "community.badges",
    "community.journal",
    "network.news",
    "network.digest",
    "network.diagnostic",
    "network.follow",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: core's ready() replaces its default page form (core/apps.py).
    "core",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before all the others: a page in the public cache goes through none of them (home/middleware.py).
    "home.middleware.PageCacheMiddleware",
    "config.csp.PathPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # The site of the pages Wagtail serves, from the shared cache (core/sites.py).
    "core.sites.SiteMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into home.throttling's 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # French dates (« 1er ») and elision (« d'Awa ») in every template, without a {% load %}.
            "builtins": ["core.templatetags.french"],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Django's widgets drawn in Python rather than through a template each (core/widgets.py).
FORM_RENDERER = "core.widgets.Renderer"

DATABASES = {
    "default": {"ENGINE": database.SQLITE, "NAME": BASE_DIR / "db.sqlite3", "OPTIONS": database.SQLITE_OPTIONS},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses, before any password is checked, a login to a locked account or from a locked address.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

# Throttling (home/throttling.py). Failed logins: counted in the database, so every process and server shares them;
# locked per account and, separately, per address for AXES_COOLOFF_TIME. 10 rather than 5, as a centre social's
# whole room may share one public address. Successful logins are not logged (no IP addresses kept for them).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "home.throttling.lockout_response"
AXES_DISABLE_ACCESS_LOG = True
# Password reset e-mails, per e-mail address and per visitor's address, in the shared cache.
PASSWORD_RESET_RATE_LIMIT_PER_EMAIL = 3
PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS = 10
PASSWORD_RESET_RATE_WINDOW = 3600

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# What a member's data export (community/journal/rights.py) adds from the apps the community may not import.
PERSONAL_DATA_PARTS = {"suivis": "network.follow.following.member_data"}

# Personal data of sign-ups made without an account (workshops/rights.py, docs/registre-des-traitements.md). The
# privacy notice's version is recorded with each consent: change it whenever the notice's substance changes.
PRIVACY_NOTICE_VERSION = "2026-12"
# A workshop's sign-ups (and a journey's, after its last workshop) are anonymised this many months after the day.
SIGNUP_RETENTION_MONTHS = 12
# What then stays (the workshop, present or absent) is the funders' attendance proof. ESF+/ERDF ask documents to be
# available 5 years after the last payment (Regulation (EU) 2021/1060, art. 82), state aid 10 years: 10 by default.
ATTENDANCE_PROOF_RETENTION_YEARS = 10

# `load_demo` creates accounts whose password is public: only dev and test settings allow it.
DEMO_ALLOWED = False

WAGTAIL_SITE_NAME = "Gare centrale"
# The site's public address: e-mail links and Open Badges ids are built on it. `make run` sets it to the address it
# serves on; production requires it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
# Uploads (images, documents, the photos and files of a workshop's memory): Wagtail's forms refuse the rest with
# its French messages. 50 million pixels let a phone's photo through and keep a rendition's memory bounded.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# No HTML or SVG: a document is served from the site's own address, where a script in it would run.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "jpeg",
    "jpg",
    "key",
    "odp",
    "ods",
    "odt",
    "pdf",
    "png",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.admin_forms.DocumentForm"
# Beside the files, a form's fields (a long page in the editor included) stay under 5 MB; uploads past 2.5 MB go
# to a temporary file rather than memory. The reverse proxy must let 25 MB through (nginx: client_max_body_size).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "french",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# E-mails leave through tasks (core/outbox.py, workshops/tasks.py). Here a task runs as soon as it is enqueued,
# after the commit: `make run` and the tests need no worker. Production queues them in the database.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEFAULT_FROM_EMAIL = "Gare centrale <ne-pas-repondre@gare-centrale.example>"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages are served from this cache for anonymous visitors; publishing clears it.
PAGE_CACHE_SECONDS = 600
# The open-data downloads, built once after each change of the places, are kept in files on each server's own disk
# (core/export_files.py): a cache, rebuilt when missing, that no two servers need to share.
EXPORTS_CACHE_DIR = Path(tempfile.gettempdir()) / "gare-exports"

# The map of places (/carte/): the tile server and its attribution (Leaflet is served from static/vendor/leaflet/).
# An empty variable means the default, as unset; an address without a host would break every map and its policy.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL") or "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_tiles = urlsplit(MAP_TILE_URL)
if _tiles.scheme not in ("http", "https") or not _tiles.hostname:
    raise ImproperlyConfigured("MAP_TILE_URL must be an http(s) address of tiles, like https://…/{z}/{x}/{y}.png.")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">les contributeurs d\'OpenStreetMap</a>',
)

# Every record goes through one handler, whose filter redacts private tokens (config/logging.py). Django's own
# handlers (console in DEBUG, mail to ADMINS) give way to it: nothing reaches an output unredacted.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_private_tokens": {"()": "config.logging.RedactPrivateTokens"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact_private_tokens"]},
    },
    # Warnings and errors of every library; Django's own INFO too (runserver's request lines). Production: INFO.
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

# Content-Security-Policy (config/csp.py): no inline script or style on the public site; the admin has its own.
CSP_FRAME_SOURCES = os.environ.get(
    "CSP_FRAME_SOURCES", "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"
).split()
CONTENT_SECURITY_POLICY = {"DIRECTIVES": csp.public_directives(MAP_TILE_URL, CSP_FRAME_SOURCES)}
CONTENT_SECURITY_POLICY_ADMIN = {"DIRECTIVES": csp.admin_directives(CONTENT_SECURITY_POLICY["DIRECTIVES"])}
# Avatars from the site itself: Gravatar would be a third-party image source (and learn who edits).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call from the admin to releases.wagtail.org: upgrades come through requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False
