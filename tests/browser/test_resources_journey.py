"""A contributor edits a wiki page and a tool sheet in Wagtail; anyone then reads their history and the diff."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTRIBUTOR_NAME = "Claire Vasseur"
NEW_SUMMARY = "Ce qu'est cet espace, ce qu'on y trouve, et comment chacun peut y contribuer."
NEW_TITLE = "Écrire à plusieurs avec un pad (Etherpad)"


def log_in(page, site_url):
    page.goto(f"{site_url}/compte/login/?next=/ressources/bienvenue/")
    page.get_by_label("Nom d’utilisateur").fill("contributrice")
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def edit_and_publish(page, site_url, path, field, value, screenshot, name):
    """Follows "Modifier cette page", changes one field and publishes from the editor's footer menu."""
    page.goto(f"{site_url}{path}")
    page.get_by_role("link", name="Modifier cette page").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.locator(field).fill(value)
    # Wagtail 8: "Enregistrer le brouillon" is the main action; "Publier" sits in the menu beside it.
    page.get_by_role("button", name="Plus d'actions").click()
    publish = page.get_by_role("button", name="Publier")
    expect(publish).to_be_visible()
    screenshot(f"{name}-publier")
    publish.click()
    expect(page.get_by_text("a été publiée")).to_be_visible()
    page.goto(f"{site_url}{path}")
    expect(page.locator(".contributors")).to_contain_text(CONTRIBUTOR_NAME)


def compare_latest(page, site_url, path, screenshot, name):
    """The public history lists the contributor's revision; the form's default pair shows what changed."""
    page.goto(f"{site_url}{path}historique/")
    history = page.get_by_role("table", name=re.compile("Versions de la page"))
    latest = history.get_by_role("row").nth(1)
    expect(latest).to_contain_text(CONTRIBUTOR_NAME)
    expect(latest).to_contain_text("Publication")
    expect(history).not_to_contain_text("@")
    page.get_by_role("button", name="Comparer").click()
    expect(page).to_have_url(re.compile(r"historique/\?de=\d+&a=\d+$"))
    screenshot(name)
    return page.locator("section.diff")


def test_contributor_edits_and_anyone_reads_the_history(page, site_url, screenshot, assert_accessible):
    log_in(page, site_url)
    edit_and_publish(page, site_url, "/ressources/bienvenue/", "#id_summary", NEW_SUMMARY, screenshot, "wiki")
    edit_and_publish(page, site_url, "/outils/etherpad/", "#id_title", NEW_TITLE, screenshot, "fiche")
    # Anonymous from here on: forgetting the session is enough (logging out is another journey's business).
    page.context.clear_cookies()
    page.goto(f"{site_url}/ressources/bienvenue/")
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()

    diff = compare_latest(page, site_url, "/ressources/bienvenue/", screenshot, "historique-wiki")
    expect(diff.get_by_role("heading", level=3)).to_have_text("Résumé")
    expect(diff.locator("del")).to_contain_text("Ce qu'est cet espace, ce qu'on y trouve et comment y contribuer.")
    expect(diff.locator("ins")).to_contain_text(NEW_SUMMARY)
    expect(diff.locator("ins")).to_contain_text("Ajouté :")
    assert_accessible()

    diff = compare_latest(page, site_url, "/outils/etherpad/", screenshot, "historique-fiche")
    expect(diff.get_by_role("heading", level=3)).to_have_text("Titre")
    expect(diff.locator("del")).to_contain_text("Écrire à plusieurs avec un pad")
    expect(diff.locator("ins")).to_contain_text(NEW_TITLE)
    assert_accessible()
    page.get_by_role("link", name="Retour à la page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    expect(page.get_by_role("link", name="Télécharger en Markdown")).to_have_attribute(
        "href", "/outils/etherpad/?format=md"
    )
    expect(page.get_by_role("link", name=re.compile("CC BY-SA 4.0"))).to_have_attribute("rel", "license")
    page.get_by_role("link", name="Historique").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Historique")
    assert_accessible()

    page.goto(f"{site_url}/outils/etherpad/")
    assert_accessible()
    screenshot("fiche-outil-licence")
