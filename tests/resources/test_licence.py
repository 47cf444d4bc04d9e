"""Licence and attribution of wiki pages and tool sheets, and their Markdown download."""

import datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from resources import attribution, export
from resources.models import LICENCE_URLS, Licence

from ..factories import (
    ResourceIndexPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    WikiPageFactory,
    publish_revision,
)

pytestmark = pytest.mark.django_db

STEPS = "1. Ouvrez Framapad.\n2. Donnez un nom au pad.\n3. Envoyez l'adresse aux participants."


@pytest.fixture
def sheet(home):
    index = ToolSheetIndexPageFactory(parent=home)
    return ToolSheetPageFactory(
        parent=index,
        slug="etherpad",
        title="Écrire à plusieurs avec un pad",
        summary="Un document que toute l'équipe modifie en même temps.",
        tool_name="Etherpad",
        replaces="Google Docs",
        software_licence="Apache-2.0",
        website="https://etherpad.org/",
        last_checked=datetime.date(2026, 10, 1),
        steps=[("markdown", STEPS)],
        use_cases=[("markdown", "- Prendre les notes d'une réunion de bureau.")],
    )


@pytest.fixture
def wiki_page(home):
    index = ResourceIndexPageFactory(parent=home)
    return WikiPageFactory(parent=index, slug="bienvenue", title="Bienvenue", body=[("markdown", "Bonjour **tous**.")])


def front_matter(text):
    """The lines between the two `---` that open the document, as a dict (lists for indented `- ` items)."""
    lines = text.splitlines()
    assert lines[0] == "---"
    end = lines.index("---", 1)
    fields, current = {}, None
    for line in lines[1:end]:
        if line.startswith("  - "):
            fields[current].append(line[4:])
        else:
            current, _, value = line.partition(": ")
            current = current.rstrip(":")
            fields[current] = value if value else []
    return fields


def test_contributors_are_the_distinct_revision_authors_by_first_contribution(sheet, users):
    first, second = users["charge"], users["contributor"]
    publish_revision(sheet, first, summary="Première version.")
    publish_revision(sheet, second, summary="Deuxième version.")
    publish_revision(sheet, first, summary="Troisième version.")

    with CaptureQueriesContext(connection) as queries:
        names = attribution.contributors(sheet)

    assert names == [first.get_full_name(), second.get_full_name()]
    assert len(queries) == 1


def test_a_contributor_without_a_full_name_is_listed_by_username(sheet, users):
    anonymous_looking = users["animator"]
    anonymous_looking.first_name = anonymous_looking.last_name = ""
    anonymous_looking.save()
    publish_revision(sheet, anonymous_looking, summary="Corrigé.")
    assert attribution.contributors(sheet) == ["animator"]


def test_the_page_shows_its_licence_badge_link_and_contributors_without_emails(client, sheet, users):
    publish_revision(sheet, users["charge"], summary="Première version.")
    publish_revision(sheet, users["contributor"], summary="Deuxième version.")

    html = client.get(sheet.url).content.decode()
    section = BeautifulSoup(html, "html.parser").find("section", class_="licence")

    badge = section.find("a", rel="license")
    assert badge["href"] == LICENCE_URLS[Licence.CC_BY_SA]
    assert "CC BY-SA 4.0" in badge.get_text()
    assert badge.find(class_="visually-hidden").get_text().strip() == "Licence"
    contributors = section.find(class_="contributors").get_text()
    assert users["charge"].get_full_name() in contributors
    assert users["contributor"].get_full_name() in contributors
    assert "@" not in html.replace("mailto:", "")
    assert section.find("a", string="Télécharger en Markdown")["href"] == "/outils/etherpad/?format=md"
    assert section.find("a", string="Historique")["href"] == "/outils/etherpad/historique/"


def test_a_wiki_page_shows_its_own_licence(client, wiki_page):
    wiki_page.licence = Licence.CC0
    wiki_page.save()
    section = BeautifulSoup(client.get(wiki_page.url).content, "html.parser").find("section", class_="licence")
    assert section.find("a", rel="license")["href"] == LICENCE_URLS[Licence.CC0]
    assert "le collectif" in section.find(class_="contributors").get_text()  # no revision author yet


