"""The captures of the README (docs/screenshots/): the main pages on a phone (360 px) and a laptop (1280 px), each
fitting its screen without scrolling sideways. Viewport captures, reduced to a palette, to keep them small."""

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from resources.models import ToolSheetPage
from tests.browser.test_journal import log_in
from workshops.models import JourneyPage, WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CAPTURES = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SCREENS = {360: {"width": 360, "height": 740}, 1280: {"width": 1280, "height": 800}}


def save(png, path):
    Image.open(BytesIO(png)).convert("RGB").quantize(colors=64).save(path, optimize=True)


def test_the_main_pages_fit_a_phone_and_a_laptop(page, site_url):
    CAPTURES.mkdir(parents=True, exist_ok=True)

    def capture(name, path):
        for width, screen in SCREENS.items():
            page.set_viewport_size(screen)
            page.goto(f"{site_url}{path}")
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (name, width)
            save(page.screenshot(), CAPTURES / f"{name}-{width}.png")

    capture("accueil", "/")
    capture("page-wiki", "/ressources/bienvenue/")
    capture("fiche-outil", ToolSheetPage.objects.live().first().url)
    capture("atelier", WorkshopPage.objects.live().upcoming().first().url)
    capture("parcours", JourneyPage.objects.live().first().url + "#etapes-titre")  # its timeline
    capture("carte", "/carte/")
    log_in(page, site_url, "chargee")
    capture("journal", "/journal/")
