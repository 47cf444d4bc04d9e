"""The Content-Security-Policy header: strict on the public site, its own on the admin; no inline code anywhere."""

import re

import pytest
from django.conf import settings as project_settings

from config.csp import tile_source

from .production import BASE_DIR, PRODUCTION_ENV, run_python

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_public_pages_forbid_inline_scripts_and_foreign_sources(client, home):
    policy = directives(client.get("/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", tile_source(project_settings.MAP_TILE_URL)]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_the_map_may_show_tiles_from_its_tile_server(client, home):
    policy = directives(client.get("/carte/"))
    assert "https://tile.openstreetmap.org" in policy["img-src"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_the_admin_gets_its_own_policy_and_only_the_admin(client, home, users):
    login = directives(client.get("/admin/login/"))
    assert login["script-src"] == ["'self'", "'unsafe-inline'"]
    assert login["style-src"] == ["'self'"]
    assert login["object-src"] == ["'none'"]
    client.force_login(users["coordinator"])
    assert directives(client.get("/admin/"))["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives(client.get("/"))["script-src"] == ["'self'"]


def test_the_tile_server_s_host_comes_from_map_tile_url():
    assert tile_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_source("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    with pytest.raises(ValueError, match="MAP_TILE_URL"):
        tile_source("/tiles/{z}/{x}/{y}.png")


def test_production_derives_the_policy_from_its_environment():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    result = run_python(code, **PRODUCTION_ENV, MAP_TILE_URL="https://{s}.tuiles.example.fr/{z}/{x}/{y}.png")
    assert result.stdout.strip() == "[\"'self'\", 'data:', 'https://*.tuiles.example.fr']", result.stderr


# A <script> with a src, or JSON data (json_script), runs nothing inline.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def test_no_project_template_holds_inline_script_style_or_event_handler():
    templates = [*BASE_DIR.glob("templates/**/*.html"), *BASE_DIR.glob("*/templates/**/*.html")]
    assert len(templates) > 50
    offending = [
        str(path.relative_to(BASE_DIR))
        for path in templates
        if INLINE_SCRIPT.search(text := path.read_text(encoding="utf-8")) or INLINE_STYLE.search(text)
    ]
    assert offending == []
