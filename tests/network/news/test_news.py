"""The news: the index newest first, its tag filter and pages, the news page, and queries that do not grow."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from tests.network.news.factories import NewsIndexPageFactory, news

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 10)


def titles(response):
    return re.findall(r'<h2 class="card-title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


@pytest.fixture
def index(home):
    return NewsIndexPageFactory(parent=home)


def test_index_lists_live_public_news_newest_first_with_their_date(client, index):
    news(index, "Ancienne", DAY - datetime.timedelta(days=30))
    news(index, "Récente", DAY, tags=["ateliers"])
    news(index, "Du milieu", DAY - datetime.timedelta(days=3))
    draft = news(index, "Brouillon", DAY)
    draft.unpublish()
    private = news(index, "Réservée", DAY)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/actualites/")
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["Récente", "Du milieu", "Ancienne"]
    assert '<time datetime="2026-11-10">10 novembre 2026</time>' in html
    assert 'href="?mot_cle=ateliers">ateliers</a>' in html
    assert 'href="/lettre/"' in html


def test_tag_filter_keeps_the_news_carrying_it(client, index):
    news(index, "Atelier de Noël", DAY, tags=["ateliers", "fêtes"])
    news(index, "Nouveau lieu", DAY, tags=["lieux"])
    response = client.get("/actualites/", {"mot_cle": "ateliers"})
    assert titles(response) == ["Atelier de Noël"]
    assert "Voir toutes les actualités" in response.content.decode()


def test_an_unknown_tag_is_explained_and_ignored(client, index):
    news(index, "Atelier de Noël", DAY, tags=["ateliers"])
    response = client.get("/actualites/", {"mot_cle": "inconnu"})
    assert response.status_code == 200
    assert titles(response) == ["Atelier de Noël"]
    assert "Aucune actualité ne porte ce mot-clé : choisissez-en un dans la liste." in response.content.decode()


def test_index_is_paginated_and_keeps_the_filter(client, index):
    for number in range(23):
        news(index, f"Actualité {number:02d}", DAY - datetime.timedelta(days=number), tags=["réseau"])
    first = client.get("/actualites/", {"mot_cle": "réseau"})
    assert len(titles(first)) == 20
    assert 'href="?mot_cle=r%C3%A9seau&amp;page=2"' in first.content.decode()
    second = client.get("/actualites/", {"mot_cle": "réseau", "page": 2})
    assert titles(second) == ["Actualité 20", "Actualité 21", "Actualité 22"]


def test_index_queries_do_not_grow_with_the_number_of_news(client, index):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/actualites/", {"mot_cle": "réseau"}).status_code == 200
        return len(queries)

    for number in range(2):
        news(index, f"Petite {number}", DAY, tags=["réseau", f"n{number}"])
    count()  # the first request fills the site's caches (root paths, settings)
    small = count()
    for number in range(15):
        news(index, f"Grande {number}", DAY, tags=["réseau", f"m{number}"])
    count()  # the first request after a publication reads the menu and the footer's links again
    assert count() == small


def test_news_page_shows_date_summary_body_image_tags_and_licence(client, index):
    image = ImageFactory(title="Stand")
    page = news(
        index,
        "Temps fort",
        DAY,
        tags=["temps fort"],
        summary="Les centres sociaux ont présenté leurs prototypes.",
        body=[("markdown", "Une **belle** journée.<script>alert(1)</script>")],
        image=image,
        image_alt="Le stand d'un centre social",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Publiée le" in html and "10 novembre 2026" in html
    assert '<p class="lead">Les centres sociaux ont présenté leurs prototypes.</p>' in html
    assert "<strong>belle</strong>" in html and "<script>alert" not in html
    assert 'alt="Le stand d&#x27;un centre social"' in html
    assert 'href="/actualites/?mot_cle=temps-fort"' in html
    assert "CC BY-SA 4.0" in html
    assert 'type="application/atom+xml"' in html and 'href="/actualites/flux.atom"' in html


def test_news_page_downloads_as_markdown_with_its_licence(client, index):
    page = news(index, "Temps fort", DAY, body=[("markdown", "Une journée.")])
    response = client.get(page.url, {"format": "md"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Temps fort" in text and "Une journée." in text and "CC BY-SA 4.0" in text


def test_site_search_finds_news_and_filters_them_by_kind(client, index):
    news(index, "Atelier de Noël", DAY, summary="Un atelier festif pour les familles.")
    response = client.get("/recherche/", {"q": "festif", "type": "actualite"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Atelier de Noël" in html and "<mark>festif</mark>" in html
