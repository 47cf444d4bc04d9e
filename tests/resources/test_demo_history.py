"""The demo's wiki pages and tool sheets have a history written by the demo accounts, never « Auteur inconnu »."""

import pytest
from bs4 import BeautifulSoup

from home import demo
from resources.models import ToolSheetPage, WikiPage

pytestmark = pytest.mark.django_db


def authors(client, url):
    table = BeautifulSoup(client.get(f"{url}historique/").content, "html.parser").find("table", class_="history")
    return [row.find_all("td")[1].get_text(strip=True) for row in table.tbody.find_all("tr")]


def test_the_demo_history_names_the_demo_accounts_who_wrote_each_version(client, demo_site):
    assert authors(client, "/ressources/bienvenue/") == ["Claire Vasseur", "Sophie Garnier"]
    assert authors(client, "/outils/framadate/")[-1] == "Sophie Garnier"
    credit = BeautifulSoup(client.get("/ressources/bienvenue/").content, "html.parser").find(class_="contributors")
    assert "Sophie Garnier, Claire Vasseur" in credit.get_text()
    for page in [*WikiPage.objects.live(), *ToolSheetPage.objects.live()]:
        assert "Auteur inconnu" not in authors(client, page.url), page.url


def test_loading_the_demo_again_adds_no_revision(demo_site):
    before = {page.pk: page.revisions.count() for page in WikiPage.objects.all()}
    demo.load()
    assert {page.pk: page.revisions.count() for page in WikiPage.objects.all()} == before
