"""The home page's latest news: the three newest, refreshed when a news item is published."""

import datetime
import re

import pytest
from django.core.cache import cache

from tests.network.news.factories import NewsIndexPageFactory, news

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 10)


def home_news(client):
    html = client.get("/").content.decode()
    section = html.split('id="actualites-titre"')[1].split("</section>")[0]
    return re.findall(r'<h3 class="card-title"><a href="[^"]*">([^<]*)</a>', section)


def test_home_shows_the_three_latest_news_even_from_the_cache(client, home):
    index = NewsIndexPageFactory(parent=home)
    for number in range(4):
        news(index, f"Actualité {number}", DAY + datetime.timedelta(days=number))
    news(index, "Brouillon", DAY + datetime.timedelta(days=20)).unpublish()
    assert home_news(client) == ["Actualité 3", "Actualité 2", "Actualité 1"]

    # The page is cached for visitors; publishing a news item renews it.
    news(index, "Toute fraîche", DAY + datetime.timedelta(days=10))
    assert home_news(client) == ["Toute fraîche", "Actualité 3", "Actualité 2"]
    html = client.get("/").content.decode()
    assert 'href="/actualites/">Toutes les actualités</a>' in html
    assert 'href="/lettre/"' in html


def test_home_without_news_says_so(client, home):
    assert "Aucune actualité pour le moment." in client.get("/").content.decode()


def test_home_queries_do_not_grow_with_the_number_of_news(client, home, django_assert_max_num_queries):
    index = NewsIndexPageFactory(parent=home)
    news(index, "Une seule", DAY)
    client.get("/")
    cache.clear()
    with django_assert_max_num_queries(100) as small:
        client.get("/")
    for number in range(12):
        news(index, f"Actualité {number}", DAY, tags=[f"n{number}"])
    cache.clear()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/")
