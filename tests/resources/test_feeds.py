"""Atom and RSS feeds of new and updated wiki pages and tool sheets."""

import datetime
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ResourceIndexPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    UserFactory,
    WikiPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(client):
    response = client.get("/ressources/flux.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 — our own output


def rss_items(client):
    response = client.get("/ressources/flux.rss")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ElementTree.fromstring(response.content).findall("channel/item")  # noqa: S314 — our own output


def publish(page, user=None, when=None):
    revision = page.save_revision(user=user)
    revision.publish()
    if when:
        type(page).objects.filter(pk=page.pk).update(last_published_at=when)
    return page


@pytest.fixture
def indexes(home):
    return ResourceIndexPageFactory(parent=home), ToolSheetIndexPageFactory(parent=home)


def test_atom_feed_lists_wiki_pages_and_tool_sheets_newest_first(client, indexes):
    wiki, sheets = indexes
    now = timezone.now()
    author = UserFactory(username="camille", first_name="Camille", last_name="Durand")
    publish(WikiPageFactory(parent=wiki, title="Glossaire", summary="Les mots."), when=now - datetime.timedelta(days=2))
    publish(
        ToolSheetPageFactory(parent=sheets, title="Framadate", summary="Trouver une date."),
        user=author,
        when=now - datetime.timedelta(days=1),
    )
    WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=indexes[0].get_parent()), title="Un atelier")

    entries = atom_entries(client)
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Framadate", "Glossaire"]
    framadate = entries[0]
    assert framadate.find(f"{ATOM}link").get("href") == "http://testserver/outils/framadate/"
    assert framadate.findtext(f"{ATOM}summary") == "Trouver une date."
    assert framadate.findtext(f"{ATOM}author/{ATOM}name") == "Camille Durand"
    assert framadate.find(f"{ATOM}author/{ATOM}email") is None
    assert framadate.findtext(f"{ATOM}updated").startswith((now - datetime.timedelta(days=1)).date().isoformat())


def test_rss_feed_has_the_same_items(client, indexes):
    wiki, sheets = indexes
    publish(WikiPageFactory(parent=wiki, title="Glossaire", summary="Les mots."))
    publish(ToolSheetPageFactory(parent=sheets, title="Framadate", summary="Trouver une date."))
    items = rss_items(client)
    assert sorted(item.findtext("title") for item in items) == ["Framadate", "Glossaire"]
    assert all(item.findtext("link").startswith("http://testserver/") for item in items)
    assert all(item.findtext("pubDate") for item in items)


def test_summaries_and_titles_are_escaped_text(client, indexes):
    wiki, _ = indexes
    WikiPageFactory(parent=wiki, title="Tom & Jerry <b>", summary="<script>alert(1)</script> & co")
    entry = atom_entries(client)[0]
    assert entry.findtext(f"{ATOM}title") == "Tom & Jerry <b>"
    # The summary is HTML: the text arrives escaped, so a reader shows it and runs nothing.
    assert entry.findtext(f"{ATOM}summary") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    item = rss_items(client)[0]
    assert item.findtext("description") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"


def test_author_is_a_name_never_an_email(client, indexes):
    wiki, _ = indexes
    user = UserFactory(username="anonyme@exemple.org", first_name="", last_name="")
    publish(WikiPageFactory(parent=wiki, title="Page"), user=user)
    content = client.get("/ressources/flux.atom").content.decode() + client.get("/ressources/flux.rss").content.decode()
    assert "exemple.org" not in content


def test_drafts_unpublished_and_private_pages_stay_out(client, indexes):
    wiki, sheets = indexes
    WikiPageFactory(parent=wiki, title="Publiée")
    WikiPageFactory(parent=wiki, title="Brouillon", live=False).save_revision()
    ToolSheetPageFactory(parent=sheets, title="Retirée").unpublish()
    private = WikiPageFactory(parent=wiki, title="Réservée")
    private.view_restrictions.create(restriction_type="login")
    WikiPageFactory(parent=private, title="Sous-page réservée")
    assert [entry.findtext(f"{ATOM}title") for entry in atom_entries(client)] == ["Publiée"]
    assert [item.findtext("title") for item in rss_items(client)] == ["Publiée"]


def test_feed_keeps_the_twenty_latest_and_its_queries_do_not_grow(client, indexes, django_assert_max_num_queries):
    wiki, sheets = indexes
    for _ in range(3):
        WikiPageFactory(parent=wiki)
    client.get("/ressources/flux.atom")
    with CaptureQueriesContext(connection) as small:
        assert len(atom_entries(client)) == 3
    small_count = len(small)
    for _ in range(15):
        WikiPageFactory(parent=wiki)
        ToolSheetPageFactory(parent=sheets)
    with django_assert_max_num_queries(small_count):
        assert len(atom_entries(client)) == 20


def test_every_page_announces_the_feeds(client, indexes):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/ressources/flux.atom"' in html and 'href="/ressources/flux.rss"' in html
