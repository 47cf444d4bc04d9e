"""The news feeds: Atom and RSS of live public news only, newest first, authors by name only."""

import datetime
from xml.etree import ElementTree

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import UserFactory
from tests.network.news.factories import NewsIndexPageFactory, news

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = datetime.date(2026, 11, 10)


@pytest.fixture
def index(home):
    index = NewsIndexPageFactory(parent=home)
    author = UserFactory(username="hugo", first_name="Hugo", last_name="Perrin", email="hugo@exemple.org")
    news(index, "Ancienne", DAY - datetime.timedelta(days=5), summary="Il y a cinq jours.")
    news(index, "Récente", DAY, summary="Aujourd'hui <b>même</b>.", user=author)
    news(index, "Brouillon", DAY).unpublish()
    private = news(index, "Réservée aux membres", DAY)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return index


def test_atom_feed_lists_only_live_public_news_newest_first(client, index):
    response = client.get("/actualites/flux.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 — our own output
    assert feed.findtext(f"{ATOM}title") == "Gare centrale : actualités du réseau"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Récente", "Ancienne"]
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/actualites/recente/"
    assert entries[0].findtext(f"{ATOM}summary") == "Aujourd&#x27;hui &lt;b&gt;même&lt;/b&gt;."
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == "Hugo Perrin"
    assert b"hugo@exemple.org" not in response.content


def test_rss_feed_has_the_same_items(client, index):
    response = client.get("/actualites/flux.rss")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ElementTree.fromstring(response.content).findall("channel/item")  # noqa: S314 — our own output
    assert [item.findtext("title") for item in items] == ["Récente", "Ancienne"]
    assert b"Brouillon" not in response.content and "Réservée".encode() not in response.content


def test_pages_announce_the_news_feeds_in_their_head(client, index):
    for url in ("/", "/actualites/"):
        html = client.get(url).content.decode()
        head = html.split("</head>")[0]
        assert '<link rel="alternate" type="application/atom+xml"' in head and "/actualites/flux.atom" in head
        assert "/actualites/flux.rss" in head


def test_feed_queries_do_not_grow_with_the_number_of_news(client, index, django_assert_max_num_queries):
    client.get("/actualites/flux.atom")
    with django_assert_max_num_queries(50) as small:
        client.get("/actualites/flux.atom")
    for number in range(10):
        news(index, f"Actualité {number}", DAY, user=UserFactory())
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/actualites/flux.atom")
