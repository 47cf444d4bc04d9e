"""Site search (/recherche/): what a visitor finds, how it is shown, and what never shows."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home import search as search_module
from home.search import excerpt, search
from resources import markdown, search_text
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
from workshops.models import WorkshopPage

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


def tag_choices(client):
    return [name for _, name in client.get("/recherche/").context["form"].fields["mot_cle"].choices][1:]


def test_tag_filter_offers_the_tags_of_pages_as_they_are_published_and_unpublished(client, site):
    assert tag_choices(client) == ["coopération", "réunion"]
    draft = WikiPageFactory(parent=site["wiki"], title="Visio", live=False)
    draft.tags.add("visio")
    draft.save_revision()
    assert tag_choices(client) == ["coopération", "réunion"]

    draft.save_revision().publish()
    assert tag_choices(client) == ["coopération", "réunion", "visio"]

    WikiPage.objects.get(title="Coopérer à plusieurs structures").unpublish()
    assert tag_choices(client) == ["réunion", "visio"]


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


def published_days_ago(page, days):
    Page.objects.filter(pk=page.pk).update(last_published_at=timezone.now() - timedelta(days=days))
    return page


def test_the_most_relevant_pages_come_first(client, site):
    # The page about the word is neither the first nor the last published: relevance, not the date, puts it first.
    published_days_ago(WikiPageFactory(parent=site["wiki"], title="Un agenda", summary="Et un tableur."), 3)
    best = WikiPageFactory(parent=site["wiki"], title="Le tableur", summary="Un tableur, des tableurs : le tableur.")
    published_days_ago(best, 2)
    published_days_ago(ToolSheetPageFactory(parent=site["sheets"], title="Une réunion", summary="Un tableur."), 1)
    assert result_titles(client.get("/recherche/", {"q": "tableur"}))[0] == "Le tableur"


def test_beyond_the_limit_the_most_recent_pages_are_ranked_and_the_count_says_there_are_more(client, site, monkeypatch):
    monkeypatch.setattr(search_module, "MAX_RESULTS", 3)
    # Made and published from the oldest: the most recent are the last published (PostgreSQL) and indexed (SQLite).
    for days in reversed(range(5)):
        page = WikiPageFactory(parent=site["wiki"], title=f"Vieille de {days} jours", summary="tableur")
        published_days_ago(page, days)
    response = client.get("/recherche/", {"q": "tableur"})
    html = response.content.decode()
    # The most relevant of the most recent (MAX_RESULTS + 1 are read, to tell that there are more): never the oldest.
    titles = result_titles(response)
    assert len(titles) == 3 and "Vieille de 4 jours" not in titles
    assert "Plus de 3 résultats pour « tableur »" in html
    assert "Voici les plus pertinents des 3 plus récents" in html
    outcome = search("tableur")
    assert (outcome.count, outcome.has_more) == (3, True)
    monkeypatch.setattr(search_module, "MAX_RESULTS", 5)
    outcome = search("tableur")
    assert (outcome.count, outcome.has_more) == (5, False)
    assert "5 résultats pour « tableur »" in client.get("/recherche/", {"q": "tableur"}).content.decode()


def add_matching_pages(site, count):
    # One type of page: a page of results costs one query per type of page it shows.
    for _ in range(count):
        WikiPageFactory(parent=site["wiki"], summary="Un tableur.", body=[("markdown", "Un **tableur** partagé.")])


def test_search_queries_do_not_grow_with_the_number_of_results(client, site, monkeypatch):
    """The same queries for a few pages found, for a page of them, and for more than the search ranks."""
    monkeypatch.setattr(search_module, "MAX_RESULTS", 20)
    add_matching_pages(site, 4)
    client.get("/recherche/", {"q": "outil"})  # what every page reads once is read
    counts = []
    for more in (0, 8, 40):  # 4 pages found, then 12, then 52: more than MAX_RESULTS
        add_matching_pages(site, more)
        with CaptureQueriesContext(connection) as queries:
            assert len(result_titles(client.get("/recherche/", {"q": "tableur"}))) == min(4 + more, 10)
        counts.append(len(queries))
    assert counts == [counts[0]] * 3


def test_a_search_asked_again_reads_no_index_until_a_page_is_saved_and_indexed(client, site):
    """What a search found is kept: the same words asked again (in any case), or the next page of their results,
    read no index. A page saved is indexed by a task, after its commit: once it has run, the search finds it."""
    assert result_titles(client.get("/recherche/", {"q": "tableur"})) == []
    with CaptureQueriesContext(connection) as again:
        assert result_titles(client.get("/recherche/", {"q": "Tableur"})) == []
    assert not [query for query in again.captured_queries if "wagtailsearch_indexentry" in query["sql"]]
    page = WikiPageFactory(parent=site["wiki"], title="Le tableur partagé")
    assert result_titles(client.get("/recherche/", {"q": "tableur"})) == ["Le tableur partagé"]
    page.title = "Le classeur partagé"
    page.save_revision().publish()
    assert result_titles(client.get("/recherche/", {"q": "tableur"})) == []
    assert result_titles(client.get("/recherche/", {"q": "classeur"})) == ["Le classeur partagé"]


@pytest.mark.parametrize("found", [3, 30])
def test_a_search_asks_one_query_to_find_and_rank_then_one_per_page_type_shown(
    site, django_assert_num_queries, monkeypatch, found
):
    monkeypatch.setattr(search_module, "MAX_RESULTS", 20)
    for _ in range(found):
        ToolSheetPageFactory(parent=site["sheets"], summary="Un tableur.")
    list(search("outil").results)  # what every page reads once (the private sections) is read
    # The pages found with their relevance; then the page of results: the pages' types, the tool sheets.
    with django_assert_num_queries(3):
        outcome = search("tableur")
        assert len(list(outcome.results)) == min(found, 10)
    assert outcome.has_more is (found > 20)


def finding_query(query):
    """The SQL of the query of a search that reads the search index."""
    list(search("outil").results)  # what every page reads once (the private sections) is read
    with CaptureQueriesContext(connection) as queries:
        search(query)
    (sql,) = [query["sql"] for query in queries.captured_queries if "wagtailsearch_indexentry" in query["sql"]]
    return sql


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query; PostgreSQL's is Wagtail's")
def test_sqlite_matches_the_index_once_and_reaches_the_pages_found_by_an_index(site):
    """Wagtail's SQLite backend ranked each page found by a subquery that matched the whole index again: a search
    grew with the square of the pages found. Here one match, and from the entries that match to their pages by the
    index on the page's id as text (home/migrations/0008): never a scan of every page, nor a read of their rows."""
    for _ in range(3):
        WikiPageFactory(parent=site["wiki"], summary="Un tableur.")
    sql = finding_query("tableur")
    assert sql.count(" MATCH ") == 1
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        plan = [row[-1] for row in cursor.fetchall()]
    assert plan[0].startswith("SCAN wagtailsearch_indexentry_fts VIRTUAL TABLE")
    assert "SEARCH wagtailcore_page USING COVERING INDEX gare_page_id_as_text (<expr>=?)" in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL prepares queries; SQLite plans each one")
