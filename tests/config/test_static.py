"""Production builds its static files: the manifest storage finds every file a static file refers to."""

import json
import re

from .production import BASE_DIR, PRODUCTION_ENV, run

SOURCE_MAP = re.compile(r"[#@]\s*sourceMappingURL=(?P<name>[^\s*]+)")


def test_no_static_file_refers_to_a_missing_source_map():
    dangling = []
    for path in (BASE_DIR / "static").rglob("*"):
        if path.suffix in {".css", ".js"}:
            for match in SOURCE_MAP.finditer(path.read_text(encoding="utf-8")):
                if not (path.parent / match["name"]).exists():
                    dangling.append(f"{path.relative_to(BASE_DIR)} → {match['name']}")
    assert not dangling


def test_collectstatic_builds_the_manifest_with_production_settings(tmp_path):
    result = run(["manage.py", "collectstatic", "--noinput"], **PRODUCTION_ENV, STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in ("vendor/leaflet/leaflet.css", "vendor/leaflet/leaflet.js", "css/site.css", "js/map.js"):
        assert name in manifest
        assert (tmp_path / manifest[name]).exists()
        assert (tmp_path / f"{manifest[name]}.gz").exists()
