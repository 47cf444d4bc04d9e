"""The map page (/carte/) as a plain list, its filters and 'près de chez moi', and each structure's page."""

import pytest
from django.urls import reverse

from community.places.models import Structure
from tests.community.places import factories as make

pytestmark = pytest.mark.django_db

MAP = "/carte/"


def names(response, kind="structures"):
    return [entry.item.name for entry in response.context["result"].structures]


@pytest.fixture
def places(home):
    valenciennes = make.structure(
        name="Centre Dutemple",
        commune="Valenciennes",
        postcode="59300",
        latitude=50.3531,
        longitude=3.5072,
        services=["demarches", "outils"],
    )
    marly = make.structure(
        name="Les Florales",
        commune="Marly",
        postcode="59770",
        insee_code="59383",
        latitude=50.3502,
        longitude=3.5602,
        services=["outils"],
    )
    denain = make.structure(
        name="Solange Tonini",
        commune="Denain",
        postcode="59220",
        insee_code="59172",
        latitude=50.3283,
        longitude=3.3802,
        services=["demarches"],
        kind="maison-quartier",
    )
    hidden = make.structure(
        name="Lieu caché", commune="Marly", postcode="59770", is_public=False, services=["demarches"]
    )
    seniors = make.structure(
        name="Le Lien numérique",
        commune="Cinq-Mars-la-Pile",
        postcode="37130",
        insee_code="37077",
        latitude=47.347,
        longitude=0.4597,
        services=["demarches"],
        publics=["seniors"],
        kind="association",
    )
    return {"valenciennes": valenciennes, "marly": marly, "denain": denain, "hidden": hidden, "seniors": seniors}


def test_the_map_lists_public_places_without_javascript(client, places):
    response = client.get(MAP)
    assert response.status_code == 200
    listed = names(response)
    assert "Centre Dutemple" in listed and "Lieu caché" not in listed
    html = response.content.decode()
    assert 'href="/carte/centre-dutemple/"' in html
    assert "Zoé Referente" not in html


def test_filter_by_service_and_near_a_postcode_puts_the_nearest_first(client, places):
    response = client.get(MAP, {"service": "demarches", "pres_de": "59770"})
    assert response.status_code == 200
    # Marly's only public place does not offer this service; the nearest that does is in Valenciennes.
    assert names(response) == ["Centre Dutemple", "Solange Tonini", "Le Lien numérique"]
    html = response.content.decode()
    assert "Du plus proche au plus éloigné de 59770" in html
    assert "3,8 km" in html  # Marly → Valenciennes


def test_near_a_commune_name_ignores_accents_and_case(client, places):
    response = client.get(MAP, {"pres_de": "DENAIN"})
    assert names(response)[0] == "Solange Tonini"
    assert client.get(MAP, {"pres_de": "cinq mars la pile"}).context["result"].location.label == "Cinq-Mars-la-Pile"
    assert names(client.get(MAP, {"pres_de": "59220 Denain"}))[0] == "Solange Tonini"
    assert names(client.get(MAP, {"pres_de": "St-Saulve"})) == names(client.get(MAP))  # unknown: the whole list


def test_unknown_commune_gives_a_french_message_and_the_whole_list(client, places):
    response = client.get(MAP, {"pres_de": "Atlantis"})
    assert response.status_code == 200
    assert "Nous ne connaissons pas de lieu à « Atlantis »" in response.content.decode()
    assert len(names(response)) == 4


