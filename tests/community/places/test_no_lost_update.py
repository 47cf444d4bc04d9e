"""Two people edit the same place or mobile session in the admin at once: merged apart, refused on the same field."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from community.members import roles
from community.places.models import Permanence, Structure
from tests.community.places import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinators(client, users):
    second = Client()
    second.force_login(UserFactory(username="coordinatrice", role=roles.COORDINATORS))
    client.force_login(users["coordinator"])
    return client, second


def open_form(client, url):
    html = client.get(url).content.decode()
    return next(data for index in range(6) if "merge_snapshot" in (data := querydict_from_html(html, form_index=index)))


def save(client, url, data, **changes):
    data = data.copy()
    for name, value in changes.items():
        data[name] = value
    return client.post(url, data)


def test_a_place_edited_by_two_keeps_both_changes(coordinators):
    structure = factories.structure()
    url = f"/admin/snippets/places/structure/edit/{structure.pk}/"
    first, second = coordinators
    first_data, second_data = open_form(first, url), open_form(second, url)
    assert save(first, url, first_data, summary="Un lieu d'accueil.").status_code == 302

    assert save(second, url, second_data, opening_hours="Mo-Sa 09:00-12:00").status_code == 302

    structure.refresh_from_db()
    assert (structure.summary, structure.opening_hours) == ("Un lieu d'accueil.", "Mo-Sa 09:00-12:00")


def test_a_session_changed_on_the_same_field_by_both_is_refused_with_both_versions(coordinators):
    permanence = factories.permanence(factories.structure(), place="Gymnase")
    url = f"/admin/snippets/places/permanence/edit/{permanence.pk}/"
    first, second = coordinators
    first_data, second_data = open_form(first, url), open_form(second, url)
    save(first, url, first_data, place="Salle des fêtes")

    response = save(second, url, second_data, place="Mairie")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Version enregistrée entre-temps : « Salle des fêtes »" in html and "Votre version : « Mairie »" in html
    assert Permanence.objects.get(pk=permanence.pk).place == "Salle des fêtes"
    assert Structure.objects.count() == 1
