"""The site of the pages Wagtail serves, kept in the shared cache (core/sites.py): read once, and never stale once a
site is edited or its home page published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory

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
