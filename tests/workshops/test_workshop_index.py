"""The workshop agenda at /ateliers/: upcoming or past, by commune, format and theme, paginated, without JavaScript."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import paging
from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return WorkshopIndexPageFactory(parent=home)


def days_from_now(days):
    start = timezone.now() + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=3)}


def titles(response):
    return [workshop.title for workshop in response.context["workshops"]]


def test_upcoming_workshops_by_default_soonest_first_and_past_ones_on_demand(client, index):
    WorkshopPageFactory(parent=index, title="Plus tard", **days_from_now(20))
    WorkshopPageFactory(parent=index, title="Bientôt", **days_from_now(2))
    WorkshopPageFactory(parent=index, title="Hier", **days_from_now(-1))
    assert titles(client.get("/ateliers/")) == ["Bientôt", "Plus tard"]
    assert titles(client.get("/ateliers/?quand=passes")) == ["Hier"]


def test_a_workshop_under_way_is_still_upcoming_and_none_lasts_more_than_two_weeks(client, index):
    started = timezone.now() - datetime.timedelta(days=13)
    WorkshopPageFactory(parent=index, title="En cours", start=started, end=started + datetime.timedelta(days=14))
    WorkshopPageFactory(parent=index, title="Bientôt", **days_from_now(2))
    assert titles(client.get("/ateliers/")) == ["En cours", "Bientôt"]
    assert titles(client.get("/ateliers/?quand=passes")) == []
    too_long = WorkshopPageFactory.build(start=started, end=started + datetime.timedelta(days=15))
    with pytest.raises(ValidationError, match="Un atelier dure au plus 14 jours : pour un programme plus long"):
        too_long.clean()


def test_a_commune_is_typed_in_any_case_and_no_list_of_communes_is_sent(client, index):
    WorkshopPageFactory(parent=index, title="À Langeais", commune="Langeais", **days_from_now(2))
    WorkshopPageFactory(parent=index, title="À Savigné", commune="Savigné-sur-Lathan", **days_from_now(3))
    html = client.get("/ateliers/").content.decode()
    assert 'type="text" name="commune"' in html
    assert '<option value="Langeais"' not in html
    assert titles(client.get("/ateliers/?commune=savigné-sur-lathan")) == ["À Savigné"]
    assert titles(client.get("/ateliers/?commune=++Langeais+")) == ["À Langeais"]
    nowhere = client.get("/ateliers/?commune=Atlantide")
    assert titles(nowhere) == []
    assert "Aucun atelier à venir ne correspond." in nowhere.content.decode()


def test_filters_by_commune_and_format(client, index):
    WorkshopPageFactory(parent=index, title="Soirée à Langeais", commune="Langeais", format="soiree")
    WorkshopPageFactory(parent=index, title="Matinée à Langeais", commune="Langeais", format="demi-journee")
    WorkshopPageFactory(parent=index, title="Soirée à Savigné", commune="Savigné-sur-Lathan", format="soiree")
    response = client.get("/ateliers/?commune=Langeais&format=soiree")
    assert titles(response) == ["Soirée à Langeais"]
    assert 'value="Langeais"' in response.content.decode()  # the form keeps what was typed


def test_filters_by_theme_among_the_themes_in_use(client, index, home):
    tagged = WorkshopPageFactory(parent=index, title="Cartographier son territoire")
    tagged.tags.add("cartographie", "coopération")
    tagged.save()
    WorkshopPageFactory(parent=index, title="Écrire à plusieurs")
    response = client.get("/ateliers/?theme=cartographie")
    html = response.content.decode()
    assert titles(response) == ["Cartographier son territoire"]
    assert ">coopération</option>" in html
    # A workshop in a journey counts too, and its page links its themes to the filtered agenda.
    assert 'href="/ateliers/?theme=cartographie"' in client.get(tagged.url).content.decode()


def test_an_unknown_theme_is_explained_and_ignored(client, index):
    WorkshopPageFactory(parent=index, title="Atelier")
    response = client.get("/ateliers/?theme=inconnu")
    assert "Aucun atelier sur ce thème" in response.content.decode()
    assert titles(response) == ["Atelier"]


def test_an_invalid_filter_is_explained_in_french_and_ignored(client, index):
    WorkshopPageFactory(parent=index, title="Atelier", commune="Langeais")
    response = client.get("/ateliers/?format=marathon&commune=" + "x" * 500)
    assert response.status_code == 200
    html = response.content.decode()
    assert "existe pas : choisissez-en un dans la liste" in html
    assert "Un nom de commune compte au plus 120 caractères." in html
    assert titles(response) == ["Atelier"]


def test_pages_of_twenty_keep_the_filters(client, index):
    for n in range(23):
        WorkshopPageFactory(parent=index, title=f"Atelier {n:02}", commune="Langeais", **days_from_now(n + 1))
    html = client.get("/ateliers/?commune=Langeais").content.decode()
    assert "23 ateliers" in html
    assert 'href="?commune=Langeais&amp;page=2"' in html
    assert titles(client.get("/ateliers/?commune=Langeais&page=2")) == ["Atelier 20", "Atelier 21", "Atelier 22"]


def test_a_long_agenda_is_counted_no_further_than_its_bound_and_says_so(client, index, monkeypatch):
    """Thousands of workshops to come are not all counted on each visit: past the bound, the agenda says « plus de »,
    its pages stop there, and its filters reach the others."""
    monkeypatch.setattr(paging, "COUNTED_AT_MOST", 20)
    for n in range(25):
        WorkshopPageFactory(parent=index, title=f"Atelier {n:02}", commune="Langeais", **days_from_now(n + 1))
    WorkshopPageFactory(parent=index, title="À Cinq-Mars", commune="Cinq-Mars-la-Pile", **days_from_now(30))
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/ateliers/").content.decode()
    assert "plus de 20 ateliers" in html
    assert "choisissez une commune, un format ou un thème pour voir les autres" in html
    assert "page=2" not in html
    count = next(query["sql"] for query in queries.captured_queries if "COUNT(" in query["sql"].upper())
    assert "LIMIT 21" in count
    assert titles(client.get("/ateliers/?commune=Cinq-Mars-la-Pile")) == ["À Cinq-Mars"]
    assert "1 atelier)" in client.get("/ateliers/?commune=Cinq-Mars-la-Pile").content.decode()


def test_agenda_queries_do_not_grow_with_the_number_of_workshops(client, index, django_assert_max_num_queries):
    for _ in range(3):
        WorkshopPageFactory(parent=index)
    with django_assert_max_num_queries(100) as few:
        client.get("/ateliers/")
    for _ in range(30):
        WorkshopPageFactory(parent=index)
    cache.clear()  # the factories publish without the signal that clears the page cache
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get("/ateliers/")
    assert len(response.context["workshops"]) == 20
    assert any("workshops_workshoppage" in query["sql"] for query in many.captured_queries)
