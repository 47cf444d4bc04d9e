"""A visitor finds tool sheets: by the library's filters (with and without JavaScript) and by the site search."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAD = "Écrire à plusieurs avec un pad"


def filter_internal_free_software(page):
    page.get_by_label("Catégorie").select_option(label="Organisation interne")
    page.get_by_label("Logiciel libre uniquement").check()
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"/outils/\?categorie=organisation-interne&mot_cle=&libre=on$"))
    expect(page.locator(".result-count")).to_have_text("12 fiches")
    cards = page.locator("main .card")
    expect(cards).to_have_count(12)
    for meta in cards.locator(".meta").all_inner_texts():
        assert meta == "Organisation interne · Logiciel libre"


def test_visitor_filters_the_tool_sheets_and_opens_one(page, site_url, screenshot, assert_accessible):
    page.goto(f"{site_url}/outils/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiches outils")
    expect(page.locator(".result-count")).to_have_text("27 fiches")
    expect(page.get_by_role("navigation", name="Pagination")).to_contain_text("Page 1 sur 2")
    expect(page.get_by_role("link", name="flux Atom")).to_be_visible()
    assert_accessible()
    screenshot("fiches-outils")

    filter_internal_free_software(page)
    expect(page.get_by_label("Logiciel libre uniquement")).to_be_checked()
    assert_accessible()
    screenshot("fiches-outils-filtrees")

    page.get_by_role("link", name=PAD).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PAD)


def test_a_tag_of_a_sheet_filters_the_library(page, site_url):
    page.goto(f"{site_url}/outils/?categorie=organisation-interne")
    page.locator(".card", has_text=PAD).get_by_role("link", name="réunion").click()
    expect(page.get_by_label("Mot-clé")).to_have_value("réunion")
    titles = page.locator("main .card-title").all_inner_texts()
    assert PAD in titles and "Se réunir en visioconférence avec Jitsi Meet" in titles


def test_filters_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/outils/")
        filter_internal_free_software(page)
    finally:
        context.close()


def test_visitor_searches_from_the_header(page, site_url, screenshot, assert_accessible):
    page.goto(f"{site_url}/outils/")
    header_search = page.get_by_role("banner").get_by_role("search")
    header_search.get_by_label("Rechercher sur le site").fill("pad")
    header_search.get_by_role("button", name="Rechercher").click()
    expect(page).to_have_url(re.compile(r"/recherche/\?q=pad$"))
    expect(page.locator(".result-count")).to_contain_text("pour « pad »")
    result = page.locator(".search-result", has_text=PAD)
    expect(result.locator("mark").first).to_have_text(re.compile("pad", re.IGNORECASE))
    assert_accessible()
    screenshot("recherche-pad")

    result.get_by_role("link", name=PAD).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PAD)

    page.get_by_role("banner").get_by_label("Rechercher sur le site").fill("xylophone")
    page.keyboard.press("Enter")
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_text("Aucun résultat pour « xylophone »")
    expect(page.get_by_role("main").get_by_role("link", name="Fiches outils")).to_be_visible()
    assert_accessible()
    screenshot("recherche-sans-resultat")
