"""A visitor reads the network's charter and its signatories on a phone; a member finds a referent by commune and
service in the members' directory."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_visitor_reads_the_charter_and_its_signatories_on_a_phone(page, site_url, screenshot, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/")
    page.get_by_role("contentinfo").get_by_role("link", name="Charte du réseau").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Charte du réseau")
    expect(page.get_by_role("heading", name="5 structures signataires")).to_be_visible()
    signatory = page.locator(".charter-signatures .place").filter(has_text="Centre social Dutemple")
    expect(signatory).to_contain_text("Valenciennes")
    expect(signatory).to_contain_text("Signée le 14 mars 2025 ; signataire : directrice du centre social.")
    assert fits_the_screen(page)
    assert_accessible()
    screenshot("charte-360")

    signatory.get_by_role("link", name="Centre social Dutemple").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Centre social Dutemple")
    expect(page.get_by_text("Signataire de la charte du réseau depuis le 14 mars 2025.")).to_be_visible()
    expect(page.get_by_text("@example.org")).to_have_count(0)  # no referent for a visitor
    assert fits_the_screen(page)
    assert_accessible()


def test_a_member_finds_a_referent_by_commune_and_service(page, site_url, screenshot, assert_accessible):
    page.goto(f"{site_url}/annuaire/")
    expect(page).to_have_url(re.compile(r"/compte/login/\?next=/annuaire/"))
    page.get_by_label("Nom d’utilisateur").fill("contributrice")
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuaire des référents")
    assert_accessible()

    page.get_by_label("Commune").select_option("Marly")
    page.get_by_label("Service").select_option(label="Réaliser des démarches en ligne")
    page.get_by_role("button", name="Chercher", exact=True).click()
    expect(page).to_have_url(re.compile(r"/annuaire/\?commune=Marly&service=demarches"))
    found = page.locator(".place-list .place")
    expect(found).to_have_count(2)
    florales = found.filter(has_text="Centre social les Florales")
    expect(florales).to_contain_text("Nadia Vermeulen")
    expect(florales.get_by_role("link", name="nadia.vermeulen@example.org")).to_have_attribute(
        "href", "mailto:nadia.vermeulen@example.org"
    )
    expect(florales.get_by_role("link", name="01 02 03 04 07")).to_have_attribute("href", "tel:0102030407")
    assert_accessible()
    page.set_viewport_size(PHONE)
    assert fits_the_screen(page)
    screenshot("annuaire-marly-360")

    # The header leads back to it from anywhere.
    page.goto(f"{site_url}/carte/")
    page.get_by_role("banner").get_by_role("link", name="Référents").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuaire des référents")


def test_the_directory_search_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/compte/login/?next=/annuaire/")
        page.get_by_label("Nom d’utilisateur").fill("chargee")
        page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.get_by_label("Commune").select_option("Denain")
        page.get_by_role("button", name="Chercher", exact=True).click()
        expect(page.locator(".place-list .place")).to_have_count(2)
        expect(page.locator(".place-list")).to_contain_text("Maison de quartier Solange Tonini")
    finally:
        context.close()
