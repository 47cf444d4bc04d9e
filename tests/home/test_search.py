"""Site search (/recherche/): what a visitor finds, how it is shown, and what never shows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.search import excerpt, search
from resources.models import ToolSheetPage, WikiPage
from tests.factories import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    ResourceIndexPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    WikiPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db


def result_titles(response):
    return re.findall(r'<h3 class="card-title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


@pytest.fixture
def site(home):
    wiki = ResourceIndexPageFactory(parent=home)
    sheets = ToolSheetIndexPageFactory(parent=home)
    workshops = WorkshopIndexPageFactory(parent=home)
    pad = ToolSheetPageFactory(
        parent=sheets,
        title="Écrire à plusieurs avec un pad",
        summary="Un document en ligne que toute l'équipe modifie en même temps.",
        steps=[("markdown", "1. Ouvrez **Etherpad** chez un hébergeur associatif.\n2. Partagez l'adresse du pad.")],
    )
    pad.tags.add("réunion")
    pad.save_revision().publish()
    cooperation = WikiPageFactory(
        parent=wiki,
        title="Coopérer à plusieurs structures",
        summary="Postures et outils pour agir ensemble entre associations voisines.",
    )
    cooperation.tags.add("coopération")
    cooperation.save_revision().publish()
    WorkshopPageFactory(parent=workshops, title="Soirée culture numérique", summary="Un atelier sur les communs.")
    return {"wiki": wiki, "sheets": sheets, "workshops": workshops}


def test_finds_a_tool_sheet_by_a_word_of_its_steps_with_the_word_highlighted(client, site):
    response = client.get("/recherche/", {"q": "etherpad"})
    html = response.content.decode()
    assert response.status_code == 200
    assert result_titles(response) == ["Écrire à plusieurs avec un pad"]
    assert "1 résultat pour « etherpad »" in html
    assert "<mark>Etherpad</mark>" in html
    assert "Fiche outil" in html


def test_finds_a_wiki_page_by_its_summary(client, site):
    response = client.get("/recherche/", {"q": "postures"})
    assert result_titles(response) == ["Coopérer à plusieurs structures"]
    assert "<mark>Postures</mark> et outils" in response.content.decode()


def test_finds_a_workshop(client, site):
    assert result_titles(client.get("/recherche/", {"q": "communs"})) == ["Soirée culture numérique"]


def test_finds_a_journey_by_its_territory(client, site, home):
    journeys = JourneyIndexPageFactory(parent=home)
    JourneyPageFactory(parent=journeys, title="DUNAR", territory="Langeais\nHommes")
    response = client.get("/recherche/", {"q": "Hommes", "type": "parcours"})
    assert result_titles(response) == ["DUNAR"]
    assert "Parcours" in response.content.decode()


def test_type_filter(client, site):
    assert len(result_titles(client.get("/recherche/", {"q": "outils pad communs", "type": ""}))) == 3
    response = client.get("/recherche/", {"q": "outils pad communs", "type": "fiche-outil"})
    assert result_titles(response) == ["Écrire à plusieurs avec un pad"]
    response = client.get("/recherche/", {"q": "outils pad communs", "type": "wiki"})
    assert result_titles(response) == ["Coopérer à plusieurs structures"]
    response = client.get("/recherche/", {"q": "outils pad communs", "type": "atelier"})
    assert result_titles(response) == ["Soirée culture numérique"]


def test_tag_filter(client, site):
    response = client.get("/recherche/", {"q": "outils pad communs", "mot_cle": "coopération"})
    assert result_titles(response) == ["Coopérer à plusieurs structures"]


def test_pages_with_all_the_words_else_with_any_of_them(client, site):
    assert result_titles(client.get("/recherche/", {"q": "etherpad adresse"})) == ["Écrire à plusieurs avec un pad"]
    response = client.get("/recherche/", {"q": "etherpad postures"})
    assert sorted(result_titles(response)) == ["Coopérer à plusieurs structures", "Écrire à plusieurs avec un pad"]
    assert "Aucune page ne contient tous ces mots" in response.content.decode()


def test_no_result_page_with_suggestions(client, site):
    response = client.get("/recherche/", {"q": "xylophone", "type": "wiki"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun résultat pour « xylophone »" in html
    assert "vérifiez l&#x27;orthographe" in html or "vérifiez l'orthographe" in html
    assert 'href="?q=xylophone"' in html  # the same search without the filter
    for index in site.values():
        assert f'href="{index.url}"' in html


def test_empty_query_shows_the_form_only(client, site):
    response = client.get("/recherche/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="q"' in html and 'role="search"' in html
    assert "Aucun résultat" not in html and "résultat pour" not in html


def test_too_long_query_is_refused_in_french(client, site):
    response = client.get("/recherche/", {"q": "pad " * 60})
    assert response.status_code == 400
    assert "La recherche est trop longue : 200 caractères au plus" in response.content.decode()


def test_invalid_type_is_refused_in_french(client, site):
    response = client.get("/recherche/", {"q": "pad", "type": "inconnu"})
    assert response.status_code == 400
    assert "Ce type de contenu n&#x27;existe pas" in response.content.decode()


@pytest.mark.parametrize("query", ['"pad', "pad*", "NEAR(pad", "pad OR", "l'équipe -pad", "«»;--", "AND"])
def test_search_syntax_and_punctuation_never_break_the_page(client, site, query):
    assert client.get("/recherche/", {"q": query}).status_code == 200


def test_drafts_unpublished_and_private_pages_never_appear(client, site):
    draft = WikiPageFactory(parent=site["wiki"], title="Brouillon xylophone", summary="xylophone", live=False)
    draft.save_revision()
    unpublished = ToolSheetPageFactory(parent=site["sheets"], title="Retirée xylophone", summary="xylophone")
    unpublished.unpublish()
    private = WikiPageFactory(parent=site["wiki"], title="Réservée", summary="xylophone")
    private.view_restrictions.create(restriction_type="login")
    WikiPageFactory(parent=private, title="Sous-page réservée", summary="xylophone")
    response = client.get("/recherche/", {"q": "xylophone"})
    assert "Aucun résultat pour « xylophone »" in response.content.decode()


def test_results_are_paginated_and_links_keep_the_query(client, site):
    for number in range(12):
        ToolSheetPageFactory(parent=site["sheets"], title=f"Fiche {number}", summary="Un tableur partagé.")
    response = client.get("/recherche/", {"q": "tableur", "type": "fiche-outil"})
    html = response.content.decode()
    assert len(result_titles(response)) == 10
    assert "12 résultats pour « tableur »" in html
    assert 'href="?q=tableur&amp;type=fiche-outil&amp;page=2"' in html
    assert len(result_titles(client.get("/recherche/", {"q": "tableur", "type": "fiche-outil", "page": 2}))) == 2


def test_search_queries_do_not_grow_with_the_number_of_results(client, site, django_assert_max_num_queries):
    def add_pages(count):
        for _ in range(count):
            WikiPageFactory(parent=site["wiki"], summary="Un tableur.", body=[("markdown", "Un **tableur** partagé.")])
            ToolSheetPageFactory(parent=site["sheets"], summary="Un tableur.", steps=[("markdown", "Le tableur.")])

    add_pages(2)
    client.get("/recherche/", {"q": "tableur"})
    with CaptureQueriesContext(connection) as small:
        assert len(result_titles(client.get("/recherche/", {"q": "tableur"}))) == 4
    small_count = len(small)
    add_pages(13)
    with django_assert_max_num_queries(small_count):
        assert len(result_titles(client.get("/recherche/", {"q": "tableur"}))) == 10


def test_every_page_has_a_labelled_search_box_in_its_header(client, site):
    html = client.get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert 'role="search"' in header and 'action="/recherche/"' in header
    assert '<label for="recherche-site"' in header and 'id="recherche-site" name="q"' in header


def test_search_operation_filters_by_kind_and_tag(site):
    outcome = search("pad outils", kind="fiche-outil")
    assert [hit.page.title for hit in outcome.results] == ["Écrire à plusieurs avec un pad"]
    assert isinstance(outcome.results[0].page, ToolSheetPage)
    assert search("pad outils", tag="réunion").count == 1
    assert search("   ").count == 0


def test_excerpt_escapes_contributors_text_before_marking_the_words():
    page = WikiPageFactory.build(summary="<script>alert('pad')</script> Un pad & des ateliers", body=[])
    html = excerpt(page, ["pad", "atelier"])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;<mark>pad</mark>&#x27;)&lt;/script&gt;" in html
    assert "Un <mark>pad</mark> &amp; des <mark>ateliers</mark>" in html
    assert "<mark>pads</mark> et du padding" in excerpt(
        WikiPageFactory.build(summary="Des pads et du padding"), ["pad"]
    )


def test_excerpt_ignores_accents_and_case_and_centres_on_the_match():
    page = WikiPageFactory.build(summary="Début. " + "mot " * 100 + "Écrire ensemble. " + "fin " * 100, body=[])
    html = excerpt(page, ["ecrire"])
    assert "<mark>Écrire</mark> ensemble" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 300


def test_an_excerpt_reads_a_pages_text_and_captions_without_fetching_its_images_or_documents(
    site, django_assert_num_queries
):
    photo = Image.objects.create(title="Photo", file=get_test_image_file())
    page = WikiPageFactory(
        parent=site["wiki"],
        summary="",
        body=[
            ("markdown", "Un **tableur** partagé, voir [[Tableurs libres]]."),
            ("image", {"image": photo, "alt": "Le tableur au mur", "caption": "Tableur en atelier"}),
            ("callout", {"title": "Astuce", "text": "Nommez vos onglets."}),
            ("table", {"data": [["Colonne tableur"]]}),
        ],
    )
    page = WikiPage.objects.get(pk=page.pk)  # its body as stored, as search results read it
    with django_assert_num_queries(0):
        html = excerpt(page, ["tableur"])
    # A wiki link reads as its label alone, whether or not its page exists.
    assert "Un <mark>tableur</mark> partagé, voir <mark>Tableurs</mark> libres. Le <mark>tableur</mark> au mur" in html
    assert "au mur <mark>Tableur</mark> en atelier" in html
    assert "Astuce Nommez vos onglets. Colonne <mark>tableur</mark>" in html
