"""The coordinators' screen of sign-ups in the Wagtail admin: search a person, export, erase; 403 for the others."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.factories import JourneyIndexPageFactory, JourneyPageFactory, RegistrationFactory
from workshops.models import JourneyRegistration, Registration

pytestmark = pytest.mark.django_db

SEARCH = "/admin/inscriptions/"


@pytest.fixture
def people(users):
    superuser = get_user_model().objects.create_superuser("racine", "racine@example.org", "x")
    return {**users, "superuser": superuser}


@pytest.fixture
def zoe(workshop):
    return RegistrationFactory(
        workshop=workshop, first_name="Zoé", last_name="Lambert", email="zoe.lambert@example.org", phone="06 11"
    )


@pytest.fixture
def association(home):
    journey = JourneyPageFactory(parent=JourneyIndexPageFactory(parent=home), title="DUNAR")
    return JourneyRegistration.objects.create(
        journey=journey,
        structure="Comité des fêtes",
        commune="Langeais",
        contact_name="Maëlle Lambert",
        email="comite@example.org",
        participants=3,
        consent_at=timezone.now(),
    )


def outcome(response):
    if response.status_code == 302:
        return "L" if "login" in response["Location"] else "R"
    return str(response.status_code)


#                        anon contr anim charg coord super
MATRIX = {
    "search": ("get", "L 403 403 403 200 200"),
    "search by POST": ("post", "L 403 403 403 200 200"),
    "export": ("get", "L 403 403 403 200 200"),
    "erase (asks)": ("get", "L 403 403 403 200 200"),
    "erase": ("post", "L 403 403 403 R R"),
}
ROLES = ["anonymous", "contributor", "animator", "charge", "coordinator", "superuser"]


def test_only_coordinators_and_superusers_enter_and_others_see_no_one(client, people, workshop):
    wrong = []
    for column, role in enumerate(ROLES):
        # A fresh sign-up for each role: the one erased by the previous column is gone.
        registration = RegistrationFactory(workshop=workshop, first_name="Zoé", email=f"zoe.{role}@example.org")
        urls = {
            "search": (SEARCH, {}),
            "search by POST": (SEARCH, {"q": "zoé"}),
            "export": (f"{SEARCH}atelier/{registration.pk}/donnees.json", {}),
            "erase (asks)": (f"{SEARCH}atelier/{registration.pk}/effacer/", {}),
            "erase": (f"{SEARCH}atelier/{registration.pk}/effacer/", {}),
        }
        client.logout()
        if people[role]:
            client.force_login(people[role])
        for name, (method, expected) in MATRIX.items():
            url, data = urls[name]
            response = getattr(client, method)(url, data)
            got = outcome(response)
            if got != expected.split()[column]:
                wrong.append(f"{name} as {role}: {got}, expected {expected.split()[column]}")
            if got in ("L", "403"):
                assert registration.email not in response.content.decode(), (name, role)
        still_there = Registration.objects.filter(pk=registration.pk).exists()
        assert still_there == (role not in ("coordinator", "superuser")), role
    assert not wrong, "\n".join(wrong)


def test_the_menu_item_is_for_coordinators_only(client, people):
    client.force_login(people["animator"])
    assert SEARCH not in client.get("/admin/").content.decode()
    client.force_login(people["coordinator"])
    assert SEARCH in client.get("/admin/").content.decode()


def test_a_coordinator_finds_a_person_by_name_or_e_mail_across_workshops_and_journeys(
    client, people, zoe, association, workshop
):
    RegistrationFactory(workshop=workshop, first_name="Omar", last_name="Benali", email="omar@example.org")
    client.force_login(people["coordinator"])

    by_name = client.post(SEARCH, {"q": "lambert"}).content.decode()
    assert "zoe.lambert@example.org" in by_name and "Maëlle Lambert" in by_name
    assert "omar@example.org" not in by_name
    by_email = client.post(SEARCH, {"q": "ZOE.LAMBERT@"}).content.decode()
    assert "zoe.lambert@example.org" in by_email and "Maëlle Lambert" not in by_email
    # The name sought never travels in a URL (access logs, history): a GET shows the empty form.
    assert "zoe.lambert@example.org" not in client.get(SEARCH, {"q": "lambert"}).content.decode()
    assert "Tapez au moins 3 caractères" in client.post(SEARCH, {"q": "la"}).content.decode()


def test_a_coordinator_exports_the_same_json_as_the_person(client, people, zoe, association):
    own = json.loads(client.get(f"/inscription/{zoe.token}/donnees.json").content)
    client.force_login(people["coordinator"])
    response = client.get(f"{SEARCH}atelier/{zoe.pk}/donnees.json")

    assert response["Content-Disposition"].startswith("attachment;") and "no-store" in response["Cache-Control"]
    exported = json.loads(response.content)
    exported.pop("exporté le"), own.pop("exporté le")
    assert exported == own
    journey = json.loads(client.get(f"{SEARCH}parcours/{association.pk}/donnees.json").content)
    assert {entry["valeur"] for entry in journey["inscription"]} >= {"Maëlle Lambert", "comite@example.org"}


def test_a_coordinator_erases_a_person_with_the_same_operation(client, people, zoe, association):
    client.force_login(people["coordinator"])
    page = client.get(f"{SEARCH}atelier/{zoe.pk}/effacer/").content.decode()
    assert "Zoé Lambert" in page and "Oui, effacer définitivement" in page

    response = client.post(f"{SEARCH}atelier/{zoe.pk}/effacer/")
    client.post(f"{SEARCH}parcours/{association.pk}/effacer/")

    assert response["Location"] == SEARCH
    # Before the day, there is no proof to keep: the sign-ups are gone entirely.
    assert not Registration.objects.exists() and not JourneyRegistration.objects.exists()
    assert client.get(f"{SEARCH}atelier/{zoe.pk}/donnees.json").status_code == 404
    assert client.get(f"{SEARCH}autre/{zoe.pk}/effacer/").status_code == 404
