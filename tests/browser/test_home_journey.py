"""A visitor and a contributor on the home page, in the system Chromium."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_visitor_follows_the_main_navigation(page, site_url, screenshot, assert_accessible):
    page.goto(site_url)
    expect(page).to_have_title("Gare centrale · Gare centrale")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gare centrale")
    expect(page.get_by_role("contentinfo")).to_contain_text("cofinancé par l'Union européenne")
    assert_accessible()
    screenshot("accueil")

    nav = page.get_by_role("navigation", name="Navigation principale")
    for title in ("Ressources", "Fiches outils", "Ateliers"):
        nav.get_by_role("link", name=title).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(nav.get_by_role("link", name=title)).to_have_attribute("aria-current", "page")
        assert_accessible()
    screenshot("ateliers")


def test_keyboard_user_skips_to_the_content(page, site_url):
    page.goto(site_url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_contributor_logs_in_and_finds_the_edit_link(page, site_url, screenshot):
    page.goto(f"{site_url}/ressources/bienvenue/")
    page.get_by_role("link", name="Se connecter").click()
    page.get_by_label("Nom d’utilisateur").fill("contributrice")
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(f"{site_url}/ressources/bienvenue/")
    page.get_by_role("link", name="Modifier cette page").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("#id_title")).to_have_value("Bienvenue dans la gare centrale")
    screenshot("edition-wiki")
