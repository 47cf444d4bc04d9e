"""Settings to build the benchmark's data set: the test settings, on the database of DATABASE_URL, with media on
disk (BENCH_MEDIA_ROOT) so that the production server started afterwards finds the demo's images."""

import os

from config.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["BENCH_MEDIA_ROOT"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
