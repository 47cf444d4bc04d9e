"""Query counts of the journal's pages, net of the base template's own (menu, settings, funders, user bar), which
other parts of the site change: a page's own queries are pinned, whatever the layout around them costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# A page made of the base template alone (plus session and user for a logged-in client).
BARE_PAGE = "/compte/password_reset/done/"


def count_queries(client, url):
    client.get(url)  # warms the site's settings and root paths caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def own_queries(client, url):
    """The queries `url` makes beyond a bare page rendered for the same client."""
    return count_queries(client, url) - count_queries(client, BARE_PAGE)
