"""The history's address: paginated, never hidden by a child page, and a French 400 for parameters no link makes."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from ..factories import WikiPageFactory, publish_revision

pytestmark = pytest.mark.django_db

URL = "/ressources/bienvenue/historique/"


@pytest.fixture
def page(wiki, users):
    """A page with 25 published versions: two pages of history."""
    page = WikiPageFactory(parent=wiki, slug="bienvenue", title="Bienvenue")
    for number in range(1, 26):
        publish_revision(page, users["contributor"], summary=f"Version {number}.")
    return page


def version_numbers(response):
    table = BeautifulSoup(response.content, "html.parser").find("table", class_="history")
    return [row.th.get_text(" ", strip=True).split()[0] for row in table.tbody.find_all("tr")]


def test_the_history_shows_twenty_versions_a_page_with_french_links_between_pages(client, page):
    first = client.get(URL)
    assert version_numbers(first) == [str(number) for number in range(25, 5, -1)]
    nav = BeautifulSoup(first.content, "html.parser").find("nav", class_="pagination")
    assert "Page 1 sur 2" in nav.get_text()
    assert nav.find("a", rel="next")["href"] == "?page=2"
    assert nav.find("a", string="Page suivante")

    second = client.get(URL + nav.find("a", rel="next")["href"])
    assert version_numbers(second) == [str(number) for number in range(5, 0, -1)]


def test_a_page_of_history_past_the_last_is_not_found(client, page):
    assert client.get(f"{URL}?page=3").status_code == 404


@pytest.mark.parametrize("query", ["de=abc&a=1", "de=1", "a=", "de=-1&a=2", "page=abc", "page=0"])
def test_bad_parameters_answer_400_in_french_in_the_site_layout(client, page, query):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("header") and html.find("footer")  # the site's layout, not a bare error page
    assert html.h1.get_text(strip=True) == "Historique de « Bienvenue »"
    error = html.find(role="alert").get_text(strip=True)
    assert error.startswith(("Pour comparer, choisissez", "Le numéro de page"))
    assert "must" not in response.content.decode()


def test_no_wiki_page_can_take_the_address_of_the_history(wiki, page):
    with pytest.raises(ValidationError) as refusal:
        WikiPageFactory(parent=page, slug="historique", title="Historique")
    assert "l'historique des pages du wiki" in refusal.value.message_dict["slug"][0]
    assert not page.get_children().exists()


def test_the_wiki_editor_explains_beside_the_address_that_historique_is_taken(admin_client, client, page):
    response = admin_client.post(
        f"/admin/pages/add/resources/wikipage/{page.pk}/",
        {"title": "Historique", "slug": "historique", "body-count": "0", "tags": "", "licence": "cc-by-sa-4.0"},
    )

    assert response.status_code == 200
    assert "l&#x27;historique des pages du wiki" in response.content.decode()
    assert not page.get_children().exists()
    assert client.get(URL).status_code == 200
