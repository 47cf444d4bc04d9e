"""scripts/backup and scripts/restore on SQLite: a backup restored into a new, empty database file and an empty
media folder brings back the same pages, revisions, sign-ups, journal entries, images and media files
(tests/smoke/fingerprint.py). `.ci/production` does the same on PostgreSQL, with the demo."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import wagtail_factories
from django.db import connection
from wagtail.models import Page

from tests.factories import (
    JournalEntryFactory,
    RegistrationFactory,
    UserFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    publish_revision,
)

BASE_DIR = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash")


def run(args, env, expect=0):
    completed = subprocess.run(args, cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert completed.returncode == expect, completed.stdout + completed.stderr
    return completed


def site_environment(root, name):
    """The dev settings on the SQLite file `name`.sqlite3 and the media folder `name`-media under `root`."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{root / name}.sqlite3",
        MEDIA_ROOT=str(root / f"{name}-media"),
        PYTHON=sys.executable,
    )
    return environment


def fingerprint(env):
    return json.loads(run([sys.executable, "tests/smoke/fingerprint.py", "--require-content"], env).stdout)


def small_site(media_root):
    """An index, a workshop with a sign-up and a published revision, a journal entry, and an image whose file is
    written under `media_root` (the tests' own storage is in memory)."""
    author = UserFactory(username="sauvegarde")
    index = WorkshopIndexPageFactory(parent=Page.get_first_root_node())
    workshop = WorkshopPageFactory(parent=index, title="Atelier sauvegardé")
    publish_revision(workshop, author, summary="Une version publiée.")
    RegistrationFactory(workshop=workshop, email="inscrite@example.org")
    JournalEntryFactory(author=author, title="Une entrée du journal")
    image = wagtail_factories.ImageFactory(title="Une image")
    path = media_root / image.file.name
    path.parent.mkdir(parents=True)
    with image.file.open("rb") as file:
        path.write_bytes(file.read())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite path; .ci/production tests PostgreSQL's")
def test_a_backup_restored_into_an_empty_database_brings_the_same_site_back(tmp_path):
    site, restored = site_environment(tmp_path, "site"), site_environment(tmp_path, "restored")
    small_site(tmp_path / "site-media")
    # The migrated test database, with the site, copied to a file: quicker than migrating one.
    with sqlite3.connect(tmp_path / "site.sqlite3") as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)

    archive = Path(run([BASH, "scripts/backup", str(tmp_path / "backups")], site).stdout.strip())
    assert archive.name.startswith("gare-centrale-sqlite-")
    with tarfile.open(archive) as contents:
        assert sorted(contents.getnames()) == ["database.sqlite3", "manifest.txt", "media.tar"]
    run([BASH, "scripts/restore", str(archive)], restored)

    original = fingerprint(site)
    assert fingerprint(restored) == original
    assert original["database"]["workshops.Registration"]["rows"] == 1
    assert any(path.startswith("original_images/") for path in original["media"])


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    (tmp_path / "site.sqlite3").write_bytes(b"")
    (tmp_path / "manifest.txt").write_text("engine=sqlite\n")
    archive = tmp_path / "backup.tar"
    with tarfile.open(archive, "w") as contents:
        contents.add(tmp_path / "manifest.txt", "manifest.txt")
    refused = run([BASH, "scripts/restore", str(archive)], site_environment(tmp_path, "site"), expect=1)
    assert "exists: restore into a new file" in refused.stderr
