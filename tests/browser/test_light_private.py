"""Light and private on a phone: the home page and a tool sheet weigh little, and no page asks a third party for
anything before the person does (the map's tiles come only once « Afficher la carte » is pressed)."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from resources.models import ToolSheetPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Document, CSS, JavaScript and fonts of a first visit, images aside.
WEIGHT_LIMIT = 100 * 1024
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")
# What the browser transferred for the page: the document, then each file it loaded (from the Resource Timing API).
TRANSFERRED = """() => [
  ...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")
].map((entry) => [entry.name, entry.transferSize])"""


@pytest.fixture
def requests(page, site_url):
    """Every URL the page asks for. What would leave the site is recorded, then refused: the test sends nothing out."""
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    own = urlsplit(site_url).netloc
    page.route(lambda url: urlsplit(url).netloc != own, lambda route: route.abort())
    return asked


def third_parties(urls, site_url):
    own = urlsplit(site_url).netloc
    return [url for url in urls if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]


def tool_sheet_url(site_url):
    return site_url + ToolSheetPage.objects.live().public().order_by("path").first().url


def weight(page):
    return sum(size for url, size in page.evaluate(TRANSFERRED) if not urlsplit(url).path.lower().endswith(IMAGES))


@pytest.mark.parametrize("where", ["home", "tool sheet"])
def test_the_home_page_and_a_tool_sheet_weigh_under_100_kb_and_ask_no_third_party(page, site_url, requests, where):
    url = f"{site_url}/" if where == "home" else tool_sheet_url(site_url)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert third_parties(requests, site_url) == []
    assert 0 < weight(page) < WEIGHT_LIMIT, where
    for image in page.locator("main img, footer img").all():
        # A rendition at the size shown, loaded only when it comes near the screen.
        assert image.get_attribute("loading") == "lazy", image.get_attribute("src")
        assert "/original_images/" not in image.get_attribute("src")
    for emblem in page.locator("footer img").all():  # the funders' emblems: no taller file than shown
        assert int(emblem.get_attribute("height")) == round(emblem.bounding_box()["height"])


def test_the_map_asks_the_tile_server_only_once_the_person_asks_for_the_map(page, site_url, requests):
    page.goto(f"{site_url}/carte/")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".map-list .place")).to_have_count(20)  # the list is the page
    assert third_parties(requests, site_url) == []
    assert not any("leaflet" in url for url in requests)  # not even our own copy of Leaflet

    show = page.get_by_role("button", name="Afficher la carte")
    expect(page.locator(".map-toggle")).to_contain_text("tile.openstreetmap.org")
    with page.expect_request(lambda request: third_parties([request.url], site_url) != []):
        show.click()
    expect(page.locator("#carte .leaflet-marker-icon").first).to_be_attached()
    expect(page.locator("#carte")).to_be_focused()
    expect(show).to_be_hidden()
    assert {urlsplit(url).netloc for url in third_parties(requests, site_url)} == {"tile.openstreetmap.org"}

    # Asked once: the map comes back by itself on the next page of the same visit.
    page.get_by_label("Près de chez moi").fill("Anzin")
    page.get_by_role("button", name="Chercher", exact=True).click()
    expect(page.get_by_text("Du plus proche au plus éloigné d'Anzin.")).to_be_visible()
    expect(page.locator("#carte .leaflet-marker-icon").first).to_be_attached()
    expect(show).to_be_hidden()
