"""The rights of people who signed up without an account: see, download and erase their sign-up from their link."""

import datetime
import json
from html import unescape

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.text import capfirst

from community.members.roles import COORDINATORS
from tests.factories import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    RegistrationFactory,
    UserFactory,
    WorkshopPageFactory,
)
from workshops import journeys, rights, signup
from workshops.models import JourneyRegistration, Registration, SatisfactionResponse

pytestmark = pytest.mark.django_db


def days_from_now(days):
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def past_workshop(workshop):
    return WorkshopPageFactory(parent=workshop.get_parent(), title="Atelier passé", start=days_from_now(-20))


@pytest.fixture
def attended(past_workshop):
    """A person who came to a past workshop and gave their opinion."""
    registration = RegistrationFactory(
        workshop=past_workshop,
        first_name="Zoé",
        last_name="Lambert",
        email="zoe.lambert@example.org",
        phone="06 12 34 56 78",
        attendance=Registration.Attendance.PRESENT,
    )
    SatisfactionResponse.objects.create(registration=registration, score=5, comment="Zoé a adoré, merci Hugo !")
    return registration


@pytest.fixture
def journey(home):
    return JourneyPageFactory(parent=JourneyIndexPageFactory(parent=home), title="DUNAR", slug="dunar")


def join(journey, **fields):
    association = {
        "structure": "Comité des fêtes",
        "commune": "Langeais",
        "contact_name": "Maëlle Tessier",
        "email": "comite@example.org",
        "phone": "02 47 00 00 00",
        "participants": 3,
        "needs": "Organiser nos bénévoles.",
        **fields,
    }
    return journeys.join(journey, association)


# --- Consent, with its notice ----------------------------------------------------------------------------------


@override_settings(PRIVACY_NOTICE_VERSION="2027-03")
def test_a_consent_is_recorded_with_the_version_of_the_notice(workshop, journey, person):
    assert signup.sign_up(workshop, person()).consent_notice_version == "2027-03"
    assert join(journey).consent_notice_version == "2027-03"


# --- Seeing and downloading what is kept ------------------------------------------------------------------------


def test_the_private_page_shows_every_stored_field_the_consent_and_the_answer(client, attended):
    html = unescape(client.get(f"/inscription/{attended.token}/").content.decode())
    for field in Registration._meta.concrete_fields:
        if not field.primary_key:
            assert capfirst(str(field.verbose_name)) in html, field.name
    assert "Version de la notice d'information acceptée" in html
    assert attended.consent_notice_version in html
    assert "présent·e" in html
    assert "5 — Très satisfait·e" in html and "Zoé a adoré, merci Hugo !" in html
    assert "12 mois après l'atelier, votre nom, vos coordonnées et votre avis sont supprimés" in html
    assert f'href="/inscription/{attended.token}/donnees.json"' in html
    assert f'href="/inscription/{attended.token}/effacer/"' in html


