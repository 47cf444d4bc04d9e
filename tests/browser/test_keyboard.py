"""A keyboard-only visitor (Tab, Shift+Tab, Space, Enter and typing; never the mouse) signs up for a workshop."""

import re

import pytest
from playwright.sync_api import expect

from workshops.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORKSHOP = "Accompagnement collectif n° 3 : écrire et décider à plusieurs"
# What a screen reader would say of the focused element: its label for a field, else its text.
FOCUSED_NAME = """(() => {
    const focused = document.activeElement;
    return ((focused.labels && focused.labels[0]) || focused).textContent.trim();
})()"""


def tab_to(page, name, key="Tab", limit=150):
    """Presses Tab (or Shift+Tab) until the focused element is called `name`, as a keyboard user goes through a page."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(FOCUSED_NAME).startswith(name):
            return
    raise AssertionError(f"{name!r} never took the focus")


def type_into(page, label, text):
    tab_to(page, label)
    page.keyboard.type(text)


def test_a_keyboard_user_signs_up_and_is_led_to_the_form_s_errors(page, site_url, assert_accessible):
    page.goto(f"{site_url}/ateliers/")
    tab_to(page, WORKSHOP)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(WORKSHOP)
    consent = page.get_by_role("checkbox", name=re.compile("^J'accepte"))
    for target in (consent, page.get_by_role("button", name="M'inscrire")):
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box

    type_into(page, "Prénom", "Zoé")
    type_into(page, "Nom", "Quintard")
    type_into(page, "Adresse e-mail", "zoe.quintard@example.org")
    # A phone number in words: the browser lets it through, the server sends it back.
    type_into(page, "Téléphone", "zéro six")
    type_into(page, "Structure", "Amicale laïque")
    type_into(page, "Commune", "Langeais")
    tab_to(page, "J'accepte")
    page.keyboard.press("Space")
    # Back up to check the details: Shift+Tab returns through the same fields.
    tab_to(page, "Structure", key="Shift+Tab")
    expect(page.get_by_role("textbox", name="Structure")).to_have_value("Amicale laïque")
    tab_to(page, "M'inscrire")
    page.keyboard.press("Enter")

    summary = page.locator("#erreurs")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Erreur : "))
    expect(summary).to_contain_text("Saisissez un numéro de téléphone")
    phone = page.get_by_role("textbox", name="Téléphone")
    expect(phone).to_have_attribute("aria-invalid", "true")
    assert_accessible()

    # The summary's link leads to the field, and the field keeps what was typed.
    tab_to(page, "Téléphone : ")
    page.keyboard.press("Enter")
    expect(phone).to_be_focused()
    expect(phone).to_have_value("zéro six")
    page.keyboard.press("Control+A")
    page.keyboard.type("06 12 34 56 78")
    expect(consent).to_be_checked()
    tab_to(page, "M'inscrire")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre inscription est confirmée")
    assert Registration.objects.get(email="zoe.quintard@example.org").first_name == "Zoé"
