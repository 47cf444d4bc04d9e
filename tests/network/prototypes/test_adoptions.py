"""« Nous l'adoptons »: the operation and its refusals, the views (POST, CSRF, statuses), what each visitor sees."""

from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from network.prototypes import adoptions
from network.prototypes.models import Adoption
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def prototype(make_prototype):
    return make_prototype(title="La borne d'accueil partagée")


@pytest.fixture
def neighbour(member_of, centres):
    return member_of(centres["neighbour"], username="voisine")


# --- The operation -------------------------------------------------------------------------------------------------


def test_a_member_adopts_for_their_structure(prototype, centres, neighbour):
    adoption = adoptions.adopt(prototype, centres["neighbour"], neighbour, note="À l'accueil dès septembre.")
    assert (adoption.structure, adoption.adopted_by, adoption.note) == (
        centres["neighbour"],
        neighbour,
        "À l'accueil dès septembre.",
    )
    assert adoption.adopted_at is not None
    assert list(prototype.adoptions.all()) == [adoption]


def test_no_structure_own_structure_and_twice_are_refused(prototype, centres, neighbour):
    with pytest.raises(adoptions.NoStructure) as error:
        adoptions.adopt(prototype, None, neighbour)
    assert error.value.status == 403 and "aucune structure" in error.value.message
    with pytest.raises(adoptions.OwnStructure) as error:
        adoptions.adopt(prototype, centres["maker"], neighbour)
    assert error.value.status == 403 and "votre structure" in error.value.message
    adoptions.adopt(prototype, centres["neighbour"], neighbour)
    with pytest.raises(adoptions.AlreadyAdopted) as error:
        adoptions.adopt(prototype, centres["neighbour"], neighbour)
    assert error.value.status == 409 and "déjà adopté" in error.value.message
    assert prototype.adoptions.count() == 1
    with pytest.raises(adoptions.NotAMember) as error:
        adoptions.adopt(prototype, centres["third"], UserFactory(username="sans-role"))
    assert error.value.status == 403
    assert prototype.adoptions.count() == 1


def test_the_adopting_structures_members_and_coordinators_withdraw_no_one_else(
    prototype, centres, neighbour, member_of, coordinator
):
    adoption = adoptions.adopt(prototype, centres["neighbour"], neighbour)
    for stranger in (member_of(centres["maker"]), member_of(centres["third"]), UserFactory(username="sans-profil")):
        with pytest.raises(adoptions.NotYours) as error:
            adoptions.withdraw(adoption, stranger)
        assert error.value.status == 403
    colleague = member_of(centres["neighbour"])  # the same structure, another person
    adoptions.withdraw(adoption, colleague)
    assert not Adoption.objects.exists()
    adoption = adoptions.adopt(prototype, centres["neighbour"], neighbour)
    adoptions.withdraw(adoption, coordinator)
    assert not Adoption.objects.exists()


# --- The views -----------------------------------------------------------------------------------------------------


def test_a_member_of_another_structure_sees_the_form_adopts_and_sees_it_listed(client, prototype, neighbour):
    client.force_login(neighbour)
    page = unescape(client.get(prototype.url).content.decode())
    assert "Nous l'adoptons" in page and "Aucune structure ne l'a encore adopté." in page
    response = client.post(f"/adoptions/prototype/{prototype.pk}/", {"note": "Dès septembre."}, follow=True)
    assert response.redirect_chain[-1] == (prototype.url + "#adoptions", 302)
    html = unescape(response.content.decode())
    assert "C'est noté : Centre social les Florales adopte ce prototype." in html
    assert "1 structure l'a adopté" in html and "« Dès septembre. »" in html
    assert "déclaré par Camille voisine" in html
    assert "Retirer l'adoption par Centre social les Florales" in html
    assert "Nous l'adoptons</button>" not in html  # adopted once


def test_the_public_sees_the_structures_not_the_people(client, prototype, centres, neighbour):
    adoptions.adopt(prototype, centres["neighbour"], neighbour)
    html = unescape(Client().get(prototype.url).content.decode())
    assert "Centre social les Florales" in html and "Camille voisine" not in html
    assert "Retirer" not in html and "csrfmiddlewaretoken" not in html
    assert "Connectez-vous pour déclarer que votre structure l'adopte" in html


def test_the_prototypes_own_structure_gets_no_form(client, prototype, centres, member_of):
    client.force_login(member_of(centres["maker"]))
    assert "Nous l'adoptons</button>" not in unescape(client.get(prototype.url).content.decode())


