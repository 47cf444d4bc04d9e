"""One attribution for a page's HTML credit and its Markdown download; wiki links and the verification date."""

import datetime

import pytest
from bs4 import BeautifulSoup

from resources import attribution

from ..factories import (
    ToolSheetPageFactory,
    WikiPageFactory,
    publish_revision,
)
from .test_licence import front_matter

pytestmark = pytest.mark.django_db


def credit(client, page):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    return html.find(class_="contributors").get_text(" ", strip=True).removeprefix("Contributions :").strip()


def test_a_page_nobody_is_known_to_have_written_credits_the_collective_in_html_and_markdown(client, wiki):
    page = WikiPageFactory(parent=wiki, slug="bienvenue", title="Bienvenue")

    assert credit(client, page) == "le collectif"
    text = client.get(f"{page.url}?format=md").content.decode()
    assert front_matter(text)["authors"] == ['"le collectif"']
    assert "Contributions : le collectif." in text


def test_html_credit_and_markdown_authors_name_the_same_people(client, wiki, users):
    page = WikiPageFactory(parent=wiki, slug="bienvenue", title="Bienvenue")
    publish_revision(page, users["charge"], summary="Première version.")
    publish_revision(page, users["contributor"], summary="Deuxième version.")
    names = [users["charge"].get_full_name(), users["contributor"].get_full_name()]

    assert credit(client, page) == ", ".join(names)
    fields = front_matter(client.get(f"{page.url}?format=md").content.decode())
    assert fields["authors"] == [f'"{name}"' for name in names]
    assert fields["licence"] == '"CC BY-SA 4.0"'
    assert fields["source_url"] == '"http://testserver/ressources/bienvenue/"'


def test_attribution_gives_authors_licence_and_full_address(rf, wiki, users):
    page = WikiPageFactory(parent=wiki, slug="bienvenue", title="Bienvenue")
    publish_revision(page, users["contributor"])

    credited = attribution.attribute(page, rf.get("/"))

    assert credited.authors == [users["contributor"].get_full_name()]
    assert (credited.licence, credited.licence_url) == ("CC BY-SA 4.0", page.licence_url)
    assert credited.source_url == "http://testserver/ressources/bienvenue/"


def test_markdown_download_turns_wiki_links_into_full_addresses_and_missing_pages_into_text(client, wiki, sheets):
    ToolSheetPageFactory(parent=sheets, slug="etherpad", title="Écrire à plusieurs avec un pad")
    WikiPageFactory(parent=wiki, slug="glossaire", title="Glossaire")
    body = "Voir le [[glossaire]], [[Écrire à plusieurs avec un pad|le pad]] et [[Page rêvée]]."
    page = WikiPageFactory(parent=wiki, slug="bienvenue", title="Bienvenue", body=[("markdown", body)])

    text = client.get(f"{page.url}?format=md").content.decode()

    assert (
        "Voir le [glossaire](http://testserver/ressources/glossaire/), "
        "[le pad](http://testserver/outils/etherpad/) et Page rêvée." in text
    )
    assert "[[" not in text


def test_the_tool_sheet_says_when_it_was_last_verified(client, sheets):
    sheet = ToolSheetPageFactory(parent=sheets, slug="etherpad", last_checked=datetime.date(2026, 10, 1))
    unchecked = ToolSheetPageFactory(parent=sheets, slug="framadate", last_checked=None)

    facts = BeautifulSoup(client.get(sheet.url).content, "html.parser").find("dl", class_="facts")
    label = facts.find("dt", string="Vérifiée le")
    assert label.find_next_sibling("dd").get_text(strip=True) == "1er octobre 2026"
    assert label.find_next_sibling("dd").time["datetime"] == "2026-10-01"
    assert "Vérifiée le" not in client.get(unchecked.url).content.decode()
