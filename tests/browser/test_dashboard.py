"""A coordinator reads the figures of the last two months, on a phone too, downloads a table as CSV and the
steering committee's pack as PDF."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .test_coordinator_journey import log_in, open_dashboard, publish_from_the_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coordinator_reads_the_figures_and_downloads_a_table(page, site_url, screenshot, assert_accessible):
    log_in(page, site_url)
    open_dashboard(page, site_url)
    today = timezone.localdate()
    page.get_by_label("Du", exact=True).fill(f"{today - datetime.timedelta(days=60):%Y-%m-%d}")
    page.get_by_label("Au", exact=True).fill(f"{today:%Y-%m-%d}")
    page.get_by_role("button", name="Afficher").click()

    # The demo's past DUNAR days, with their attendance, and its mobile sessions with the people met.
    held = page.locator(".figures div", has_text="Ateliers tenus").locator("dd")
    assert int(held.inner_text()) >= 1
    expect(page.locator(".figures div", has_text="Taux de présence").locator("dd")).to_contain_text("%")
    expect(page.get_by_role("img", name="Graphique « Permanences mobiles, par type d'offre »")).to_be_visible()
    assert_accessible()
    screenshot("tableau-de-bord")

    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le tableau « par atelier » (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeffDate;Atelier;Commune;Places;Inscriptions;Présents;")
    assert len(text.splitlines()) == 1 + int(held.inner_text())

    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le dossier (PDF)").click()
    assert download.value.suggested_filename.startswith("comite-de-pilotage-reseau-")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible()


def test_coordinator_publishes_a_journeys_final_report_and_downloads_it(page, site_url, assert_accessible):
    log_in(page, site_url)
    open_dashboard(page, site_url)
    page.get_by_role("link", name="Préparer le rapport final d'un parcours").click()
    assert_accessible()
    page.get_by_label("Parcours").select_option(label="DUNAR : les usages numériques des associations rurales")
    page.get_by_role("button", name="Préparer le brouillon").click()
    publish_from_the_editor(page)

    page.goto(f"{site_url}/parcours/")
    page.get_by_role("link", name=re.compile("DUNAR")).first.click()
    page.goto(f"{page.url}rapport-final/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rapport final : DUNAR")
    expect(page.get_by_role("heading", name="Calendrier des travaux réalisés")).to_be_visible()
    expect(page.locator("#participation + ul")).to_contain_text("ateliers tenus")
    assert_accessible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le rapport (PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
