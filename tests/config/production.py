"""Runs Python or manage.py in a subprocess under the production settings, with a plausible environment."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-and-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "gare-centrale.example",
    "DATABASE_URL": "postgres://gare:secret@db.internal:5432/gare",
    "REDIS_URL": "redis://cache.internal:6379/1",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.internal:587",
    "WAGTAILADMIN_BASE_URL": "https://gare-centrale.example",
}


def run(args, timeout=300, **env):
    # The test run's own switches (such as DJANGO_ALLOW_ASYNC_UNSAFE for Playwright) are not production's.
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("DJANGO_") and key not in PRODUCTION_ENV
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def run_python(code, **env):
    return run(["-c", code], **env)