def test_invalid_filter_values_are_reported_beside_the_field(client, places):
    response = client.get(MAP, {"service": "n-importe-quoi", "type": "chateau", "commune": "Paris"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choisissez un service de la liste." in html
    assert "Choisissez un type de la liste." in html
    assert "Cette commune n&#x27;est pas dans la liste." in html
    assert len(names(response)) == 4


def test_filter_by_public_keeps_places_open_to_everyone(client, places):
    response = client.get(MAP, {"public": "jeunes"})
    assert "Le Lien numérique" not in names(response)
    assert "Centre Dutemple" in names(response)
    assert "Le Lien numérique" in names(client.get(MAP, {"public": "seniors"}))


def test_filter_by_commune_and_kind(client, places):
    assert names(client.get(MAP, {"commune": "Marly"})) == ["Les Florales"]
    assert names(client.get(MAP, {"type": "maison-quartier"})) == ["Solange Tonini"]


def test_upcoming_sessions_are_listed_and_the_next_one_near_a_commune_is_shown(client, places):
    make.permanence(places["seniors"], days=-2, commune="Rillé", people_met=5)
    make.permanence(places["seniors"], days=9, commune="Rillé", postcode="37340", latitude=47.4478, longitude=0.2236)
    make.permanence(places["seniors"], days=4, commune="Hommes", postcode="37340", latitude=47.4414, longitude=0.2858)
    response = client.get(MAP, {"pres_de": "Rillé"})
    sessions = response.context["result"].permanences
    assert [e.item.commune for e in sessions] == ["Rillé", "Hommes"]  # the past one is gone; nearest first
    assert response.context["result"].next_nearby.item.commune == "Rillé"  # the commune's own session first
    by_postcode = client.get(MAP, {"pres_de": "37340"}).context["result"]
    assert by_postcode.next_nearby.item.commune == "Hommes"  # else the soonest within reach
    assert "Prochaine permanence près de chez vous" in response.content.decode()
    only_sessions = client.get(MAP, {"type": "permanence"}).context["result"]
    assert only_sessions.structures == [] and len(only_sessions.permanences) == 2


def test_the_map_embeds_its_points_for_the_script_and_loads_leaflet_from_our_static_files(client, places):
    html = client.get(MAP).content.decode()
    assert '<script id="carte-donnees" type="application/json">' in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "tile.openstreetmap.org" in html
    assert "<script>" not in html  # no inline script


def test_map_tile_server_comes_from_settings(client, places, settings):
    settings.MAP_TILE_URL = "https://tuiles.example.org/{z}/{x}/{y}.png"
    assert "https://tuiles.example.org/{z}/{x}/{y}.png" in client.get(MAP).content.decode()


def _map_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(MAP, {"service": "demarches", "pres_de": "59300"})
    return len(captured)


def test_map_queries_are_the_same_for_3_and_30_places(client, home):
    counts = []
    for total in (3, 30):
        while Structure.objects.count() < total:
            make.permanence(make.structure(services=["demarches"]))
        client.get(MAP)
        counts.append(_map_queries(client))
    assert counts[0] == counts[1]


# --- A structure's page ----------------------------------------------------------------------------------------------


def test_structure_page_shows_details_hours_in_french_and_next_sessions(client, places):
    place = places["valenciennes"]
    place.opening_hours = "Mo-Fr 09:00-12:00,14:00-17:30; PH off"
    place.phone = "03 53 01 10 20"
    place.save()
    make.permanence(place, days=5, commune="Aulnoy-lez-Valenciennes", place="Mairie annexe")
    response = client.get(reverse("places:structure", args=[place.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h 30 ; fermé les jours fériés" in html
    assert "Mairie annexe, Aulnoy-lez-Valenciennes" in html
    assert "Réaliser des démarches en ligne" in html
    assert "Zoé Referente" not in html


@pytest.mark.parametrize(
    ("role", "sees_referent"),
    [("anonymous", False), ("contributor", True), ("animator", True), ("charge", True), ("coordinator", True)],
)
def test_the_referent_is_shown_to_members_only(client, places, users, role, sees_referent):
    if users[role]:
        client.force_login(users[role])
    html = client.get(places["valenciennes"].get_absolute_url()).content.decode()
    assert ("zoe.referente@example.org" in html) is sees_referent
    # and never on the map's list, nor the open data
    assert "zoe.referente@example.org" not in client.get(MAP).content.decode()
    assert "zoe.referente" not in client.get("/carte/lieux.json").content.decode()


def test_a_logged_in_user_without_a_role_does_not_see_the_referent(client, places, django_user_model):
    client.force_login(django_user_model.objects.create_user("visiteur", password="x"))
    assert "zoe.referente@example.org" not in client.get(places["valenciennes"].get_absolute_url()).content.decode()


@pytest.mark.parametrize(("role", "status"), [("anonymous", 404), ("contributor", 200), ("coordinator", 200)])
def test_a_structure_hidden_from_the_map_is_seen_by_members_only(client, places, users, role, status):
    if users[role]:
        client.force_login(users[role])
    assert client.get(places["hidden"].get_absolute_url()).status_code == status


def test_unknown_structure_is_404(client, home):
    assert client.get("/carte/nulle-part/").status_code == 404


def test_the_map_refuses_post(client, home):
    assert client.post(MAP).status_code == 405


def test_commune_names_compare_without_accents_case_or_abbreviations():
    from community.places.nearby import distance_km, normalize

    assert normalize("St-Saulve") == normalize("SAINT SAULVE") == "saint saulve"
    assert normalize("Condé-sur-l'Escaut") == normalize("conde sur l escaut")
    assert round(distance_km(50.3502, 3.5602, 50.3531, 3.5072), 1) == 3.8  # Marly → Valenciennes
