"""The map page (/carte/) as a plain list, its filters and 'près de chez moi', and each structure's page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
    # Marly's only public place does not offer this service; the nearest that does is in Valenciennes. Le Lien
    # numérique, 404 km away, is beyond the default radius.
    assert names(response) == ["Centre Dutemple", "Solange Tonini"]
    html = response.content.decode()
    assert "Du plus proche au plus éloigné de 59770" in html
    assert "2,6 km" in html  # Marly's town hall → Valenciennes


def test_near_a_commune_name_ignores_accents_and_case(client, places):
    response = client.get(MAP, {"pres_de": "DENAIN"})
    assert names(response)[0] == "Solange Tonini"
    assert client.get(MAP, {"pres_de": "cinq mars la pile"}).context["result"].location.label == "Cinq-Mars-la-Pile"
    assert names(client.get(MAP, {"pres_de": "59220 Denain"}))[0] == "Solange Tonini"
    # A commune without a place of the network is found all the same, by its name or its postcode.
    assert names(client.get(MAP, {"pres_de": "St-Saulve"})) == ["Les Florales", "Centre Dutemple", "Solange Tonini"]


def test_near_anzin_a_commune_without_places_lists_those_of_valenciennes_next_door(client, places):
    response = client.get(MAP, {"pres_de": "anzin"})
    assert names(response) == ["Centre Dutemple", "Les Florales", "Solange Tonini"]
    assert "Du plus proche au plus éloigné d'Anzin" in response.content.decode()
    assert names(client.get(MAP, {"pres_de": "59410"})) == names(response)


def test_a_name_several_communes_bear_offers_the_others_by_postcode(client, places):
    html = client.get(MAP, {"pres_de": "Marly"}).content.decode()
    # The network's Marly, in the Nord, rather than the one in Moselle
    assert "voici autour de Marly (59). Pour une autre, tapez son code postal" in html
    assert "Marly (57155)." in html
    assert names(client.get(MAP, {"pres_de": "57155"})) == []  # no place of the network near Metz


def test_unknown_commune_gives_a_french_message_and_the_whole_list(client, places):
    response = client.get(MAP, {"pres_de": "Atlantis"})
    assert response.status_code == 200
    assert "Nous ne trouvons aucune commune française « Atlantis »" in response.content.decode()
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
    assert len(only_sessions.structures) == 0 and len(only_sessions.permanences) == 2


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


# --- Pages, filters in the database, radius, communes, markers (issue 16) ------------------------------------------


def sessions(response):
    return [entry.item for entry in response.context["result"].permanences]


def markers(response):
    return [feature["properties"]["name"] for feature in response.context["features"]["features"]]


@pytest.fixture
def many_places(home):
    """45 public places in three communes, and 25 upcoming sessions."""
    created = [
        make.structure(name=f"Lieu {n:02d}", commune=("Anzin", "Bruay", "Crespin")[n % 3], services=["demarches"])
        for n in range(45)
    ]
    for day in range(25):
        make.permanence(created[0], days=day)
    return created


def test_places_and_sessions_come_a_page_at_a_time_with_their_total(client, many_places):
    response = client.get(MAP)
    result = response.context["result"]
    assert len(result.structures) == 20 and result.structures.paginator.count == 45
    assert len(result.permanences) == 20 and result.permanences.paginator.count == 25
    html = response.content.decode()
    assert "45 lieux" in html and "25 permanences mobiles à venir" in html
    assert "Page 1 sur 3" in html and "Page 1 sur 2" in html
    assert len(names(client.get(MAP, {"page": 3}))) == 5
    assert len(sessions(client.get(MAP, {"page_permanences": 2}))) == 5


def test_the_totals_follow_each_change_of_the_places_and_sessions(client, many_places):
    """The totals are kept between requests (finder.py): a place or a session added, hidden or cancelled shows at
    once, filtered or not."""

    def totals(params=None):
        result = client.get(MAP, params or {}).context["result"]
        return result.structures.paginator.count, result.permanences.paginator.count

    assert totals() == (45, 25)
    assert totals({"service": "demarches"})[0] == 45
    place = make.structure(services=["securite"])
    make.permanence(place)
    assert totals() == (46, 26)
    assert totals({"service": "demarches"})[0] == 45
    place.is_public = False
    place.save()
    assert totals() == (45, 25)


def test_page_links_keep_the_filters_and_the_other_lists_page(client, many_places):
    html = client.get(MAP, {"service": "demarches", "page_permanences": "2"}).content.decode()
    assert 'href="?service=demarches&amp;page_permanences=2&amp;page=2#lieux"' in html
    assert 'href="?service=demarches&amp;page_permanences=1#permanences"' in html
    # and the form, a plain GET form, starts again from the first pages
    assert 'name="page"' not in html and 'name="page_permanences"' not in html


def test_the_map_shows_the_markers_of_the_page_listed_only(client, many_places):
    first = client.get(MAP)
    assert markers(first)[:20] == names(first)
    assert len(markers(first)) == 40  # 20 places, 20 sessions
    second = client.get(MAP, {"page": 2, "page_permanences": 2})
    assert markers(second)[:20] == names(second) and len(markers(second)) == 25
    assert not set(names(first)) & set(names(second))


def _old_filter(structure, service="", public="", kind="", commune=""):
    """What the map kept before it filtered in the database (in Python, one structure at a time)."""
    if service and service not in structure.services:
        return False
    if public and structure.publics and public not in structure.publics:
        return False
    return (not kind or kind == structure.kind) and (not commune or commune == structure.commune)


def test_the_filters_in_the_database_keep_what_the_filters_in_python_kept(client, home):
    for n, (services, publics, kind, commune) in enumerate(
        [
            (["demarches"], [], "centre-social", "Anzin"),
            (["outils", "demarches"], ["seniors"], "association", "Anzin"),
            (["acces"], ["jeunes", "familles"], "association", "Bruay"),
            (["materiel"], ["seniors"], "centre-social", "Bruay"),
            (["securite", "acces"], [], "maison-quartier", "Crespin"),
        ]
    ):
        make.structure(name=f"Lieu {n}", services=services, publics=publics, kind=kind, commune=commune)
    make.structure(name="Caché", services=["acces"], is_public=False)
    every = list(Structure.objects.public())
    for service in ("", "demarches", "acces", "materiel", "loisirs"):
        for public in ("", "seniors", "jeunes"):
            for kind in ("", "association", "centre-social"):
                for commune in ("", "Bruay"):
                    params = {"service": service, "public": public, "type": kind, "commune": commune}
                    expected = sorted(s.name for s in every if _old_filter(s, service, public, kind, commune))
                    assert sorted(names(client.get(MAP, params))) == expected, params


def test_a_filter_on_the_structure_applies_to_its_sessions(client, places):
    make.permanence(places["seniors"], commune="Hommes")
    make.permanence(places["denain"], commune="Denain")
    assert [p.commune for p in sessions(client.get(MAP, {"public": "jeunes"}))] == ["Denain"]
    assert [p.commune for p in sessions(client.get(MAP, {"public": "seniors"}))] == ["Hommes", "Denain"]
    assert sessions(client.get(MAP, {"type": "association"})) == []


def test_near_me_lists_the_places_within_the_radius_chosen(client, places):
    lille = make.structure(name="Maison de Lille", commune="Lille", postcode="59000", latitude=50.63, longitude=3.06)
    assert names(client.get(MAP, {"pres_de": "Marly"})) == ["Les Florales", "Centre Dutemple", "Solange Tonini"]
    # 13 km: beyond 10 km, within 20 km, the default
    assert names(client.get(MAP, {"pres_de": "Marly", "rayon": "10"})) == ["Les Florales", "Centre Dutemple"]
    # Lille, 47 km away, from 50 km on; Le Lien numérique, 404 km away, never (100 km at most)
    assert lille.name in names(client.get(MAP, {"pres_de": "Marly", "rayon": "50"}))
    assert "Le Lien numérique" not in names(client.get(MAP, {"pres_de": "Marly", "rayon": "100"}))
    html = client.get(MAP, {"pres_de": "Marly", "rayon": "50"}).content.decode()
    assert '<option value="50" selected>50 km</option>' in html
    assert "Dans un rayon de 50 km" in html


def test_a_place_far_away_is_not_near_hommes_by_default_but_is_with_a_larger_radius(client, places):
    make.permanence(places["seniors"], commune="Hommes", postcode="37340", latitude=47.4414, longitude=0.2858)
    # Le Lien numérique is 15 km from Hommes; a place in Blois, 80 km away, joins it with the largest radius.
    blois = make.structure(name="Tiers-lieu", commune="Blois", postcode="41000", latitude=47.586, longitude=1.335)
    default = client.get(MAP, {"pres_de": "Hommes"})
    assert names(default) == ["Le Lien numérique"]  # Valenciennes' places, 393 to 402 km away, are not listed
    assert default.context["form"]["rayon"].value() == 20
    assert names(client.get(MAP, {"pres_de": "Hommes", "rayon": "100"})) == ["Le Lien numérique", blois.name]


def test_near_me_leaves_out_places_without_coordinates_and_says_so(client, places):
    make.structure(name="Sans adresse placée", commune="Marly", postcode="59770", latitude=None, longitude=None)
    response = client.get(MAP, {"pres_de": "Marly"})
    assert "Sans adresse placée" not in names(response)
    assert "un lieu dont l'emplacement n'est pas renseigné n'y figure pas" in response.content.decode()
    assert "Sans adresse placée" in names(client.get(MAP, {"commune": "Marly"}))


def test_an_unknown_radius_is_refused_in_french_and_the_default_is_used(client, places):
    response = client.get(MAP, {"pres_de": "Marly", "rayon": "7"})
    assert "Choisissez une distance de la liste." in response.content.decode()
    assert response.context["result"].radius_km == 20


def test_the_communes_to_choose_are_those_of_public_places_and_upcoming_sessions_in_one_query(client, places):
    from community.places import finder

    make.permanence(places["seniors"], commune="Rillé")
    make.permanence(places["seniors"], days=-5, commune="Passée")
    make.permanence(places["hidden"], commune="Cachée")
    with CaptureQueriesContext(connection) as captured:
        communes = finder.known_communes()
    assert len(captured) == 1
    assert communes == ["Cinq-Mars-la-Pile", "Denain", "Marly", "Rillé", "Valenciennes"]
    choices = [value for value, _label in client.get(MAP).context["form"].fields["commune"].choices]
    assert choices == ["", *communes]
    # kept in the shared cache until a place changes
    with CaptureQueriesContext(connection) as captured:
        assert finder.known_communes() == communes
    assert len(captured) == 0
    make.permanence(places["seniors"], commune="Hommes")
    assert "Hommes" in finder.known_communes()


def test_the_commune_chosen_stays_selected_and_names_are_escaped(client, places):
    make.structure(name="Tiers-lieu", commune='Saint-Rémy-l\'Honoré "<b>"')
    html = client.get(MAP, {"commune": "Marly"}).content.decode()
    assert '<select name="commune" id="id_commune">' in html
    assert '<option value="Marly" selected>Marly</option>' in html
    assert "Saint-Rémy-l&#x27;Honoré &quot;&lt;b&gt;&quot;</option>" in html and "<b>" not in html


def test_the_map_reads_only_the_places_inside_the_box_around_the_place_searched(client, places):
    with CaptureQueriesContext(connection) as captured:
        client.get(MAP, {"pres_de": "Marly"})
    places_read = [q["sql"] for q in captured if 'FROM "places_structure"' in q["sql"] and "latitude" in q["sql"]]
    assert any("BETWEEN" in sql for sql in places_read)


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
    assert "zoe.referente" not in client.get("/carte/lieux.json").getvalue().decode()


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
    from community.places.communes import normalize
    from community.places.nearby import distance_km

    assert normalize("St-Saulve") == normalize("SAINT SAULVE") == "saint saulve"
    assert normalize("Condé-sur-l'Escaut") == normalize("conde sur l escaut")
    assert normalize("Pont-St-Esprit") == "pont saint esprit"
    assert round(distance_km(50.3502, 3.5602, 50.3531, 3.5072), 1) == 3.8  # Marly → Valenciennes


def test_a_structures_address_is_the_one_its_url_pattern_gives(places):
    """Written from the map's address once asked (Structure.get_absolute_url), it is still that of its page."""
    for structure in Structure.objects.all():
        assert structure.get_absolute_url() == reverse("places:structure", args=[structure.slug])
