"""Routing (core/pages.py): the pages on the way read in one query, and the same answers as Wagtail's own routing,
level by level: a routable page's own URLs first, a page on the way that is not live, a page that is not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from tests.factories import ResourceIndexPageFactory, WikiPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wiki(home):
    index = ResourceIndexPageFactory(parent=home, title="Ressources", slug="ressources")
    guide = WikiPageFactory(parent=index, title="Guide", slug="guide")
    chapter = WikiPageFactory(parent=guide, title="Chapitre", slug="chapitre")
    return {"index": index, "guide": guide, "chapter": chapter}


def test_a_page_deep_down_costs_the_queries_of_one_a_level_up(client, wiki):
    deep = WikiPageFactory(parent=wiki["chapter"], title="Section", slug="section")
    deeper = WikiPageFactory(parent=deep, title="Paragraphe", slug="paragraphe")
    counts = []
    for page in (wiki["chapter"], deeper):
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url, {"v": 1}).status_code == 200  # a query string: never from the page cache
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_pages_answer_at_their_address_and_unknown_addresses_are_not_found(client, wiki):
    assert "Chapitre" in client.get("/ressources/guide/chapitre/").content.decode()
    assert client.get("/ressources/guide/inconnu/").status_code == 404
    assert client.get("/ressources/inconnu/chapitre/").status_code == 404


def test_a_routable_page_answers_its_own_urls_before_a_child_of_that_slug(client, wiki):
    # The wiki refuses the slug now (WikiPage.clean): a page from before that rule, written as it was.
    child = WikiPageFactory(parent=wiki["guide"], title="Une page nommée historique", slug="ancienne")
    Page.objects.filter(pk=child.pk).update(slug="historique", url_path=f"{wiki['guide'].url_path}historique/")
    html = client.get("/ressources/guide/historique/").content.decode()
    assert "Une page nommée historique" not in html and "Guide" in html  # the guide's history, as in Wagtail


def test_a_page_on_the_way_need_not_be_live_but_the_page_asked_for_must(client, wiki):
    wiki["guide"].unpublish()
    assert client.get("/ressources/guide/chapitre/").status_code == 200
    assert client.get("/ressources/guide/").status_code == 404
    wiki["chapter"].unpublish()
    assert client.get("/ressources/guide/chapitre/").status_code == 404


def test_the_breadcrumb_comes_from_the_pages_on_the_way(client, wiki):
    html = client.get("/ressources/guide/chapitre/").content.decode()
    breadcrumb = html.split('class="breadcrumb', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/">Accueil</a>' in breadcrumb
    assert (
        '<a href="/ressources/">Ressources</a>' in breadcrumb and '<a href="/ressources/guide/">Guide</a>' in breadcrumb
    )
    assert '<span aria-current="page">Chapitre</span>' in breadcrumb


def test_a_pages_address_is_the_one_wagtail_gives_it(rf, wiki, settings):
    """Written without a reverse() of each page (SitePage.get_url_parts), a page's address is still Wagtail's: of the
    home page, of pages down the tree, of a slug reverse() quotes, and on a second site."""
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True
    accented = WikiPageFactory(parent=wiki["guide"], title="Été", slug="été")
    pages = [wiki["index"].get_parent().specific, *wiki.values(), accented]
    request = rf.get("/")
    for page in pages:
        assert page.get_url_parts(request) == Page.get_url_parts(page, request)
        assert page.get_url(request) == Page.get_url(page, request)
    assert accented.url == "/ressources/guide/%C3%A9t%C3%A9/"
    Site.objects.create(hostname="autre.example", root_page=wiki["guide"])
    for page in pages:
        fresh = Page.objects.get(pk=page.pk).specific
        assert fresh.get_url_parts() == Page.get_url_parts(fresh)