@pytest.mark.parametrize(
    ("who", "status", "message"),
    [
        ("maker", 403, "Ce prototype est celui de votre structure"),
        ("nobody", 403, "aucune structure"),
        ("twice", 409, "Votre structure a déjà adopté ce prototype."),
    ],
)
def test_refusals_answer_with_their_status_and_french_message(
    client, prototype, centres, neighbour, member_of, who, status, message
):
    user = {
        "maker": lambda: member_of(centres["maker"]),
        "nobody": lambda: member_of(None),
        "twice": lambda: neighbour,
    }[who]()
    if who == "twice":
        adoptions.adopt(prototype, centres["neighbour"], neighbour)
    client.force_login(user)
    response = client.post(f"/adoptions/prototype/{prototype.pk}/")
    assert response.status_code == status
    assert message in unescape(response.content.decode())


def test_adopting_needs_a_login_a_post_and_the_csrf_token(prototype, neighbour):
    anonymous = Client()
    response = anonymous.post(f"/adoptions/prototype/{prototype.pk}/")
    assert response.status_code == 302 and "login" in response["Location"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(neighbour)
    assert client.get(f"/adoptions/prototype/{prototype.pk}/").status_code == 405
    assert client.post(f"/adoptions/prototype/{prototype.pk}/").status_code == 403
    assert not Adoption.objects.exists()


def test_a_draft_prototype_cannot_be_adopted(client, prototype, neighbour):
    prototype.unpublish()
    client.force_login(neighbour)
    assert client.post(f"/adoptions/prototype/{prototype.pk}/").status_code == 404


def test_withdrawing_by_post(client, prototype, centres, neighbour, member_of, coordinator):
    adoption = adoptions.adopt(prototype, centres["neighbour"], neighbour)
    client.force_login(member_of(centres["third"]))
    response = client.post(f"/adoptions/{adoption.pk}/retirer/")
    assert response.status_code == 403 and "Seuls les membres" in response.content.decode()
    assert client.get(f"/adoptions/{adoption.pk}/retirer/").status_code == 405
    client.force_login(neighbour)
    response = client.post(f"/adoptions/{adoption.pk}/retirer/", follow=True)
    assert "L'adoption par Centre social les Florales est retirée." in unescape(response.content.decode())
    assert not Adoption.objects.exists()
    adoption = adoptions.adopt(prototype, centres["neighbour"], neighbour)
    client.force_login(coordinator)
    assert client.post(f"/adoptions/{adoption.pk}/retirer/").status_code == 302
    assert client.post(f"/adoptions/{adoption.pk}/retirer/").status_code == 404


# --- The structure's map page --------------------------------------------------------------------------------------


def test_the_structures_map_page_lists_what_it_adopted(client, make_prototype, centres, neighbour):
    first, second = make_prototype(title="La borne"), make_prototype(title="Le carnet", structure=centres["third"])
    adoptions.adopt(first, centres["neighbour"], neighbour)
    adoptions.adopt(second, centres["neighbour"], neighbour)
    html = client.get("/carte/cs-les-florales/").content.decode()
    assert "Prototypes adoptés" in html
    assert f'href="{first.url}"' in html and "un prototype de Maison de quartier Beaujardin" in html
    assert f'href="{second.url}"' in html and "un prototype de Centre socioculturel Agora" in html
    # The maker's page has no section: it adopted nothing.
    assert "Prototypes adoptés" not in client.get("/carte/mq-beaujardin/").content.decode()


def test_the_section_costs_the_same_queries_for_1_or_6_adoptions(client, make_prototype, centres, neighbour):
    adoptions.adopt(make_prototype(), centres["neighbour"], neighbour)

    def count():
        client.get("/carte/cs-les-florales/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/carte/cs-les-florales/")
        return len(queries)

    small = count()
    for _ in range(5):
        adoptions.adopt(make_prototype(), centres["neighbour"], neighbour)
    assert count() == small


def test_an_adoption_refreshes_the_cached_pages_of_anonymous_visitors(client, prototype, centres, neighbour):
    anonymous = Client()
    assert "Aucune structure ne l" in anonymous.get(prototype.url).content.decode()  # now in the page cache
    adoption = adoptions.adopt(prototype, centres["neighbour"], neighbour)
    assert "Centre social les Florales" in anonymous.get(prototype.url).content.decode()
    assert "Adopté par 1 structure" in anonymous.get("/prototypes/").content.decode()
    adoptions.withdraw(adoption, neighbour)
    assert "Centre social les Florales" not in anonymous.get(prototype.url).content.decode()
