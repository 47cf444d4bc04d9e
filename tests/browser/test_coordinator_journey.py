"""A coordinator reaches the dashboard from the header and publishes a référentiel métier through the page
editor."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, site_url):
    page.goto(f"{site_url}/compte/login/?next=/")
    page.get_by_label("Nom d’utilisateur").fill("coordinatrice")
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def publish_from_the_editor(page):
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("a été publiée")).to_be_visible()


def open_dashboard(page, site_url):
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="Tableau de bord").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord")


def test_coordinator_finds_the_dashboard_and_publishes_a_job_profile(page, site_url, screenshot, assert_accessible):
    log_in(page, site_url)
    open_dashboard(page, site_url)
    assert_accessible()
    # The récit and the cadre de référence are walked through in test_journal.py; both are reached from here.
    expect(page.get_by_role("link", name="Compiler le récit collectif")).to_be_visible()
    expect(page.get_by_role("link", name="Cadre de référence")).to_be_visible()

    page.get_by_role("link", name="Préparer un référentiel métier").click()
    assert_accessible()
    page.get_by_label("Rôle").select_option(label="Chargé·e d'innovation numérique")
    page.get_by_role("button", name="Préparer le brouillon").click()
    publish_from_the_editor(page)
    page.goto(f"{site_url}/referentiels-metiers/")
    page.get_by_role("link", name=re.compile("Référentiel métier")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chargé·e d'innovation numérique")
    # The demo chargée's shared entries evidence DigComp 2.4 and the network's own competences.
    expect(page.locator(".competence-line").first).to_be_visible()
    assert_accessible()
    screenshot("coordination-referentiel-metier")
