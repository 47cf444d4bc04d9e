"""Without JavaScript, a visitor still browses, filters tool sheets, searches, reads the list of places, signs up
for a workshop, corrects a form error and manages the sign-up from the e-mail's link."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from workshops.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAD = "Écrire à plusieurs avec un pad"
WORKSHOP_PATH = "/parcours/dunar-pays-loire-nature/atelier-ecrire-a-plusieurs/"


@pytest.fixture
def visitor(browser, site_url, settings):
    settings.WAGTAILADMIN_BASE_URL = site_url  # the e-mails link to the live server
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_browse_filter_search_and_read_the_places(visitor, site_url):
    visitor.goto(f"{site_url}/")
    visitor.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Fiches outils").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Fiches outils")

    visitor.get_by_label("Catégorie").select_option(label="Organisation interne")
    visitor.get_by_label("Logiciel libre uniquement").check()
    visitor.get_by_role("button", name="Filtrer").click()
    expect(visitor.locator(".result-count")).to_have_text("12 fiches")

    header_search = visitor.get_by_role("banner").get_by_role("search")
    header_search.get_by_label("Rechercher sur le site").fill("pad")
    header_search.get_by_role("button", name="Rechercher").click()
    visitor.locator(".search-result", has_text=PAD).get_by_role("link").first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(PAD)

    visitor.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Carte des lieux").click()
    expect(visitor.locator("#lieux")).to_have_text("24 lieux")
    expect(visitor.locator(".map-list .place")).to_have_count(20)


def test_sign_up_correct_an_error_and_manage_the_sign_up(visitor, site_url):
    visitor.goto(f"{site_url}{WORKSHOP_PATH}")
    form = visitor.locator("#inscription form")
    form.get_by_role("textbox", name="Prénom").fill("Zoé")
    form.get_by_role("textbox", name="Nom", exact=True).fill("Quintard")
    form.get_by_role("textbox", name="Adresse e-mail").fill("zoe.q@example.org")
    form.get_by_role("textbox", name="Téléphone").fill("zéro six")
    form.get_by_role("textbox", name="Structure").fill("Amicale laïque")
    form.get_by_role("textbox", name="Commune").fill("Langeais")
    form.get_by_role("checkbox", name=re.compile("^J'accepte")).check()
    form.get_by_role("button", name="M'inscrire").click()

    # The summary is there, focused by the autofocus attribute that needs no script.
    expect(visitor).to_have_title(re.compile(r"^Erreur : "))
    expect(visitor.locator("#erreurs")).to_be_focused()
    visitor.locator("#erreurs").get_by_role("link", name=re.compile("^Téléphone")).click()
    expect(visitor.get_by_role("textbox", name="Téléphone")).to_be_focused()
    visitor.get_by_role("textbox", name="Téléphone").fill("06 12 34 56 78")
    visitor.get_by_role("button", name="M'inscrire").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Votre inscription est confirmée")

    manage_link = re.search(r"https?://\S+/inscription/[\w-]+/", mail.outbox[-1].body).group(0)
    visitor.goto(manage_link)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Mon inscription")
    visitor.get_by_role("textbox", name="Structure").fill("Foyer rural")
    visitor.get_by_role("button", name="Enregistrer").click()
    expect(visitor.locator(".facts").first).to_contain_text("Foyer rural")
    visitor.get_by_role("link", name="Annuler mon inscription").click()
    visitor.get_by_role("button", name="Oui, annuler mon inscription").click()
    expect(visitor.get_by_role("status")).to_contain_text("Votre inscription est annulée.")
    assert Registration.objects.get(email="zoe.q@example.org").status == Registration.Status.CANCELLED