def test_the_json_holds_every_stored_field_and_nothing_of_anyone_else(client, attended, past_workshop):
    other = RegistrationFactory(workshop=past_workshop, first_name="Omar", email="omar@example.org", phone="07 99")
    response = client.get(f"/inscription/{attended.token}/donnees.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    data = json.loads(response.content)
    fields = {entry["champ"]: entry for entry in data["inscription"]}
    assert set(fields) == {field.name for field in Registration._meta.concrete_fields}
    assert fields["email"] == {"champ": "email", "libellé": "Adresse e-mail", "valeur": "zoe.lambert@example.org"}
    assert fields["phone"]["valeur"] == "06 12 34 56 78"
    assert fields["attendance"]["valeur"] == "présent·e"
    assert fields["consent_notice_version"]["valeur"] == attended.consent_notice_version
    assert fields["consent_at"]["valeur"] == timezone.localtime(attended.consent_at).isoformat()
    assert data["atelier"]["titre"] == "Atelier passé"
    answer = {entry["champ"]: entry["valeur"] for entry in data["avis"]}
    assert answer["score"] == "5 — Très satisfait·e" and answer["comment"] == "Zoé a adoré, merci Hugo !"
    body = response.content.decode()
    for detail in (other.first_name, other.email, other.phone, other.token):
        assert detail not in body


def test_an_association_downloads_its_journey_sign_up(client, journey):
    registration = join(journey)
    join(journey, email="autre@example.org", contact_name="Paul Autre")
    response = client.get(f"/inscription/parcours/{registration.token}/donnees.json")

    assert response["Content-Disposition"].startswith("attachment;") and "noindex" in response["X-Robots-Tag"]
    data = json.loads(response.content)
    assert {entry["champ"] for entry in data["inscription"]} == {
        field.name for field in JourneyRegistration._meta.concrete_fields
    }
    assert data["parcours"]["titre"] == "DUNAR"
    assert "Paul Autre" not in response.content.decode()
    html = client.get(f"/inscription/parcours/{registration.token}/").content.decode()
    assert "Maëlle Tessier" in html and "Version de la notice" in html
    assert "12 mois après le dernier atelier du parcours" in html


def test_an_unknown_token_downloads_nothing(client, attended):
    assert client.get("/inscription/pas-un-jeton/donnees.json").status_code == 404
    assert client.get("/inscription/parcours/pas-un-jeton/effacer/").status_code == 404


# --- Erasing --------------------------------------------------------------------------------------------------


def test_erasing_asks_first_then_removes_name_e_mail_and_phone_and_keeps_attendance(client, attended):
    token = attended.token
    confirmation = client.get(f"/inscription/{token}/effacer/")
    assert confirmation.status_code == 200
    assert "Effacer mes données" in confirmation.content.decode()
    assert 'name="csrfmiddlewaretoken"' in confirmation.content.decode()
    assert Registration.objects.get(pk=attended.pk).email == "zoe.lambert@example.org"  # nothing erased on GET

    response = client.post(f"/inscription/{token}/effacer/")

    assert response.status_code == 302 and response["Location"] == "/inscription/effacee/"
    kept = Registration.objects.get(pk=attended.pk)
    assert (kept.first_name, kept.last_name, kept.email, kept.phone, kept.structure, kept.commune) == ("",) * 6
    assert kept.status == Registration.Status.ERASED
    assert kept.attendance == Registration.Attendance.PRESENT and kept.workshop_id == attended.workshop_id
    assert kept.token != token
    assert not SatisfactionResponse.objects.exists()
    assert "Vos données ont été effacées" in client.get(response["Location"]).content.decode()
    assert client.get(f"/inscription/{token}/").status_code == 404


def test_the_animators_count_erased_sign_ups_as_proof_without_any_name(client, attended, past_workshop):
    RegistrationFactory(workshop=past_workshop, attendance=Registration.Attendance.PRESENT, first_name="Omar")
    rights.erase(attended)
    client.force_login(UserFactory(username="coordination", role=COORDINATORS))
    html = client.get(f"/ateliers-gestion/{past_workshop.pk}/").content.decode()
    assert "1 inscription effacée" in html and "2 présent·es" in html
    assert "Omar" in html and "Zoé" not in html


def test_erasing_needs_the_csrf_token(attended):
    response = Client(enforce_csrf_checks=True).post(f"/inscription/{attended.token}/effacer/")
    assert response.status_code == 403
    assert Registration.objects.get(pk=attended.pk).email == "zoe.lambert@example.org"


def test_erasing_a_confirmed_future_sign_up_promotes_the_first_person_waiting(
    workshop, person, django_capture_on_commit_callbacks
):
    leaving, *_others = [signup.sign_up(workshop, person()) for _ in range(3)]
    first_waiting = signup.sign_up(workshop, person())
    second_waiting = signup.sign_up(workshop, person())

    with django_capture_on_commit_callbacks(execute=True):
        rights.erase(leaving)

    assert not Registration.objects.filter(pk=leaving.pk).exists()  # no proof to keep before the day
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Registration.Status.CONFIRMED
    assert second_waiting.status == Registration.Status.WAITING


def test_a_waiting_or_cancelled_sign_up_of_a_past_workshop_goes_entirely(past_workshop):
    waiting = RegistrationFactory(workshop=past_workshop, status=Registration.Status.WAITING)
    cancelled = RegistrationFactory(workshop=past_workshop, status=Registration.Status.CANCELLED)
    rights.erase(waiting)
    rights.erase(cancelled)
    assert not Registration.objects.exists()


def test_two_erased_sign_ups_of_one_workshop_stand_side_by_side(attended, past_workshop):
    other = RegistrationFactory(workshop=past_workshop, attendance=Registration.Attendance.ABSENT)
    rights.erase(attended)
    rights.erase(other)
    assert sorted(Registration.objects.values_list("attendance", flat=True)) == ["absent", "present"]


def test_an_association_erases_its_sign_up_to_a_journey_under_way(client, journey):
    WorkshopPageFactory(parent=journey, start=days_from_now(-3))
    registration = join(journey)
    token = registration.token
    assert "Effacer les données" in client.get(f"/inscription/parcours/{token}/effacer/").content.decode()

    response = client.post(f"/inscription/parcours/{token}/effacer/")

    assert response["Location"] == "/inscription/effacee/"
    kept = JourneyRegistration.objects.get()
    assert (kept.structure, kept.commune, kept.contact_name, kept.email, kept.phone, kept.needs) == ("",) * 6
    assert kept.status == JourneyRegistration.Status.ERASED and kept.participants == 3
    assert client.get(f"/inscription/parcours/{token}/").status_code == 404


def test_a_journey_sign_up_erased_before_the_journey_starts_goes_entirely(journey):
    WorkshopPageFactory(parent=journey, start=days_from_now(10))
    rights.erase(join(journey))
    assert not JourneyRegistration.objects.exists()


def test_erasing_a_journey_sign_up_leaves_the_answers_of_workshop_sign_ups_alone(journey, attended):
    # Journey and workshop sign-ups are numbered apart: the same number names two different people.
    WorkshopPageFactory(parent=journey, start=days_from_now(-3))
    registration = join(journey)
    JourneyRegistration.objects.filter(pk=registration.pk).update(id=attended.pk)
    rights.erase(JourneyRegistration.objects.get(pk=attended.pk))
    assert SatisfactionResponse.objects.filter(registration=attended).exists()