def test_postgresql_plans_each_search_for_its_words_and_prepares_the_queries_asked_again(site):
    """The queries a connection asks often are prepared (config/database.py), and PostgreSQL may then keep one plan
    for any values. The search's best plan depends on its words: with the plan kept, a word found on every page was
    looked up in the whole full-text index (« numérique » 20 → 103 ms at scale 10). It is planned each time."""
    for _ in range(8):
        cache.clear()  # what a search found is kept: each finds again
        assert search("pad").count == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("wagtailcore_page" in statement for statement in prepared)
    assert not [statement for statement in prepared if " @@ " in statement]


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


def built(**fields):
    """A wiki page in memory, with the text its save() would keep."""
    page = WikiPageFactory.build(**fields)
    page.make_search_text()
    return page


def test_excerpt_escapes_contributors_text_before_marking_the_words():
    page = built(summary="<script>alert('pad')</script> Un pad & des ateliers", body=[])
    html = excerpt(page, ["pad", "atelier"])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;<mark>pad</mark>&#x27;)&lt;/script&gt;" in html
    assert "Un <mark>pad</mark> &amp; des <mark>ateliers</mark>" in html
    assert "<mark>pads</mark> et du padding" in excerpt(built(summary="Des pads et du padding"), ["pad"])


def test_excerpt_ignores_accents_and_case_and_centres_on_the_match():
    page = built(summary="Début. " + "mot " * 100 + "Écrire ensemble. " + "fin " * 100, body=[])
    html = excerpt(page, ["ecrire"])
    assert "<mark>Écrire</mark> ensemble" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 300


