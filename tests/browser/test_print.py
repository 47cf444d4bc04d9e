"""Printing a tool sheet, a workshop's memory and a récit collectif: the content alone, black on white, with the
addresses of its links written out."""

import datetime

import pytest
from playwright.sync_api import expect

from community.journal.models import RecitPage
from community.journal.recit import Period, compile_recit
from resources.models import ToolSheetPage
from workshops.models import WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def published_recit():
    start = datetime.date.today() - datetime.timedelta(days=40)  # the demo chargée's oldest shared entry
    compile_recit(Period.two_months_from(start.year, start.month)).get_latest_revision().publish()
    return RecitPage.objects.live().get()


def test_a_tool_sheet_a_memory_and_a_recit_print_without_the_site_around_them(page, site_url):
    remembered = next(workshop for workshop in WorkshopPage.objects.live().specific() if workshop.memory_public)
    printable = [ToolSheetPage.objects.live().first(), remembered, published_recit()]

    addresses_written = 0
    for printed in printable:
        page.emulate_media(media="screen")
        page.goto(f"{site_url}{printed.url}")
        for around in [".site-header", "nav", ".site-footer"]:
            expect(page.locator(around).first).to_be_visible()

        page.emulate_media(media="print")
        for around in [".site-header", "nav", ".site-footer"]:
            expect(page.locator(around).first).to_be_hidden()
        for control in page.locator("main form, main button").all():
            expect(control).to_be_hidden()
        heading = page.get_by_role("heading", level=1, name=printed.title)
        expect(heading).to_be_visible()
        expect(page.locator("main p").first).to_be_visible()
        assert heading.evaluate("h => getComputedStyle(h).color") == "rgb(0, 0, 0)"
        # Paper cannot be clicked: each link's address follows its text (the récit has no link of its own).
        for link in page.locator("main a[href]:not([href^='#']):not(.licence-badge):visible").all():
            written = link.evaluate("a => getComputedStyle(a, '::after').content")
            assert link.get_attribute("href") in written, printed.url
            addresses_written += 1
        for image in page.locator("main img").all():
            assert image.evaluate("i => getComputedStyle(i).breakInside") == "avoid"
    assert addresses_written
