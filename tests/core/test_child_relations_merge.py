"""A journey's stages are merged as one field: changed by one editor, kept; changed by both, refused."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from workshops.models import JourneyPage
from workshops.models.pages import JourneyStage

from ..factories import JourneyIndexPageFactory, JourneyPageFactory, UserFactory, publish_revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(home, users):
    index = JourneyIndexPageFactory(parent=home)
    journey = JourneyPageFactory(parent=index, slug="dunar", title="DUNAR")
    kind = JourneyStage._meta.get_field("kind").choices[0][0]
    journey.stages = [JourneyStage(kind=kind, description="Une soirée pour se rencontrer.")]
    publish_revision(journey, users["coordinator"])
    return journey


@pytest.fixture
def editors(client):
    second = Client()
    client.force_login(UserFactory(username="premiere", is_superuser=True))
    second.force_login(UserFactory(username="seconde", is_superuser=True))
    return client, second


def open_editor(client, journey):
    html = client.get(f"/admin/pages/{journey.pk}/edit/").content.decode()
    return {**querydict_from_html(html, form_id="page-edit-form").dict(), "body-count": "0"}


def publish(client, journey, data, **changes):
    return client.post(f"/admin/pages/{journey.pk}/edit/", {**data, **changes, "action-publish": "1"})


def test_stages_changed_by_one_editor_are_kept_when_the_other_changes_something_else(journey, editors):
    first, second = editors
    first_data, second_data = open_editor(first, journey), open_editor(second, journey)
    assert (
        publish(first, journey, first_data, **{"stages-0-description": "Une soirée, puis un repas."}).status_code == 302
    )

    assert (
        publish(second, journey, second_data, summary="Le parcours des associations du Chinonais.").status_code == 302
    )

    live = JourneyPage.objects.get(pk=journey.pk)
    assert live.summary == "Le parcours des associations du Chinonais."
    assert [stage.description for stage in live.stages.all()] == ["Une soirée, puis un repas."]


def test_stages_changed_by_both_editors_are_refused(journey, editors):
    first, second = editors
    first_data, second_data = open_editor(first, journey), open_editor(second, journey)
    publish(first, journey, first_data, **{"stages-0-description": "Une soirée, puis un repas."})

    response = publish(second, journey, second_data, **{"stages-0-description": "Une matinée."})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Étapes : Modifié entre-temps" in html
    assert "Une soirée, puis un repas." in html and "Une matinée." in html
    live = JourneyPage.objects.get(pk=journey.pk)
    assert [stage.description for stage in live.stages.all()] == ["Une soirée, puis un repas."]
