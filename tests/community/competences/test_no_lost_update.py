"""Two coordinators edit a competence framework in the admin at once: merged apart, refused on the same field."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from community.competences import demo as competences_demo
from community.competences.models import Framework
from community.members import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    return competences_demo.load_digcomp()


@pytest.fixture
def coordinators(client, users):
    second = Client()
    second.force_login(UserFactory(username="coordinatrice", role=roles.COORDINATORS))
    client.force_login(users["coordinator"])
    return client, second


def url(framework):
    return f"/admin/snippets/competences/framework/edit/{framework.pk}/"


def open_form(client, framework):
    html = client.get(url(framework)).content.decode()
    return next(data for index in range(6) if "merge_snapshot" in (data := querydict_from_html(html, form_index=index)))


def save(client, framework, data, **changes):
    data = data.copy()
    for name, value in changes.items():
        data[name] = value
    return client.post(url(framework), data)


def test_changes_to_different_fields_and_levels_are_merged(framework, coordinators):
    first, second = coordinators
    first_data, second_data = open_form(first, framework), open_form(second, framework)
    assert save(first, framework, first_data, **{"levels-0-name": "Débutant·e"}).status_code == 302

    assert save(second, framework, second_data, description="Le cadre européen.").status_code == 302

    framework.refresh_from_db()
    assert framework.description == "Le cadre européen."
    assert framework.levels.order_by("number").first().name == "Débutant·e"


def test_the_same_field_changed_by_both_is_refused_with_both_versions(framework, coordinators):
    first, second = coordinators
    first_data, second_data = open_form(first, framework), open_form(second, framework)
    save(first, framework, first_data, description="Version de la première.")

    response = save(second, framework, second_data, description="Version de la seconde.")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Version enregistrée entre-temps : « Version de la première. »" in html
    assert "Votre version : « Version de la seconde. »" in html
    assert Framework.objects.get(pk=framework.pk).description == "Version de la première."
