"""Where a workshop takes place: a structure of the map, or a free place and address."""

import pytest

from community.places.models import Structure
from tests.community.places.factories import structure

pytestmark = pytest.mark.django_db


@pytest.fixture
def hosted(workshop):
    host = structure(name="Centre social Dutemple", address="Place des Charbonniers", commune="Valenciennes")
    type(workshop).objects.filter(pk=workshop.pk).update(structure=host, place="", address="", commune="Valenciennes")
    workshop.refresh_from_db()
    return workshop


def test_a_structure_gives_its_name_and_address_and_links_to_its_page(client, hosted):
    assert hosted.location() == "Centre social Dutemple, Place des Charbonniers, Valenciennes"
    html = client.get(hosted.url).content.decode()
    assert f'<a href="{hosted.structure.get_absolute_url()}">Centre social Dutemple, Place des Charbonniers' in html


def test_the_calendar_and_the_e_mails_say_the_same_place(client, hosted):
    body = client.get(hosted.url + "agenda.ics").content.decode().replace("\r\n ", "")
    assert "LOCATION:Centre social Dutemple\\, Place des Charbonniers\\, Valenciennes" in body


def test_a_structure_off_the_map_is_named_without_a_link(client, hosted):
    Structure.objects.update(is_public=False)
    html = client.get(hosted.url).content.decode()
    assert "Centre social Dutemple, Place des Charbonniers, Valenciennes" in html
    assert hosted.structure.get_absolute_url() not in html


def test_a_free_place_wins_over_the_structure(hosted):
    hosted.place = "Salle du fond"
    assert hosted.location() == "Salle du fond, Place des Charbonniers, Valenciennes"
