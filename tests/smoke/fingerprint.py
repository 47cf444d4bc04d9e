"""What a backup must bring back, as JSON: for each model that holds the site's content (pages, their revisions,
sign-ups, journal entries, images, accounts), its number of rows and a checksum of their ids and titles; and a
checksum of each file under MEDIA_ROOT.

    DATABASE_URL=… MEDIA_ROOT=… python tests/smoke/fingerprint.py [--require-content] > fingerprint.json
    python tests/smoke/fingerprint.py --compare site.json restored.json

Run on a site and on its restored copy, the two outputs are the same. --require-content fails (exit status 1) if a
model has no row or MEDIA_ROOT no file, so that two empty sites cannot pass for a restored one; --compare prints
what two outputs hold, or where they differ (exit status 1). Used by
`.ci/production` (PostgreSQL) and tests/config/test_backup.py (SQLite); the settings are the environment's
(DJANGO_SETTINGS_MODULE, the dev settings by default).
"""

import hashlib
import json
import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
# (model, the fields whose values identify its rows)
MODELS = [
    ("wagtailcore.Page", ("id", "title", "url_path")),
    ("wagtailcore.Revision", ("id", "object_id", "created_at")),
    ("workshops.Registration", ("id", "email", "status")),
    ("journal.JournalEntry", ("id", "title")),
    ("wagtailimages.Image", ("id", "title", "file")),
    ("auth.User", ("id", "username")),
]


def checksum(rows):
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps(row, default=str).encode())
    return digest.hexdigest()[:16]


def database_fingerprint():
    from django.apps import apps

    fingerprint = {}
    for label, fields in MODELS:
        rows = list(apps.get_model(label).objects.order_by("id").values_list(*fields))
        fingerprint[label] = {"rows": len(rows), "checksum": checksum(rows)}
    return fingerprint


def media_fingerprint(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def compare(site_path, restored_path):
    site, restored = (json.loads(Path(path).read_text()) for path in (site_path, restored_path))
    differences = [
        label
        for label in site["database"].keys() | restored["database"].keys()
        if site["database"].get(label) != restored["database"].get(label)
    ]
    differences += [
        path
        for path in site["media"].keys() | restored["media"].keys()
        if site["media"].get(path) != restored["media"].get(path)
    ]
    if differences:
        sys.exit(f"the restored site differs: {', '.join(sorted(differences))}")
    counts = ", ".join(f"{label.split('.')[1]} {counted['rows']}" for label, counted in site["database"].items())
    print(f"the same rows and checksums in both: {counts}; the same {len(site['media'])} media files")


def main():
    if sys.argv[1:2] == ["--compare"]:
        compare(*sys.argv[2:4])
        return
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django
    from django.conf import settings

    django.setup()
    fingerprint = {"database": database_fingerprint(), "media": media_fingerprint(settings.MEDIA_ROOT)}
    print(json.dumps(fingerprint, indent=2, sort_keys=True))
    if "--require-content" in sys.argv[1:]:
        empty = [label for label, counted in fingerprint["database"].items() if not counted["rows"]]
        empty += [] if fingerprint["media"] else ["MEDIA_ROOT"]
        if empty:
            sys.exit(f"nothing in {', '.join(empty)}")


if __name__ == "__main__":
    main()
