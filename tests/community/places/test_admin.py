"""Structures and mobile sessions are edited as Wagtail snippets, by the roles that run the network."""

import pytest

from community.members.models import MemberProfile
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
        ("charge", False, True),  # a chargé edits their own structure (below), never adds one
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


def edit_form(structure, **changes):
    """The structure's admin form as it stands, with some fields changed."""
    data = {**VALID, "name": structure.name, "slug": structure.slug, "source_id": structure.source_id}
    return {**data, **changes}


# Who edits which structure: "own" is the structure on the person's profile, "other" another one.
EDITS = {
    "anonymous": {"own": False, "other": False},
    "contributor": {"own": True, "other": False},
    "animator": {"own": True, "other": False},
    "charge": {"own": True, "other": False},
    "coordinator": {"own": True, "other": True},
    "superuser": {"own": True, "other": True},
}


@pytest.mark.parametrize(("role", "which"), [(role, which) for role in EDITS for which in ("own", "other")])
def test_a_structures_members_edit_it_and_coordinators_edit_all(client, home, users, role, which):
    own, other = make.structure(name="Centre Chantier"), make.structure(name="Centre Voisin")
    people = {**users, "superuser": make_superuser()}
    if people[role]:
        MemberProfile.objects.create(user=people[role], display_name=role, structure=own)
        client.force_login(people[role])
    target = own if which == "own" else other
    url = f"/admin/snippets/places/structure/edit/{target.pk}/"
    allowed = EDITS[role][which]
    assert (client.get(url).status_code == 200) is allowed
    response = client.post(url, edit_form(target, referent_name="Nouveau référent", is_public=""))
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.referent_name == "Nouveau référent") is allowed
    assert target.is_public is not allowed  # nobody else hides a structure from the map


@pytest.mark.parametrize("role", ["contributor", "animator", "charge"])
def test_only_coordinators_delete_structures(client, home, users, role):
    own = make.structure(name="Centre Chantier")
    MemberProfile.objects.create(user=users[role], display_name=role, structure=own)
    client.force_login(users[role])
    client.post(f"/admin/snippets/places/structure/delete/{own.pk}/")
    assert Structure.objects.filter(pk=own.pk).exists()
    client.force_login(users["coordinator"])
    client.post(f"/admin/snippets/places/structure/delete/{own.pk}/")
    assert not Structure.objects.filter(pk=own.pk).exists()


def make_superuser():
    from tests.factories import UserFactory

    return UserFactory(username="racine", is_superuser=True, is_staff=True)
