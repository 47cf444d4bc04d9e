"""Server time and queries of each key request, in this process, through django.test.Client, with the production
settings (the caller has set them up).

Uncached: the whole cache is emptied before the request (page cache, rendered Markdown, everything), so it is the
cost of a page nobody asked for since the last publication. Its queries are counted so, cold, and warm too: built
out of the page cache while what every page shares (settings, menus, funders, rendered texts) is still kept, as a
running site builds most pages, and as the load test asks them (bench/load.py). Cached: the same request again at
once, by another anonymous visitor (a client without cookies), as the public page cache serves it; only for
anonymous requests without a query string, which the cache skips. Members' pages are never cached: they are
measured uncached only.
"""

import statistics
import time
from http.cookies import SimpleCookie

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .load import uncached as skipping_page_cache


class UnexpectedResponse(Exception):  # noqa: N818 — domain names, as the style guide asks
    """A key request answered something else than 200: the data set or the URL is wrong, the figures would be too."""


def session_cookie(username):
    """The session cookie of a demo account, for a load generator to send (it lives in the shared session store)."""
    visitor = Visitor(username)
    return "; ".join(f"{name}={morsel.value}" for name, morsel in visitor.client.cookies.items())


class Visitor:
    """Who asks: a new anonymous visitor each time (no cookies), or a logged-in member, logged in again, outside
    what is measured, each time the cache (which may hold the sessions) is emptied.

    One client throughout: a new one loads the middleware again, and WhiteNoise's reads every static file (100 ms
    here), which no server does per request."""

    def __init__(self, username):
        self.username = username
        self.client = Client()
        self.log_in()

    def log_in(self):
        self.client.cookies = SimpleCookie()
        if self.username:
            self.client.force_login(get_user_model().objects.get(username=self.username))

    def get(self, path):
        """The body of the page, read in full: a download (a FileResponse) is read from its file as it is sent."""
        response = self.client.get(path)
        body = response.getvalue()
        if not self.username:
            self.client.cookies = SimpleCookie()
        if response.status_code != 200:
            raise UnexpectedResponse(f"{path} : réponse {response.status_code}, 200 attendu")
        return body

    def forget(self):
        cache.clear()
        self.log_in()


def timed(visitor, path):
    start = time.perf_counter()
    visitor.get(path)
    return (time.perf_counter() - start) * 1000


def counted(visitor, path):
    with CaptureQueriesContext(connection) as queries:
        visitor.get(path)
    return len(queries.captured_queries)


def summary(timings):
    if not timings:
        return None
    ordered = sorted(timings)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1), "runs": len(ordered)}


def measure(request, runs, budget=60, fewest=3):
    """Queries and timings of one key request: `runs` uncached, and as many cached when it may be cached; fewer
    (but at least `fewest`) when they take more than `budget` seconds in all."""
    visitor = Visitor(request.username)
    visitor.get(request.path)  # the first request of a process loads templates, translations…: not measured
    visitor.forget()
    queries = counted(visitor, request.path)
    cached_queries = counted(visitor, request.path) if request.is_cacheable else None
    warm_queries = counted(visitor, skipping_page_cache(request.path))
    uncached, cached = [], []
    start = time.perf_counter()
    for run in range(runs):
        if run >= fewest and time.perf_counter() - start > budget:
            break
        visitor.forget()
        uncached.append(timed(visitor, request.path))
        if request.is_cacheable:
            cached.append(timed(visitor, request.path))
    return {
        "queries": queries,
        "cached_queries": cached_queries,
        "warm_queries": warm_queries,
        "uncached": summary(uncached),
        "cached": summary(cached),
    }


def same_size(path, other_path):
    """Whether two addresses give pages of the same length, to within 1 % (CSRF tokens, times…): the query string
    that skips the page cache must not change the page measured."""
    visitor = Visitor("")
    lengths = [len(visitor.get(each)) for each in (path, other_path)]
    return abs(lengths[0] - lengths[1]) <= 0.01 * max(lengths)
