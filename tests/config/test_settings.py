"""Settings per environment: production reads everything from the environment and passes Django's deploy check."""

from .production import PRODUCTION_ENV, run, run_python


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
