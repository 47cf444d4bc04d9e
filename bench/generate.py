"""`python -m bench.generate --scale N --summary FILE`: migrates the empty database of DATABASE_URL and fills it
with the data set of that scale (bench/data.py), with the settings of bench/settings.py; writes what it made, and
how long each step took, to FILE as JSON. `python -m bench` runs it in a process of its own."""

import argparse
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--summary", required=True)
    options = parser.parse_args()
    django.setup()

    from django.core.management import call_command

    from bench import data

    start = time.perf_counter()
    print("Migrations…", file=sys.stderr, flush=True)
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    print(f"Données, échelle {options.scale:g} :", file=sys.stderr, flush=True)
    summary = data.build(options.scale, log=lambda line: print(line, file=sys.stderr, flush=True))
    settle()
    summary["migrate_seconds"] = round(migrated - start, 1)
    summary["generate_seconds"] = round(time.perf_counter() - migrated, 1)
    with open(options.summary, "w") as file:
        json.dump(summary, file)


def settle():
    """On PostgreSQL, what autovacuum does soon after bulk writes, before the measures: the planner's statistics,
    which predate the data (it chose its plans by counts seven times too small), and the dead rows gone (the search
    index, written then rewritten by batch, kept a dead row for each live one) with the map of pages all visible,
    without which an index is never read alone. A site a day old has neither. SQLite keeps statistics only when
    asked (ANALYZE), which a site never does."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