def test_markdown_download_has_headers_and_front_matter(client, sheet, users):
    publish_revision(sheet, users["charge"], summary="Un document que toute l'équipe modifie en même temps.")
    publish_revision(sheet, users["contributor"], tool_name="Etherpad (Framapad)")

    response = client.get("/outils/etherpad/?format=md")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="etherpad.md"'
    text = response.content.decode()
    fields = front_matter(text)
    assert fields["title"] == '"Écrire à plusieurs avec un pad"'
    assert fields["licence"] == '"CC BY-SA 4.0"'
    assert fields["licence_url"] == f'"{LICENCE_URLS[Licence.CC_BY_SA]}"'
    assert fields["authors"] == [f'"{users["charge"].get_full_name()}"', f'"{users["contributor"].get_full_name()}"']
    assert fields["source_url"] == '"http://testserver/outils/etherpad/"'
    sheet.refresh_from_db()
    assert fields["last_update"] == timezone.localtime(sheet.last_published_at).date().isoformat()
    assert "@" not in text


def test_markdown_download_holds_the_sheet_as_markdown(client, sheet, users):
    publish_revision(sheet, users["contributor"], summary="Un pad pour écrire ensemble.")
    text = client.get("/outils/etherpad/?format=md").content.decode()
    body = text.split("---\n", 2)[2]
    assert "# Écrire à plusieurs avec un pad" in body
    assert "Un pad pour écrire ensemble." in body
    assert "- **Outil** : Etherpad" in body
    assert "- **Alternative à** : Google Docs" in body
    assert "- **Logiciel libre** : Oui" in body
    assert "- **Catégorie** : Organisation interne" in body
    assert "## Pas à pas\n\n" + STEPS in body  # Markdown blocks as typed
    assert "## Cas d'usage\n\n- Prendre les notes d'une réunion de bureau." in body
    assert "[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/deed.fr)" in body


def test_a_wiki_page_downloads_as_markdown_too(client, wiki_page, users):
    publish_revision(wiki_page, users["contributor"], summary="Ce qu'est cet espace.")
    response = client.get("/ressources/bienvenue/?format=md")
    assert response["Content-Disposition"] == 'attachment; filename="bienvenue.md"'
    text = response.content.decode()
    assert front_matter(text)["authors"] == [f'"{users["contributor"].get_full_name()}"']
    assert "Ce qu'est cet espace.\n\nBonjour **tous**." in text


def test_markdown_download_is_never_served_from_the_page_cache(client, sheet):
    assert client.get(sheet.url)["Content-Type"].startswith("text/html")
    assert client.get(sheet.url)["Content-Type"].startswith("text/html")  # now from the cache
    assert client.get(f"{sheet.url}?format=md")["Content-Type"] == "text/markdown; charset=utf-8"
    assert client.get(f"{sheet.url}?format=autre")["Content-Type"].startswith("text/html")


def test_front_matter_escapes_quotes_and_newlines():
    assert export._yaml('Le "pad"\nde tous') == '"Le \\"pad\\"\\nde tous"'


def test_blocks_become_markdown(sheet):
    image = wagtail_factories.ImageFactory(title="Capture")
    sheet.steps = [
        ("paragraph", '<h2>Avant</h2><p>Un <b>pad</b> et <a href="https://framapad.org/">Framapad</a>.</p>'
         "<ul><li>un</li><li>deux</li></ul>"),
        ("image", {"image": image, "alt": "L'écran d'accueil", "caption": "Framapad"}),
        ("callout", {"kind": "tip", "title": "Astuce", "text": "Nommez le pad.\nGardez l'adresse."}),
        ("table", {"data": [["Besoin", "Outil"], ["Notes", "Pad | Etherpad"]], "first_row_is_table_header": True}),
    ]  # fmt: skip

    text = export.stream_to_markdown(sheet.steps)

    assert "## Avant\n\nUn **pad** et [Framapad](https://framapad.org/)." in text
    assert "- un\n- deux" in text
    assert f"![L'écran d'accueil]({image.file.url})\n\n_Framapad_" in text
    assert "> **Astuce**\n>\n> Nommez le pad.\n> Gardez l'adresse." in text
    assert "| Besoin | Outil |\n|---|---|\n| Notes | Pad \\| Etherpad |" in text


def test_a_pending_draft_credits_its_author_only_once_published(sheet, users):
    publish_revision(sheet, users["charge"], summary="Première version.")
    sheet.summary = "Une proposition pas encore relue."
    sheet.save_revision(user=users["contributor"])
    assert attribution.contributors(sheet) == [users["charge"].get_full_name()]

    publish_revision(sheet, users["coordinator"])  # the coordinator publishes the draft, with its text
    assert attribution.contributors(sheet) == [
        users["charge"].get_full_name(),
        users["contributor"].get_full_name(),
        users["coordinator"].get_full_name(),
    ]
