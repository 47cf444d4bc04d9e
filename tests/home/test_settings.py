"""Settings per environment: production reads everything from the environment and passes Django's deploy check."""

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
}


def run(args, **env):
    # The test run's own switches (such as DJANGO_ALLOW_ASYNC_UNSAFE for Playwright) are not production's.
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("DJANGO_") and key not in PRODUCTION_ENV
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, check=False
    )


def run_python(code, **env):
    return run(["-c", code], **env)


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_reads_database_cache_and_email_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'], s.CACHES['default']['BACKEND'], "
        "s.SESSION_ENGINE, s.EMAIL_HOST, s.EMAIL_PORT, s.ALLOWED_HOSTS, s.DEBUG)"
    )
    result = run_python(code, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.internal",
        "django_redis.cache.RedisCache",
        "django.contrib.sessions.backends.cache",
        "smtp.internal",
        "587",
        "['gare-centrale.example']",
        "False",
    ]


def test_sqlite_is_the_default_without_database_url():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DATABASE_URL"}
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'])",
        **env,
    )
    assert result.stdout.strip() == "django.db.backends.sqlite3", result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
