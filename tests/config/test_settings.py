"""Settings per environment: production reads everything from the environment and passes Django's deploy check."""

import os
import subprocess

import pytest

from config import database

from .production import BASE_DIR, PRODUCTION_ENV, run, run_python

PRINT_SETTING = "import django; django.setup(); from django.conf import settings; print(settings.{name})"


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


def test_search_stays_in_the_database_unless_an_opensearch_server_is_named():
    code = PRINT_SETTING.format(name="WAGTAILSEARCH_BACKENDS['default']")
    in_database = run_python(code, **PRODUCTION_ENV)
    assert "'wagtail.search.backends.database'" in in_database.stdout, in_database.stderr
    server = run_python(code, **PRODUCTION_ENV, SEARCH_URL="https://search.internal:9200")
    assert "'wagtail.search.backends.opensearch3'" in server.stdout, server.stderr
    assert "'URLS': ['https://search.internal:9200']" in server.stdout
    unknown = run_python(code, **PRODUCTION_ENV, SEARCH_URL="https://search.internal:9200", SEARCH_BACKEND="solr")
    assert unknown.returncode != 0
    assert "SEARCH_BACKEND must be one of" in unknown.stderr


def test_each_server_keeps_the_open_data_files_where_its_environment_says():
    result = run_python(
        PRINT_SETTING.format(name="EXPORTS_CACHE_DIR"), **PRODUCTION_ENV, EXPORTS_CACHE_DIR="/var/cache/gare/exports"
    )
    assert result.stdout.strip() == "/var/cache/gare/exports", result.stderr


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


def test_production_refuses_to_start_without_its_public_address():
    for value in ("", "gare-centrale.example", "https://gare-centrale.example/ateliers/"):
        result = run_python("import django; django.setup()", **{**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": value})
        assert result.returncode != 0, value
        assert "WAGTAILADMIN_BASE_URL must be set" in result.stderr


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_every_environment_reads_its_public_address_from_the_environment(module):
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": f"config.settings.{module}"}
    env["WAGTAILADMIN_BASE_URL"] = "https://gare.example.org"
    result = run_python(PRINT_SETTING.format(name="WAGTAILADMIN_BASE_URL"), **env)
    assert result.stdout.strip() == "https://gare.example.org", result.stderr


def test_dev_settings_load_the_demo_where_production_serves_it():
    """.ci/production loads the demo with the dev settings into production's database and media folder."""
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "MEDIA_ROOT": "/srv/gare/media"}
    code = "import django; django.setup(); from django.conf import settings as s; "
    result = run_python(code + "print(s.DATABASES['default']['HOST'], s.MEDIA_ROOT)", **env)
    assert result.stdout.split() == ["db.internal", "/srv/gare/media"], result.stderr


def test_make_run_serves_with_links_to_its_own_address(tmp_path):
    """`make run` with a stand-in Python that reports how it was called, instead of serving."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text('#!/bin/sh\necho "$WAGTAILADMIN_BASE_URL $*"\n')
    python.chmod(0o755)
    (venv / ".installed").touch()  # newer than requirements.txt: nothing to install

    def make_run(**env):
        environment = {key: value for key, value in os.environ.items() if key != "WAGTAILADMIN_BASE_URL"}
        command = ["make", "-s", "run", f"VENV={venv}", "HOST_PORT=192.0.2.10:8123"]
        return subprocess.run(
            command, cwd=BASE_DIR, env={**environment, **env}, capture_output=True, text=True, check=True
        ).stdout

    assert "http://192.0.2.10:8123 manage.py runserver 192.0.2.10:8123" in make_run()
    assert "http://192.0.2.10:8123 manage.py load_demo" in make_run()
    assert "https://gare.example.org manage.py runserver" in make_run(WAGTAILADMIN_BASE_URL="https://gare.example.org")


def test_sqlite_from_the_environment_gets_the_options_that_make_writers_wait():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:////tmp/gare.sqlite3"}
    result = run_python(PRINT_SETTING.format(name="DATABASES['default']['OPTIONS']"), **env)
    assert result.returncode == 0, result.stderr
    assert "'transaction_mode': 'IMMEDIATE'" in result.stdout
    assert "journal_mode=WAL" in result.stdout
    assert "'timeout': 20" in result.stdout


def test_postgresql_prepares_the_queries_asked_often_unless_its_address_says_not_to():
    """Prepared statements need server-side binding; a pooler that cannot keep them is told by the address."""
    options = database.from_url("postgres://gare:secret@db.internal:5432/gare")["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 5
    assert "random_page_cost=1.1" in options["options"]
    behind_a_pooler = database.from_url("postgres://gare:secret@db.internal:5432/gare?server_side_binding=false")
    assert behind_a_pooler["OPTIONS"]["server_side_binding"] is False


def test_the_map_tiles_default_when_their_variable_is_empty_and_refuse_an_address_without_host():
    code = PRINT_SETTING.format(name="MAP_TILE_URL")
    empty = run_python(code, **PRODUCTION_ENV, MAP_TILE_URL="")
    assert empty.stdout.strip() == "https://tile.openstreetmap.org/{z}/{x}/{y}.png", empty.stderr
    hostless = run_python(code, **PRODUCTION_ENV, MAP_TILE_URL="/tuiles/{z}/{x}/{y}.png")
    assert hostless.returncode != 0
    assert "MAP_TILE_URL must be an http(s) address" in hostless.stderr
