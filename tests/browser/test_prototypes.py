"""A visitor reads the centres' prototypes on a phone without JavaScript; a member of another structure adopts one,
finds it on the prototype's page and on their structure's map page, then withdraws it."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CARNET = "Le carnet des parents"


def no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_visitor_filters_and_reads_prototypes_on_a_phone_without_javascript(
    browser, page, site_url, assert_accessible, screenshot
):
    # axe-core runs as a script: the pages the JavaScript-less visitor reads are checked again, at the same width,
    # in the test's own page.
    page.set_viewport_size({"width": 360, "height": 740})
    read = []
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        visitor = context.new_page()
        run_visitor_journey(visitor, site_url, read)
    finally:
        context.close()
    for url in read:
        page.goto(url)
        no_horizontal_scroll(page)
        assert_accessible()
    screenshot("prototype-360")


def run_visitor_journey(page, site_url, read):
    """Filters the library and opens a prototype, noting the addresses read for the accessibility check."""
    page.goto(f"{site_url}/prototypes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Prototypes")
    expect(page.locator(".result-count")).to_have_text("6 prototypes")
    expect(page.locator(".card", has_text="La borne d'accueil partagée")).to_contain_text("Adopté par 2 structures")
    no_horizontal_scroll(page)
    read.append(page.url)

    page.get_by_label("Domaine").select_option(label="Parentalité")
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"/prototypes/\?domaine=parentalite&etat=&structure=$"))
    expect(page.locator("main .card")).to_have_count(1)
    page.get_by_label("État").select_option(label="Adopté")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.locator(".empty")).to_contain_text("Aucun prototype ne correspond à ces critères.")
    page.get_by_role("link", name="Voir tous les prototypes").first.click()
    page.get_by_label("Structure").select_option(label="Centre socioculturel Georges Dehove")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("link", name=CARNET).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(CARNET)
    expect(page.locator(".facts")).to_contain_text("Centre socioculturel Georges Dehove")
    expect(page.get_by_role("heading", name="Le reproduire chez vous")).to_be_visible()
    expect(page.get_by_text("Connectez-vous pour déclarer que votre structure l'adopte")).to_be_visible()
    no_horizontal_scroll(page)
    read.append(page.url)


def test_a_member_of_another_structure_adopts_then_withdraws(page, site_url, assert_accessible, screenshot):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}/compte/login/?next=/prototypes/carnet-des-parents/")
    page.get_by_label("Nom d’utilisateur").fill("chargee")
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CARNET)
    expect(page.locator("#adoptions")).to_contain_text("Aucune structure ne l'a encore adopté.")

    page.get_by_label("Un mot sur votre projet (facultatif)").fill("Nous l'essayons au café des parents de Langeais.")
    page.get_by_role("button", name="Nous l'adoptons").click()
    expect(page.get_by_role("status")).to_contain_text("C'est noté : Familles rurales de Langeais adopte ce prototype.")
    adoptions = page.locator("#adoptions")
    expect(adoptions).to_contain_text("Familles rurales de Langeais")
    expect(adoptions).to_contain_text("« Nous l'essayons au café des parents de Langeais. »")
    expect(page.locator(".facts")).to_contain_text("1 structure l'a adopté")
    no_horizontal_scroll(page)
    assert_accessible()
    screenshot("prototype-adopte")

    adoptions.get_by_role("link", name="Familles rurales de Langeais").click()
    section = page.locator(".adopted-prototypes")
    expect(section.get_by_role("heading", name="Prototypes adoptés")).to_be_visible()
    expect(section.get_by_role("link", name=CARNET)).to_be_visible()
    assert_accessible()

    section.get_by_role("link", name=CARNET).click()
    page.get_by_role("button", name="Retirer l'adoption par Familles rurales de Langeais").click()
    expect(page.get_by_role("status")).to_contain_text("L'adoption par Familles rurales de Langeais est retirée.")
    expect(page.locator("#adoptions")).to_contain_text("Aucune structure ne l'a encore adopté.")
    page.goto(f"{site_url}/carte/familles-rurales-langeais/")
    expect(page.locator(".adopted-prototypes")).to_have_count(0)
