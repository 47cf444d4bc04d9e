"""`load_demo`: the whole demo site, built twice without duplicates, with working demo accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from home.demo import DEMO_PASSWORD
from home.models import HomePage
from tests.config.production import PRODUCTION_ENV, run

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


def test_load_demo_refuses_to_run_where_the_demo_is_not_allowed(settings):
    settings.DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="DEMO_ALLOWED"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()
    assert not HomePage.objects.exists()


def test_load_demo_refuses_to_run_under_the_production_settings(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    result = run(["manage.py", "load_demo"], **env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr  # a message for a person
    assert "DEMO_ALLOWED est faux" in result.stderr
    assert "admin" not in result.stdout
