"""The site of the pages Wagtail serves, kept in the shared cache (core/sites.py): read once, and never stale once a
site is edited or its home page published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import fragments, sites
from core.pages import NAVIGATION
from network.news.models import NewsIndexPage
from tests.factories import StandardPageFactory
from tests.network.news.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def site_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [query["sql"] for query in captured if "wagtailcore_site" in query["sql"]]


def test_the_site_is_read_once_for_the_pages_wagtail_serves(client, home):
    first = StandardPageFactory(parent=home, slug="premiere")
    second = StandardPageFactory(parent=home, slug="seconde")
    assert site_queries(client, first.url)
    assert not site_queries(client, second.url)


def test_the_address_of_an_index_is_the_first_in_the_tree_and_read_without_walking_the_tree(rf, home):
    """An index's address (the news, the agenda) is read by the type's own pages, never in the order of the whole
    tree: SQLite then read the tree page after page until it met one, 8 ms at 50,000 pages."""
    request = rf.get("/")
    assert sites.index_url(NewsIndexPage, request) == ""
    NewsIndexPageFactory(parent=home, slug="actualites")
    later = StandardPageFactory(parent=home, slug="plus-tard")
    NewsIndexPageFactory(parent=later, slug="archives")
    fragments.forget(NAVIGATION)
    with CaptureQueriesContext(connection) as captured:
        assert sites.index_url(NewsIndexPage, request) == "/actualites/"
    (query,) = [query["sql"] for query in captured if "news_newsindexpage" in query["sql"]]
    assert "ORDER BY" not in query
