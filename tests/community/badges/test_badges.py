"""Open Badges 2.0: the hosted JSON-LD, hashed recipients, revocation, the verification page, who may issue."""

import datetime
import hashlib
import html as html_
import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import IntegrityError
from django.test import Client
from wagtail.models import Site

from community.badges import openbadges
from community.badges.models import BadgeAssertion
from community.competences import demo as competences_demo
from community.competences.models import Competence
from community.journal import profile
from community.members.models import MemberProfile
from community.members.roles import CHARGES
from community.organisation.models import OrganisationSettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BASE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
EMAIL = "lea.exemple@exemple.org"
HOLDER = "Léa Exemple"


@pytest.fixture
def digcomp(db):
    return competences_demo.load_digcomp()


@pytest.fixture
def organisation(home):
    settings_ = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.name = "Réseau Gare centrale"
    settings_.contact_email = "contact@exemple.org"
    settings_.save()
    return settings_


@pytest.fixture
def member(users):
    user = UserFactory(username="lea", email=EMAIL, role=CHARGES)
    MemberProfile.objects.create(user=user, display_name=HOLDER, role="charge-innovation")
    return user


def competence(code="2.4"):
    return Competence.objects.get(area__framework__slug="digcomp", code=code)


@pytest.fixture
def validation(member, users, digcomp):
    return profile.validate(member, competence(), 4, users["coordinator"], "Atelier du 12 mars.")


@pytest.fixture
def badge(validation, users):
    return openbadges.issue_badge(validation, users["coordinator"])


def path_of(iri):
    """An IRI is absolute, on the configured site address; its path is what the test client fetches."""
    assert iri.startswith(BASE + "/"), iri
    return urlsplit(iri).path


def text(response):
    """The response's body as a reader sees it (HTML entities decoded)."""
    return html_.unescape(response.content.decode())


def get_json(client, iri, status=200):
    response = client.get(path_of(iri))
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/ld+json")
    return response.json()


# --- The JSON-LD of hosted verification ---------------------------------------------------------------------------


def test_the_assertion_badge_class_and_issuer_are_open_badges_2_and_resolve(client, organisation, badge):
    assertion = get_json(client, openbadges.assertion_id(badge))
    assert assertion["@context"] == "https://w3id.org/openbadges/v2"
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == f"{BASE}/badges/{badge.uuid}.json"
    assert assertion["verification"] == {"type": "hosted"}
    assert datetime.datetime.fromisoformat(assertion["issuedOn"]).tzinfo is not None
    assert {"recipient", "badge", "verification", "issuedOn"} <= set(assertion)
    # Each id answers with the object it names.
    assert get_json(client, assertion["id"]) == assertion

    badge_class = get_json(client, assertion["badge"])
    assert badge_class["@context"] == "https://w3id.org/openbadges/v2"
    assert badge_class["type"] == "BadgeClass"
    assert badge_class["id"] == assertion["badge"] == f"{BASE}/badges/classes/{competence().pk}/4.json"
    assert badge_class["name"] == (
        "DigComp 2.2 — cadre européen des compétences numériques — "
        "2.4 Collaborer au moyen des technologies numériques — niveau 4"
    )
    assert "niveau 4 (Intermédiaire)" in badge_class["description"]
    assert badge_class["image"] == f"{BASE}/static/img/badge.svg"
    assert finders.find("img/badge.svg")
    assert "validé ce niveau à partir des traces du journal de bord" in badge_class["criteria"]["narrative"]
    competence_page = path_of(badge_class["criteria"]["id"])
    assert competence_page == competence().get_absolute_url()
    assert client.get(competence_page).status_code == 200
    (alignment,) = badge_class["alignment"]
    assert alignment["targetName"] == "2.4 Collaborer au moyen des technologies numériques"
    assert alignment["targetUrl"] == badge_class["criteria"]["id"]
    assert alignment["targetCode"] == "2.4"
    assert alignment["targetFramework"].startswith("DigComp 2.2")
    assert alignment["targetDescription"]

    issuer = get_json(client, badge_class["issuer"])
    assert issuer == {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Issuer",
        "id": f"{BASE}/badges/emetteur.json",
        "name": "Réseau Gare centrale",
        "url": f"{BASE}/",
        "email": "contact@exemple.org",
    }


def test_ids_use_the_configured_address_never_the_host_header(client, badge):
    response = client.get(f"/badges/{badge.uuid}.json", HTTP_HOST="attaquant.example")
    assert response.json()["id"].startswith(BASE)
    assert "attaquant" not in text(response)


