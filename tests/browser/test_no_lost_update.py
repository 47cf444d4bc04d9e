"""Two contributors edit the same wiki page in the Wagtail admin at once: nobody loses a word."""

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_PASSWORD
from resources.models import WikiPage

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PATH = "/ressources/bienvenue/"
BODY = 'textarea[name="body-0-value"]'


@pytest.fixture(autouse=True)
def _one_request_at_a_time(settings):
    """No autosave nor editing-session pings: the live server's in-memory SQLite locks on concurrent writes
    (production runs PostgreSQL). Autosave's part is tested through the client in tests/core/test_page_merge.py."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000


def editor(browser, site_url, username):
    """A contributor's own browser, logged in, with the wiki page open in the editor."""
    page = browser.new_context().new_page()
    page.goto(f"{site_url}/compte/login/?next={PATH}")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    page.get_by_role("link", name="Modifier cette page").click()
    expect(page.locator(BODY)).to_be_visible()
    return page


def publish(page):
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()


def snapshot(page, name):
    """Each contributor has a browser of their own: the shared `screenshot` fixture sees neither."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def live():
    page = WikiPage.objects.get(slug="bienvenue")
    return page.summary, page.body.raw_data[0]["value"]


def test_disjoint_edits_by_two_contributors_both_survive(browser, site_url):
    claire = editor(browser, site_url, "contributrice")
    nadia = editor(browser, site_url, "chargee")

    claire.locator("#id_summary").fill("L'espace commun du collectif, et comment y contribuer.")
    publish(claire)
    expect(claire.get_by_text("a été publiée")).to_be_visible()

    body = nadia.locator(BODY)
    body.fill(body.input_value() + "\n\nUn paragraphe ajouté par Nadia.")
    publish(nadia)
    expect(nadia.get_by_text("a été publiée")).to_be_visible()
    snapshot(nadia, "no-lost-update-merged")

    summary, text = live()
    assert summary == "L'espace commun du collectif, et comment y contribuer."
    assert text.endswith("Un paragraphe ajouté par Nadia.")
    nadia.goto(f"{site_url}{PATH}")
    expect(nadia.locator("main")).to_contain_text("Un paragraphe ajouté par Nadia.")


def test_paragraphs_edited_apart_in_the_same_text_both_survive(browser, site_url):
    """The issue's case: one adds a paragraph while the other rewrites another, in the same Markdown block."""
    claire = editor(browser, site_url, "contributrice")
    nadia = editor(browser, site_url, "chargee")

    body = claire.locator(BODY)
    body.fill("Un mot d'accueil de Claire.\n\n" + body.input_value())
    publish(claire)
    expect(claire.get_by_text("a été publiée")).to_be_visible()

    body = nadia.locator(BODY)
    body.fill(body.input_value().replace("Pas d'inquiétude : on ne casse rien", "Aucune crainte : on ne casse rien"))
    publish(nadia)
    expect(nadia.get_by_text("a été publiée")).to_be_visible()

    text = live()[1]
    assert text.startswith("Un mot d'accueil de Claire.")
    assert "Aucune crainte : on ne casse rien" in text
    assert "Pas d'inquiétude" not in text


def test_overlapping_edits_show_both_versions_and_keep_what_was_typed(browser, site_url):
    claire = editor(browser, site_url, "contributrice")
    nadia = editor(browser, site_url, "chargee")

    claire.locator("#id_summary").fill("La version de Claire.")
    publish(claire)
    expect(claire.get_by_text("a été publiée")).to_be_visible()

    nadia.locator("#id_summary").fill("La version de Nadia.")
    publish(nadia)

    expect(nadia.get_by_text("Quelqu'un d'autre a enregistré cette page").first).to_be_visible()
    expect(nadia.get_by_text("Version enregistrée entre-temps : « La version de Claire. »").first).to_be_visible()
    expect(nadia.get_by_text("Votre version : « La version de Nadia. »").first).to_be_visible()
    expect(nadia.locator("#id_summary")).to_have_value("La version de Nadia.")
    snapshot(nadia, "no-lost-update-conflict")
    assert live()[0] == "La version de Claire."

    # Seen, reconciled, published again: saved.
    nadia.locator("#id_summary").fill("La version de Claire, complétée par Nadia.")
    publish(nadia)
    expect(nadia.get_by_text("a été publiée")).to_be_visible()
    assert live()[0] == "La version de Claire, complétée par Nadia."
