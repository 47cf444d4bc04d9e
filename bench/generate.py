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
    """On PostgreSQL, what autovacuum does soon after bulk writes, before the measures: the search index, written then
    rewritten by batch (its title norms), keeps a dead row for each live one, and the planner's statistics predate
    the data. Measured on them, the search read twice its entries and chose its plans by counts seven times too small
    (90 ms instead of 43 at scale 10, issue 16); a site a day old has neither."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
