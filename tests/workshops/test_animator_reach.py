"""An animator manages the workshops they animate and creates new ones; another's stays out of reach."""

import pytest
from django.contrib.auth import get_user_model

from community.members.roles import ANIMATORS, EDIT_PAGES, grant_pages
from tests.factories import UserFactory, WorkshopPageFactory
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(workshop):
    index = workshop.get_parent()
    grant_pages(ANIMATORS, index, EDIT_PAGES)  # as the demo does: the whole workshops' tree
    return index


@pytest.fixture
def animators(workshop, index):
    mine, theirs = UserFactory(username="moi", role=ANIMATORS), UserFactory(username="autre", role=ANIMATORS)
    workshop.animators.add(theirs)
    workshop.save_revision().publish()
    return mine, theirs


def test_an_animator_creates_workshops_under_the_index(client, index, animators):
    client.force_login(animators[0])
    assert client.get(f"/admin/pages/add/workshops/workshoppage/{index.pk}/").status_code == 200


def test_an_animator_cannot_open_nor_join_anothers_workshop(client, workshop, animators):
    mine, theirs = animators
    client.force_login(mine)
    assert client.get(f"/admin/pages/{workshop.pk}/edit/").status_code == 302
    client.post(f"/admin/pages/{workshop.pk}/edit/", {"title": workshop.title, "animators": [mine.pk, theirs.pk]})
    assert list(WorkshopPage.objects.get(pk=workshop.pk).animators.all()) == [theirs]
    assert client.get(f"/ateliers-gestion/{workshop.pk}/inscrits.csv").status_code == 403
    client.force_login(theirs)
    assert client.get(f"/admin/pages/{workshop.pk}/edit/").status_code == 200


def test_whoever_creates_or_edits_a_workshop_stays_among_its_animators(index, animators):
    mine, _ = animators
    form_class = WorkshopPage.get_edit_handler().get_form_class()
    form = form_class(instance=WorkshopPageFactory.build(), for_user=mine, parent_page=index)
    form.cleaned_data = {"animators": get_user_model().objects.none()}
    assert list(form.clean_animators()) == [mine]
    coordinator = UserFactory(username="coord", role="Coordinateurs")
    form = form_class(instance=WorkshopPageFactory.build(), for_user=coordinator, parent_page=index)
    form.cleaned_data = {"animators": get_user_model().objects.none()}
    assert list(form.clean_animators()) == []  # a coordinator creates workshops for others
