"""The members' directory of referents (/annuaire/): members only, searchable by commune and service without
JavaScript, paginated, never cached; its data shows nowhere public."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.places import views
from tests.community.places import factories as make
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/annuaire/"


@pytest.fixture
def referents(home):
    return {
        "valenciennes": make.structure(
            name="Centre Dutemple", services=["demarches", "outils"], referent_name="Aline Exemple",
            referent_email="aline@exemple.org", referent_phone="01 02 03 04 05",
        ),
        "marly": make.structure(
            name="Centre de la Briquette", commune="Marly", postcode="59770", services=["outils"],
            referent_name="Bruno Exemple", referent_email="bruno@exemple.org", referent_phone="",
        ),
        "hidden": make.structure(
            name="Lieu discret", commune="Marly", postcode="59770", is_public=False, services=["demarches"],
            referent_name="Chloé Exemple", referent_email="chloe@exemple.org",
        ),
        "none": make.structure(name="Sans référent", referent_name="", referent_email="", referent_phone=""),
    }  # fmt: skip


def names(response):
    return [s.name for s in response.context["structures"]]


def test_anonymous_visitors_are_sent_to_the_login(client, referents):
    response = client.get(URL + "?commune=Marly")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/?next=/annuaire/")


def test_an_account_without_a_role_is_refused(client, referents):
    client.force_login(UserFactory(username="sans-role"))
    assert client.get(URL).status_code == 403


def test_a_member_reads_each_referent_and_how_to_reach_them(client, users, referents):
    client.force_login(users["contributor"])
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert names(response) == ["Centre de la Briquette", "Lieu discret", "Centre Dutemple"]  # by commune
    assert 'href="mailto:aline@exemple.org"' in html and 'href="tel:0102030405"' in html
    assert "Bruno Exemple" in html and "Chloé Exemple" in html  # hidden from the map, not from members
    assert "Sans référent" not in html
    assert "3 structures avec un référent" in html


def test_the_response_is_private_and_never_cached(client, users, referents):
    client.force_login(users["charge"])
    response = client.get(URL)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_member_searches_by_commune_and_by_service(client, users, referents):
    client.force_login(users["animator"])
    assert names(client.get(URL, {"commune": "Marly"})) == ["Centre de la Briquette", "Lieu discret"]
    assert names(client.get(URL, {"service": "demarches"})) == ["Lieu discret", "Centre Dutemple"]
    both = client.get(URL, {"commune": "Marly", "service": "outils"})
    assert names(both) == ["Centre de la Briquette"]
    assert "Voir tous les référents" in both.content.decode()
    nothing = client.get(URL, {"commune": "Valenciennes", "service": "materiel"})
    assert names(nothing) == [] and "Aucun référent ne correspond" in nothing.content.decode()


def test_the_form_offers_only_communes_with_a_referent_and_explains_a_wrong_one(client, users, referents):
    client.force_login(users["coordinator"])
    response = client.get(URL, {"commune": "Atlantide"})
    choices = [value for value, _label in response.context["form"].fields["commune"].choices]
    assert choices == ["", "Marly", "Valenciennes"]
    assert "Cette commune n&#x27;est pas dans la liste." in response.content.decode()


def test_pages_keep_the_search(client, users, home, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    for n in range(5):
        make.structure(name=f"Lieu {n}", commune="Marly", referent_name=f"Référent {n}")
    make.structure(name="Ailleurs", commune="Onnaing", referent_name="Autre")
    client.force_login(users["charge"])
    first = client.get(URL, {"commune": "Marly"})
    assert len(names(first)) == 2 and "Page 1 sur 3" in first.content.decode()
    assert 'href="?commune=Marly&amp;page=2"' in first.content.decode()
    last = client.get(URL, {"commune": "Marly", "page": 3})
    assert names(last) == ["Lieu 4"]


def test_queries_do_not_grow_with_the_number_of_structures(client, users, home):
    client.force_login(users["charge"])
    counts = []
    for total in (3, 30):
        while len(views.directory.with_referent()) < total:
            make.structure()
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"service": "demarches"}).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_members_find_the_directory_from_their_menu_and_the_map(client, users, referents):
    assert "/annuaire/" not in client.get("/carte/").content.decode()
    client.force_login(users["contributor"])
    assert client.get("/carte/").content.decode().count('href="/annuaire/"') == 2  # header and map page


@pytest.mark.parametrize("url", ["/carte/", "/carte/lieux.csv", "/carte/lieux.json", "/carte/lieux.geojson",
                                 "/sitemap.xml", "/recherche/?q=Exemple", "/recherche/?q=aline"])  # fmt: skip
def test_referents_show_nowhere_public(client, referents, url):
    text = client.get(url).getvalue().decode()
    assert "/annuaire/" not in text
    for person in ("Aline Exemple", "aline@exemple.org", "Bruno Exemple", "01 02 03 04 05", "+33102030405"):
        assert person not in text


def test_no_referent_on_a_structure_page_for_anonymous_visitors(client, referents):
    text = client.get(referents["valenciennes"].get_absolute_url()).content.decode()
    assert "Aline Exemple" not in text and "aline@exemple.org" not in text
