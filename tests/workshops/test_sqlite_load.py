"""Concurrent sign-ups on SQLite wait their turn: no "database is locked" error, no overbooking."""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from workshops.models import Registration

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own locking; test_concurrency.py covers PostgreSQL"
)


def test_twenty_four_simultaneous_sign_ups_on_a_sqlite_file_all_get_an_answer(tmp_path):
    # The suite's SQLite lives in memory, where writers never meet: the script works on a file of its own.
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.workshops.sqlite_load"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    outcome = json.loads(result.stdout)

    assert outcome["errors"] == []
    assert Counter(outcome["statuses"]) == {302: 24}
    assert outcome["registrations"] == {
        Registration.Status.CONFIRMED: outcome["capacity"],
        Registration.Status.WAITING: 24 - outcome["capacity"],
    }