@pytest.mark.parametrize("lead", ["İstanbul,", "서울,", "Un accent seul \u0301,"])
def test_excerpt_marks_the_word_in_place_whatever_characters_come_before(lead):
    """A text is folded at once, or a character at a time where at once would shift the positions (Korean syllables,
    a lone accent): the mark stays on the word."""
    page = built(summary=f"{lead} Écrire ensemble.", body=[])
    assert f"{lead} <mark>Écrire</mark> ensemble." in excerpt(page, ["ecrire"])


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


def test_a_page_of_results_renders_no_markdown(client, site, monkeypatch):
    """The excerpts are cut from the text the pages keep: Markdown was most of what a page of results cost."""
    add_matching_pages(site, 3)

    def failing(text, **kwargs):
        raise AssertionError(f"Markdown rendered: {text!r}")

    monkeypatch.setattr(markdown, "render", failing)
    response = client.get("/recherche/", {"q": "tableur"})
    assert len(result_titles(response)) == 3
    assert "Un <mark>tableur</mark>. Un <mark>tableur</mark> partagé." in response.content.decode()


def test_the_excerpt_shows_the_published_text_not_a_draft(client, site):
    page = WikiPageFactory(parent=site["wiki"], summary="", body=[("markdown", "Un **tableur** partagé.")])
    page.save_revision().publish()
    page.body = [("markdown", "Un **tableur** libre, *pour* tous.")]
    page.save_revision()
    assert "<mark>tableur</mark> partagé." in client.get("/recherche/", {"q": "tableur"}).content.decode()
    WikiPage.objects.get(pk=page.pk).get_latest_revision().publish()
    html = client.get("/recherche/", {"q": "tableur"}).content.decode()
    assert "<mark>tableur</mark> libre, pour tous." in html and "partagé" not in html


def test_a_copied_page_keeps_its_excerpt(client, site):
    page = WikiPageFactory(parent=site["wiki"], title="Un tableur", summary="Un tableur partagé.")
    page.copy(to=site["wiki"], update_attrs={"title": "Un tableur, copie", "slug": "un-tableur-copie"})
    response = client.get("/recherche/", {"q": "tableur"})
    assert sorted(result_titles(response)) == ["Un tableur", "Un tableur, copie"]
    assert response.content.decode().count("<mark>tableur</mark> partagé.") == 2


def test_the_migration_gives_the_pages_saved_before_it_their_text(client, site):
    """Pages from before the stored text get from the migration the text their save() would make."""
    workshop = WorkshopPageFactory(
        parent=site["workshops"], summary="Un atelier.", body=[("markdown", "Un **tableur** partagé.")]
    )
    kept = WorkshopPage.objects.get(pk=workshop.pk).search_text
    WorkshopPage.objects.update(search_text="")
    search_text.fill(WorkshopPage, ("summary", "body", "memory_public", "audience", "objectives"))
    assert WorkshopPage.objects.get(pk=workshop.pk).search_text == kept
    html = client.get("/recherche/", {"q": "tableur"}).content.decode()
    assert "Un atelier. Un <mark>tableur</mark> partagé." in html
