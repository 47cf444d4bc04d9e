"""Structures and mobile sessions are edited as Wagtail snippets, by the roles that run the network."""

import pytest

from community.places.models import Structure
from tests.community.places import factories as make

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/places/structure/add/"
SESSIONS = "/admin/snippets/places/permanence/"

VALID = {
    "name": "Médiathèque de Langeais",
    "slug": "",
    "kind": "bibliotheque",
    "summary": "",
    "description": "",
    "is_public": "on",
    "address": "1 place du 14 Juillet",
    "address_complement": "",
    "postcode": "37130",
    "commune": "Langeais",
    "insee_code": "37123",
    "latitude": "47.3247",
    "longitude": "0.4056",
    "territory": "",
    "pivot": "",
    "website": "",
    "email": "",
    "phone": "",
    "services": ["demarches", "acces"],
    "opening_hours": "We 14:00-18:00; Sa 10:00-12:00",
    "accessibility": "",
    "referent_name": "",
    "referent_email": "",
    "referent_phone": "",
    "source_id": "cd37-langeais-mediatheque",
    "source": "Gare centrale",
}


@pytest.mark.parametrize(
    ("role", "can_edit_structures", "can_edit_sessions"),
    [
        ("contributor", False, False),
        ("animator", False, True),
        ("charge", True, True),
        ("coordinator", True, True),
    ],
)
def test_who_edits_structures_and_sessions(client, home, users, role, can_edit_structures, can_edit_sessions):
    client.force_login(users[role])
    assert (client.get(ADD).status_code == 200) is can_edit_structures
    assert (client.get(SESSIONS + "add/").status_code == 200) is can_edit_sessions


def test_anonymous_is_sent_to_the_login(client, home):
    assert client.get(ADD).status_code == 302


def test_a_coordinator_adds_a_structure(client, home, users):
    client.force_login(users["coordinator"])
    response = client.post(ADD, VALID)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    place = Structure.objects.get(source_id="cd37-langeais-mediatheque")
    assert place.services == ["demarches", "acces"]
    assert place.slug == "mediatheque-de-langeais"
    assert client.get(place.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("opening_hours", "lundi 9h-12h", "syntaxe OpenStreetMap"),
        ("postcode", "3713", "Le code postal compte cinq chiffres."),
        ("pivot", "1234", "Un SIRET compte 14 chiffres"),
        ("services", [], "Champ requis."),
        ("latitude", "123", "inférieure ou égale à 90"),
    ],
)
def test_broken_values_get_a_french_error_and_nothing_is_saved(client, home, users, field, value, message):
    client.force_login(users["coordinator"])
    response = client.post(ADD, {**VALID, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Structure.objects.exists()


def test_the_admin_lists_structures(client, home, users):
    make.structure(name="Centre Dutemple")
    client.force_login(users["charge"])
    assert "Centre Dutemple" in client.get("/admin/snippets/places/structure/").content.decode()
