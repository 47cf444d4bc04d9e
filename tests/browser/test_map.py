"""A visitor finds the nearest place that helps with online procedures, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from community.places.models import Permanence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SERVICE = "Réaliser des démarches en ligne"


def search_near_marly(page):
    page.get_by_label("Service").select_option(label=SERVICE)
    page.get_by_label("Près de chez moi").fill("59770")
    page.get_by_role("button", name="Chercher", exact=True).click()
    expect(page).to_have_url(re.compile(r"/carte/\?pres_de=59770&rayon=20&service=demarches"))
    expect(page.get_by_text("Du plus proche au plus éloigné de 59770.")).to_be_visible()
    places = page.locator(".map-list .place")
    # Marly's two centres, nearest its town hall first
    expect(places.first.get_by_role("heading")).to_have_text("Centre social et culturel de la Briquette")
    expect(places.first.locator(".distance")).to_have_text(re.compile(r"^0,\d km$"))
    expect(places.nth(1).get_by_role("heading")).to_have_text("Centre social les Florales")
    # every place listed offers the service
    for services in places.locator(".services").all_inner_texts():
        assert SERVICE in services


def test_visitor_finds_the_nearest_place_on_the_map(page, site_url, screenshot, assert_accessible):
    page.goto(f"{site_url}/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Carte des lieux").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Carte des lieux et des permanences")
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav.get_by_role("link", name="Carte des lieux")).to_have_attribute("aria-current", "page")
    # The list first; the map, and its tiles from a third party, only when asked for
    expect(page.locator("#carte.map-ready")).to_have_count(0)
    expect(page.locator("#lieux")).to_have_text("24 lieux")
    assert_accessible()
    screenshot("carte-liste")
    page.get_by_role("button", name="Afficher la carte").click()
    expect(page.locator("#carte.map-ready")).to_be_visible()
    expect(page.locator("#carte .leaflet-marker-icon").first).to_be_attached()
    # The map shows the page of the list: the first 20 of the 24 demo structures, which all have coordinates.
    assert page.locator("#carte .leaflet-marker-icon").count() == 20
    expect(page.locator("#lieux")).to_have_text("24 lieux")
    assert_accessible()
    screenshot("carte")

    search_near_marly(page)  # the map stays shown: asked for once in the visit
    markers = page.locator("#carte .leaflet-marker-icon")
    expect(markers.first).to_be_attached()
    assert markers.count() == page.locator(".map-list .place").count()
    expect(page.locator('#carte .leaflet-marker-icon[title="Centre social les Florales"]')).to_be_attached()
    assert_accessible()
    screenshot("carte-pres-de-marly")

    page.locator(".map-list").get_by_role("link", name="Centre social les Florales").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Centre social les Florales")
    expect(page.get_by_text("du lundi au vendredi de 9 h à 12 h et de 13 h 30 à 17 h 30")).to_be_visible()
    expect(page.get_by_text("camille.delattre@example.org")).to_have_count(0)
    assert_accessible()
    screenshot("carte-structure")


def test_the_same_search_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/carte/")
        expect(page.locator("#carte.map-ready")).to_have_count(0)
        expect(page.get_by_role("button", name="Afficher la carte")).to_have_count(0)  # nothing to press
        search_near_marly(page)
        page.locator(".map-list").get_by_role("link", name="Centre social les Florales").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Centre social les Florales")
        expect(page.get_by_role("heading", name="Prochaines permanences mobiles")).to_be_visible()
    finally:
        context.close()


def test_an_unknown_commune_is_explained_and_the_list_stays(page, site_url):
    page.goto(f"{site_url}/carte/?pres_de=Atlantis")
    expect(page.get_by_role("alert")).to_contain_text("Nous ne trouvons aucune commune française « Atlantis »")
    expect(page.locator("#lieux")).to_have_text("24 lieux")
    expect(page.locator(".map-list .place")).to_have_count(20)  # a page of them


def test_near_anzin_and_within_the_radius_chosen_only(page, site_url):
    page.goto(f"{site_url}/carte/")
    page.get_by_label("Près de chez moi").fill("Anzin")
    page.get_by_role("button", name="Chercher", exact=True).click()
    expect(page.get_by_text("Du plus proche au plus éloigné d'Anzin.")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    # Hommes, in Touraine: its places within 100 km at most, none of the Valenciennes area's, 380 km away and more
    page.get_by_label("Près de chez moi").fill("37340")
    page.get_by_label("Dans un rayon de").select_option(label="100 km")
    page.get_by_role("button", name="Chercher", exact=True).click()
    expect(page.get_by_text("Dans un rayon de 100 km")).to_be_visible()
    distances = page.locator(".map-list .distance").all_inner_texts()
    assert distances and all(float(text.removesuffix(" km").replace(",", ".")) <= 100 for text in distances)


def test_a_rural_visitor_sees_the_next_mobile_session_near_home(page, site_url, assert_accessible):
    page.goto(f"{site_url}/carte/")
    page.get_by_label("Près de chez moi").fill("Couesmes")
    page.get_by_role("button", name="Chercher", exact=True).click()
    # The demo's sessions are dated from the day it was loaded: the next one in Couesmes is the day-5 session at the
    # salle des fêtes or the weekly one at the town hall, whichever comes first this week.
    sessions = Permanence.objects.upcoming().filter(commune="Couesmes", is_cancelled=False)
    upcoming = sessions.order_by("date", "start_time").first()
    expect(page.locator(".next-session")).to_contain_text(f"{upcoming.place}, Couesmes")
    expect(page.locator("#permanences + .place-list .session").first).to_contain_text("Couesmes")
    page.get_by_role("button", name="Afficher la carte").click()
    expect(page.locator("#carte path.leaflet-interactive").first).to_be_attached()  # sessions are circle markers
    assert_accessible()
