"""Generates content in a throw-away database, then times the public listings at growing sizes, and the rendering
of the costliest Markdown."""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
sys.path.insert(0, os.getcwd())

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench import data, markdown  # noqa: E402

SIZES = [10, 100, 400]
PAGES = ["/", "/outils/", "/ateliers/", "/ressources/"]
RUNS = 15


def measure(client, url):
    """Median and worst time of an uncached request, with its query count."""
    timings = []
    for _ in range(RUNS):
        cache.clear()
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), max(timings), len(queries.captured_queries)


def main():
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    site = data.make_site()
    client = Client()
    print(f"{'pages':>6} {'adresse':<14} {'médiane ms':>11} {'pire ms':>9} {'requêtes':>9}")
    made = 0
    for size in SIZES:
        data.add_content(site, size - made)
        made = size
        for url in PAGES:
            median, worst, queries = measure(client, url)
            print(f"{size:>6} {url:<14} {median:>11.1f} {worst:>9.1f} {queries:>9}")
    markdown.main()


if __name__ == "__main__":
    main()
