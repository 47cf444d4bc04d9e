"""Versions in the shared cache (core/cache_versions.py): moved on at a change, and again once it is committed; what
is kept under them is read with them, and never when built under versions since moved on."""

import pytest

from core import cache_versions
from resources import wiki

pytestmark = pytest.mark.django_db


def test_a_version_moves_on_at_once_and_again_at_the_commit(django_capture_on_commit_callbacks):
    before = cache_versions.current("test-version")
    with django_capture_on_commit_callbacks(execute=True):
        cache_versions.move_on("test-version", "other-version")
        # What a request reads and caches before the commit, from the data before the change…
        in_between = cache_versions.current("test-version")
        assert in_between != before
    # …is stale once the change is committed.
    assert cache_versions.current("test-version") not in (before, in_between)


def test_the_wiki_links_are_resolved_again_once_a_page_change_is_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        wiki.renew_links()
        in_between = cache_versions.current(wiki.LINKS_VERSION_KEY)
    assert cache_versions.current(wiki.LINKS_VERSION_KEY) != in_between


def test_a_value_built_while_its_versions_move_on_is_never_read_back():
    versions, value = cache_versions.read(["test-version"], "test-value")
    assert value is cache_versions.MISSING
    cache_versions.move_on("test-version")  # an edit, while the value was built from the data before it
    cache_versions.keep(versions, "test-value", "built before the edit", 60)
    assert cache_versions.read(["test-version"], "test-value")[1] is cache_versions.MISSING
    versions, _ = cache_versions.read(["test-version"], "test-value")
    cache_versions.keep(versions, "test-value", "built after the edit", 60)
    assert cache_versions.read(["test-version"], "test-value")[1] == "built after the edit"


def test_a_value_is_read_with_its_versions_in_one_round_trip(monkeypatch):
    versions, _ = cache_versions.read(["test-version", "other-version"], "test-value")
    cache_versions.keep(versions, "test-value", None, 60)  # None is a value like any other
    calls = []
    get_many = cache_versions.cache.get_many
    monkeypatch.setattr(cache_versions.cache, "get_many", lambda keys: calls.append(keys) or get_many(keys))
    assert cache_versions.read(["test-version", "other-version"], "test-value") == (versions, None)
    assert len(calls) == 1


def test_a_page_reads_what_every_page_shares_in_one_round_trip(client, home, monkeypatch):
    client.get("/")  # the fragments every page shares, built once
    calls, within = [], []

    def counted(method):
        def call(*args, **kwargs):
            # A round trip is a call from outside the cache: a local cache's get_many calls its own get per key.
            if not within:
                calls.append(args)
            within.append(method)
            try:
                return method(*args, **kwargs)
            finally:
                within.pop()

        return call

    for name in ("get", "get_many"):
        monkeypatch.setattr(cache_versions.cache, name, counted(getattr(cache_versions.cache, name)))
    assert client.get("/?autre=1").status_code == 200  # out of the page cache: built, its fragments read
    ours = [args for args in calls if args != ("wagtail_site_root_paths",)]  # Wagtail's own read of its sites
    assert len(ours) == 1, ours


def test_each_reader_of_a_shared_value_gets_its_own_copy(client, home):
    cache_versions.start_request()
    try:
        versions, _ = cache_versions.read_shared(["test-version"], "test-shared")
        cache_versions.keep_shared(versions, "test-shared", {"name": "kept"}, 60)
        cache_versions.read_shared(["test-version"], "test-shared")[1]["name"] = "changed by a reader"
        assert cache_versions.read_shared(["test-version"], "test-shared")[1] == {"name": "kept"}
        cache_versions.move_on("test-version")  # an edit during the request: read again under the new version
        assert cache_versions.read_shared(["test-version"], "test-shared")[1] is cache_versions.MISSING
    finally:
        cache_versions.end_request()
