"""Versions in the shared cache (core/cache_versions.py): moved on at a change, and again once it is committed."""

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
