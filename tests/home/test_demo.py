"""`load_demo`: the whole demo site, built twice without duplicates, with working demo accounts."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_prints_the_accounts(capsys):
    call_command("load_demo")
    first = Page.objects.count()
    call_command("load_demo")
    output = capsys.readouterr().out
    assert Page.objects.count() == first
    for username in ("admin", "contributrice", "animateur", "chargee", "coordinatrice"):
        assert username in output
    assert DEMO_PASSWORD in output


@pytest.mark.parametrize("username", ["admin", "contributrice", "animateur", "chargee", "coordinatrice"])
def test_demo_accounts_reach_the_admin(client, demo_site, username):
    assert client.login(username=username, password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/", "/ressources/", "/outils/", "/ateliers/", "/charte/", "/mentions-legales/", "/confidentialite/"]
)
def test_demo_pages_are_served_in_french_with_the_funders(client, demo_site, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "cofinancé par l&#x27;Union européenne" in html
    assert "Fonds social européen" in html


def test_demo_animator_manages_the_demo_workshops(client, demo_site):
    from workshops.models import WorkshopPage

    workshop = WorkshopPage.objects.get(slug="atelier-ecrire-a-plusieurs")
    assert client.login(username="animateur", password=DEMO_PASSWORD)
    response = client.get(f"/ateliers-gestion/{workshop.pk}/")
    assert response.status_code == 200
    assert "Inscrits" in response.content.decode() or "inscrits" in response.content.decode()