def test_without_a_contact_address_the_issuer_still_has_an_email(client, home):
    assert get_json(client, f"{BASE}/badges/emetteur.json")["email"] == "ne-pas-repondre@gare-centrale.example"


@pytest.mark.parametrize("level", [0, 9])
def test_a_badge_class_outside_the_framework_levels_is_not_found(client, digcomp, level):
    assert client.get(f"/badges/classes/{competence().pk}/{level}.json").status_code == 404


def test_unknown_badges_are_not_found(client, home, digcomp):
    assert client.get("/badges/classes/999999/2.json").status_code == 404
    assert client.get("/badges/6f1c1b7e-3d4a-4a5e-9d1e-1a2b3c4d5e6f.json").status_code == 404
    assert client.get("/badges/6f1c1b7e-3d4a-4a5e-9d1e-1a2b3c4d5e6f/").status_code == 404


def test_the_recipient_is_the_salted_sha256_of_the_email(client, badge):
    recipient = get_json(client, openbadges.assertion_id(badge))["recipient"]
    assert recipient["type"] == "email"
    assert recipient["hashed"] is True
    assert len(recipient["salt"]) >= 16
    digest = hashlib.sha256((EMAIL + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${digest}"
    assert openbadges.matches(badge, " Lea.Exemple@EXEMPLE.org ")
    assert not openbadges.matches(badge, "autre@exemple.org")


def test_each_badge_has_its_own_salt(users, member, digcomp, validation):
    first = openbadges.issue_badge(validation, users["coordinator"])
    openbadges.revoke_badge(first, users["coordinator"], "Erreur de saisie.")
    second = openbadges.issue_badge(validation, users["coordinator"])
    assert first.salt != second.salt
    assert first.recipient_identity != second.recipient_identity


def test_the_plain_email_appears_in_no_response(client, organisation, badge):
    paths = [
        f"/badges/{badge.uuid}.json",
        f"/badges/{badge.uuid}/",
        f"/badges/classes/{competence().pk}/4.json",
        "/badges/emetteur.json",
    ]
    for path in paths:
        assert EMAIL not in text(client.get(path))
    checked = client.post(f"/badges/{badge.uuid}/", {"email": EMAIL})
    assert "correspond au titulaire" in text(checked)
    assert EMAIL not in text(checked)
    openbadges.revoke_badge(badge, UserFactory(username="coordinator"), "Erreur.")
    assert EMAIL not in text(client.get(f"/badges/{badge.uuid}.json"))
    assert EMAIL not in BadgeAssertion.objects.values_list("recipient_identity", flat=True).get()


def test_public_badge_responses_are_never_cached_nor_indexed(client, badge):
    for path in (f"/badges/{badge.uuid}.json", f"/badges/{badge.uuid}/"):
        response = client.get(path)
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(f"/badges/{badge.uuid}.json")["Access-Control-Allow-Origin"] == "*"


# --- Revocation ----------------------------------------------------------------------------------------------------


def test_a_revoked_assertion_answers_410_with_its_reason(client, users, badge):
    openbadges.revoke_badge(badge, users["coordinator"], "Validation faite par erreur.")
    response = client.get(f"/badges/{badge.uuid}.json")
    assert response.status_code == 410
    assert response.json() == {
        "@context": "https://w3id.org/openbadges/v2",
        "id": f"{BASE}/badges/{badge.uuid}.json",
        "type": "Assertion",
        "revoked": True,
        "revocationReason": "Validation faite par erreur.",
    }


def test_a_reason_is_required_and_a_badge_is_revoked_once(users, badge):
    with pytest.raises(openbadges.BadgeError) as refusal:
        openbadges.revoke_badge(badge, users["coordinator"], "   ")
    assert refusal.value.status == 400
    assert "motif" in refusal.value.message
    openbadges.revoke_badge(badge, users["coordinator"], "Erreur.")
    with pytest.raises(openbadges.BadgeError) as refusal:
        openbadges.revoke_badge(badge, users["coordinator"], "Encore.")
    assert refusal.value.status == 409
    assert refusal.value.message == "Ce badge est déjà révoqué."
    badge.refresh_from_db()
    assert badge.revocation_reason == "Erreur."


def test_revoking_from_the_view_needs_a_reason(client, users, badge):
    client.force_login(users["coordinator"])
    response = client.post(f"/badges/{badge.uuid}/revoquer/", {"reason": ""})
    assert response.status_code == 400
    assert "Indiquez le motif de la révocation" in text(response)
    assert not BadgeAssertion.objects.get().is_revoked
    response = client.post(f"/badges/{badge.uuid}/revoquer/", {"reason": "Erreur de personne."})
    assert response.status_code == 302
    assert response["Location"] == "/journal/profil/lea/"
    revoked = BadgeAssertion.objects.get()
    assert (revoked.revoked_by, revoked.revocation_reason) == (users["coordinator"], "Erreur de personne.")
    response = client.post(f"/badges/{badge.uuid}/revoquer/", {"reason": "Encore."})
    assert response.status_code == 409
    assert "Ce badge est déjà révoqué." in text(response)


# --- Issuing: who may, and once per validation ---------------------------------------------------------------------

MATRIX = [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 302)]


@pytest.mark.parametrize(("role", "status"), MATRIX)
def test_only_coordinators_issue(client, users, validation, role, status):
    if users[role]:
        client.force_login(users[role])
    response = client.post(f"/badges/emettre/{validation.pk}/")
    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith("/compte/")
    assert BadgeAssertion.objects.exists() == (role == "coordinator")


@pytest.mark.parametrize(("role", "status"), MATRIX)
def test_only_coordinators_revoke(client, users, badge, role, status):
    if users[role]:
        client.force_login(users[role])
    response = client.post(f"/badges/{badge.uuid}/revoquer/", {"reason": "Erreur."})
    assert response.status_code == status
    assert BadgeAssertion.objects.get().is_revoked == (role == "coordinator")


def test_get_never_issues_nor_revokes(client, users, validation):
    client.force_login(users["coordinator"])
    assert client.get(f"/badges/emettre/{validation.pk}/").status_code == 302
    assert not BadgeAssertion.objects.exists()
    badge = openbadges.issue_badge(validation, users["coordinator"])
    response = client.get(f"/badges/{badge.uuid}/revoquer/")
    assert response.status_code == 302
    assert response["Location"] == f"/badges/{badge.uuid}/"
    assert not BadgeAssertion.objects.get().is_revoked


def test_issuing_twice_is_refused_with_409_until_revoked(client, users, validation):
    client.force_login(users["coordinator"])
    first = client.post(f"/badges/emettre/{validation.pk}/", follow=True)
    html = text(first)
    assert "Badge émis" in html
    assert "Sa page de vérification est publique" in html
    assert f"le nom affiché de {HOLDER}" in html
    again = client.post(f"/badges/emettre/{validation.pk}/")
    assert again.status_code == 409
    assert "Un badge est déjà émis pour ce niveau validé" in text(again)
    assert BadgeAssertion.objects.count() == 1
    openbadges.revoke_badge(BadgeAssertion.objects.get(), users["coordinator"], "Erreur.")
    assert client.post(f"/badges/emettre/{validation.pk}/").status_code == 302
    assert BadgeAssertion.objects.filter(revoked_at__isnull=True).count() == 1
    assert BadgeAssertion.objects.count() == 2


def test_the_database_keeps_one_active_badge_per_validation(users, badge):
    with pytest.raises(IntegrityError):
        BadgeAssertion.objects.create(validation=badge.validation, recipient_identity="sha256$x", salt="y")


def test_unknown_validation_is_not_found(client, users, digcomp):
    client.force_login(users["coordinator"])
    assert client.post("/badges/emettre/999999/").status_code == 404


def test_a_coordinator_does_not_issue_their_own_badge(users, digcomp):
    other = UserFactory(username="autre-coordinateur", role="Coordinateurs")
    own = profile.validate(users["coordinator"], competence(), 3, other)
    with pytest.raises(openbadges.BadgeError) as refusal:
        openbadges.issue_badge(own, users["coordinator"])
    assert refusal.value.status == 403
    assert not BadgeAssertion.objects.exists()


def test_a_member_without_email_gets_no_badge(client, users, member, validation):
    member.email = ""
    member.save()
    client.force_login(users["coordinator"])
    response = client.post(f"/badges/emettre/{validation.pk}/")
    assert response.status_code == 400
    assert "n'a pas d'adresse e-mail" in text(response)
    assert not BadgeAssertion.objects.exists()


# --- From the competence profile -----------------------------------------------------------------------------------


def test_the_profile_offers_to_issue_then_to_see_and_revoke(client, users, member, validation):
    client.force_login(users["coordinator"])
    html = text(client.get("/journal/profil/lea/"))
    assert "Émettre le badge" in html
    assert f'action="/badges/emettre/{validation.pk}/"' in html
    assert "Le badge rend publics le nom affiché" in html
    assert "Voir le badge" not in html
    badge = openbadges.issue_badge(validation, users["coordinator"])
    html = text(client.get("/journal/profil/lea/"))
    assert "Émettre le badge" not in html
    assert f'href="/badges/{badge.uuid}/"' in html
    assert f'action="/badges/{badge.uuid}/revoquer/"' in html
    # The holder sees the link to their badge on their own profile, without the coordinator's buttons.
    client.force_login(member)
    html = text(client.get("/journal/profil/"))
    assert f'href="/badges/{badge.uuid}/"' in html
    assert "Révoquer" not in html
    assert "Émettre le badge" not in html
    openbadges.revoke_badge(badge, users["coordinator"], "Erreur.")
    assert "Voir le badge" not in text(client.get("/journal/profil/"))


# --- The verification page -----------------------------------------------------------------------------------------


def test_the_verification_page_of_a_valid_badge(client, organisation, badge):
    response = client.get(f"/badges/{badge.uuid}/")
    assert response.status_code == 200
    html = text(response)
    assert "Ce badge est valide." in html
    assert HOLDER in html
    assert "2.4 Collaborer au moyen des technologies numériques" in html
    assert "Niveau 4" in html
    assert "Réseau Gare centrale, le" in html
    assert f'href="{BASE}/badges/{badge.uuid}.json"' in html
    assert f'href="{BASE}/badges/classes/{competence().pk}/4.json"' in html
    assert f'href="{BASE}/badges/emetteur.json"' in html
    assert "Ce badge a été révoqué" not in html


def test_the_verification_page_of_a_revoked_badge(client, users, badge):
    openbadges.revoke_badge(badge, users["coordinator"], "Validation faite par erreur.")
    html = text(client.get(f"/badges/{badge.uuid}/"))
    assert "Ce badge a été révoqué : il n'est plus valide." in html
    assert "Motif : Validation faite par erreur." in html
    assert "Révoqué le" in html
    assert "Ce badge est valide." not in html


def test_checking_an_email_against_the_badge(client, badge):
    url = f"/badges/{badge.uuid}/"
    response = client.post(url, {"email": "LEA.exemple@exemple.org"})
    assert response.status_code == 200
    assert "Cette adresse correspond au titulaire du badge." in text(response)
    response = client.post(url, {"email": "quelquun@exemple.org"})
    assert response.status_code == 200
    assert "Cette adresse ne correspond pas au titulaire du badge." in text(response)
    response = client.post(url, {"email": "pas-une-adresse"})
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide" in text(response)
    assert BadgeAssertion.objects.get().recipient_identity == badge.recipient_identity


def test_the_email_check_needs_the_csrf_token(badge):
    strict = Client(enforce_csrf_checks=True)
    url = f"/badges/{badge.uuid}/"
    assert strict.post(url, {"email": EMAIL}).status_code == 403
    page = strict.get(url)
    token = page.cookies["csrftoken"].value
    response = strict.post(url, {"email": EMAIL, "csrfmiddlewaretoken": token})
    assert response.status_code == 200


def test_badges_are_not_in_the_site_search(client, badge):
    response = client.get("/recherche/", {"q": HOLDER})
    assert response.status_code == 200
    assert "/badges/" not in text(response)


# --- Queries that do not grow ---------------------------------------------------------------------------------------


@pytest.fixture(params=[1, 10])
def many_badges(request, users, digcomp, organisation):
    made = []
    for n in range(request.param):
        person = UserFactory(username=f"titulaire{n}", role=CHARGES)
        validation = profile.validate(person, competence(["1.1", "2.4", "3.1"][n % 3]), 3, users["coordinator"])
        made.append(openbadges.issue_badge(validation, users["coordinator"]))
    return made


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        (lambda badge: f"/badges/{badge.uuid}.json", 1),
        (lambda badge: f"/badges/classes/{badge.validation.competence_id}/3.json", 2),
        # None: the site and its settings come from the shared cache.
        (lambda badge: "/badges/emetteur.json", 0),
        # The badge and its level; the site and the layout (settings, menu, funders' footer) come from the cache.
        (lambda badge: f"/badges/{badge.uuid}/", 2),
    ],
)
def test_public_badge_queries_do_not_grow(client, many_badges, django_assert_num_queries, path, queries):
    url = path(many_badges[-1])
    client.get(url)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_revoked_json_queries(client, users, many_badges, django_assert_num_queries):
    badge = many_badges[-1]
    openbadges.revoke_badge(badge, users["coordinator"], "Erreur.")
    with django_assert_num_queries(1):
        assert json.loads(client.get(f"/badges/{badge.uuid}.json").content)["revoked"] is True


def test_erasing_a_member_erases_their_badges(client, member, badge):
    member.delete()
    assert client.get(f"/badges/{badge.uuid}.json").status_code == 404
    assert client.get(f"/badges/{badge.uuid}/").status_code == 404
