"""The tool sheet library (/outils/) and the wiki index: filters, pagination, tags, and queries that do not grow."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ToolSheetPage
from tests.factories import (
    ResourceIndexPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    WikiPageFactory,
)

pytestmark = pytest.mark.django_db

INTERNAL = ToolSheetPage.Category.INTERNAL
EXTERNAL = ToolSheetPage.Category.EXTERNAL


def sheet(index, title, tags=(), **fields):
    page = ToolSheetPageFactory(parent=index, title=title, **fields)
    if tags:
        page.tags.add(*tags)
        page.save_revision().publish()
    return page


def titles(response):
    return re.findall(r'<h3 class="card-title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


@pytest.fixture
def library(home):
    index = ToolSheetIndexPageFactory(parent=home)
    sheet(index, "Écrire avec un pad", tags=["réunion", "écriture"], category=INTERNAL, is_free_software=True)
    sheet(index, "Page Facebook", tags=["réseaux sociaux"], category=EXTERNAL, is_free_software=False)
    sheet(index, "Mastodon", tags=["réseaux sociaux"], category=EXTERNAL, is_free_software=True)
    sheet(index, "Visio Jitsi", tags=["réunion"], category=INTERNAL, is_free_software=True)
    return index


def test_index_lists_all_sheets_with_their_count_category_and_tags(client, library):
    response = client.get("/outils/")
    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Mastodon", "Page Facebook", "Visio Jitsi", "Écrire avec un pad"]
    assert "4 fiches" in html
    assert "Valorisation externe · Logiciel libre" in html
    assert 'href="?mot_cle=r%C3%A9seaux-sociaux">réseaux sociaux</a>' in html


def test_filter_by_category_shows_only_its_sheets(client, library):
    response = client.get("/outils/", {"categorie": EXTERNAL})
    assert sorted(titles(response)) == ["Mastodon", "Page Facebook"]
    assert "2 fiches" in response.content.decode()


def test_filter_by_tag_and_the_tag_links_filter(client, library):
    html = client.get("/outils/").content.decode()
    link = re.search(r'href="(\?mot_cle=[^"]*)">réunion</a>', html).group(1)
    response = client.get("/outils/" + link)
    assert sorted(titles(response)) == ["Visio Jitsi", "Écrire avec un pad"]


def test_free_software_filter(client, library):
    response = client.get("/outils/", {"libre": "on"})
    assert "Page Facebook" not in titles(response)
    assert len(titles(response)) == 3


def test_combined_filters(client, library):
    response = client.get("/outils/", {"categorie": EXTERNAL, "mot_cle": "réseaux-sociaux", "libre": "on"})
    assert titles(response) == ["Mastodon"]
    assert "1 fiche" in response.content.decode()
    # The form shows the filters it applied.
    assert re.search(rf'<option value="{EXTERNAL}" selected>', response.content.decode())


def test_no_match_says_so_and_offers_every_sheet(client, library):
    response = client.get("/outils/", {"categorie": INTERNAL, "mot_cle": "réseaux-sociaux"})
    html = response.content.decode()
    assert titles(response) == []
    assert "Aucune fiche ne correspond à ces critères." in html
    assert "Voir toutes les fiches" in html


def test_invalid_filter_is_explained_in_french_and_ignored(client, library):
    response = client.get("/outils/", {"categorie": "n-importe-quoi", "libre": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cette catégorie n&#x27;existe pas : choisissez-en une dans la liste." in html
    # The valid filter still applies.
    assert sorted(titles(response)) == ["Mastodon", "Visio Jitsi", "Écrire avec un pad"]

    response = client.get("/outils/", {"mot_cle": "inconnu"})
    assert "Aucune fiche ne porte ce mot-clé" in response.content.decode()
    assert len(titles(response)) == 4


def test_draft_and_private_sheets_are_not_listed(client, library):
    draft = sheet(library, "Brouillon")
    draft.unpublish()
    private = sheet(library, "Fiche réservée")
    private.view_restrictions.create(restriction_type="login")
    listed = titles(client.get("/outils/", {"page": 1}))
    assert "Brouillon" not in listed and "Fiche réservée" not in listed


def test_the_number_of_sheets_found_follows_publications_and_restrictions(client, library):
    """The numbers the filters find are kept between requests (resources/listings.py): each change shows at once."""

    def found():
        return re.search(r"(\d+) fiches?<", client.get("/outils/", {"categorie": EXTERNAL}).content.decode())[1]

    assert found() == "2"
    added = sheet(library, "Site WordPress", category=EXTERNAL)
    added.save_revision().publish()  # as an editor publishes it
    assert found() == "3"
    added.unpublish()
    assert found() == "2"
    ToolSheetPage.objects.get(title="Mastodon").view_restrictions.create(restriction_type="login")
    assert found() == "1"


def test_pagination_keeps_the_filters(client, home):
    index = ToolSheetIndexPageFactory(parent=home)
    for number in range(25):
        sheet(index, f"Outil libre {number:02}", category=INTERNAL, is_free_software=True)
    sheet(index, "Outil propriétaire", category=INTERNAL, is_free_software=False)
    response = client.get("/outils/", {"categorie": INTERNAL, "libre": "on"})
    html = response.content.decode()
    assert len(titles(response)) == 20
    assert "25 fiches" in html
    assert f'href="?categorie={INTERNAL}&amp;libre=on&amp;page=2"' in html

    second = client.get("/outils/", {"categorie": INTERNAL, "libre": "on", "page": 2})
    assert titles(second) == [f"Outil libre {number}" for number in range(20, 25)]
    assert f'href="?categorie={INTERNAL}&amp;libre=on&amp;page=1"' in second.content.decode()


def test_invalid_filters_are_left_out_of_the_pagination_links(client, home):
    index = ToolSheetIndexPageFactory(parent=home)
    for number in range(21):
        sheet(index, f"Outil {number:02}")
    html = client.get("/outils/", {"categorie": "<script>", "libre": "on"}).content.decode()
    assert 'href="?libre=on&amp;page=2"' in html
    assert "<script>" not in html


def test_wiki_index_is_paginated(client, home):
    index = ResourceIndexPageFactory(parent=home)
    for number in range(22):
        WikiPageFactory(parent=index, title=f"Page {number:02}")
    first = client.get("/ressources/")
    assert len(titles(first)) == 20
    assert 'href="?page=2"' in first.content.decode()
    assert len(titles(client.get("/ressources/", {"page": 2}))) == 2


def test_indexes_link_to_the_feeds(client, library):
    ResourceIndexPageFactory(parent=library.get_parent())
    for url in ("/outils/", "/ressources/"):
        html = client.get(url).content.decode()
        assert "S'abonner aux nouveautés" in html
        assert 'href="/ressources/flux.atom"' in html and 'href="/ressources/flux.rss"' in html


@pytest.mark.parametrize("params", [{"page": 1}, {"categorie": INTERNAL, "mot_cle": "réunion", "libre": "on"}])
def test_listing_queries_do_not_grow_with_the_number_of_sheets(client, home, django_assert_max_num_queries, params):
    index = ToolSheetIndexPageFactory(parent=home)

    def add_sheets(count):
        for _ in range(count):
            page = ToolSheetPageFactory(parent=index, category=INTERNAL)
            page.tags.add("réunion", "outil")
            page.save_revision().publish()

    add_sheets(3)
    client.get("/outils/", params)  # warms the caches a first request fills (site, settings, content types)
    with CaptureQueriesContext(connection) as small:
        assert len(titles(client.get("/outils/", params))) == 3
    small_count = len(small)  # now: the query log is reset by the next request
    add_sheets(27)
    client.get("/outils/", params)
    with django_assert_max_num_queries(small_count):
        assert len(titles(client.get("/outils/", params))) == 20
