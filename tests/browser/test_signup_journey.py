"""A visitor signs up for a workshop, finds the private link in the e-mail, and cancels; the waiting list moves."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from workshops import signup
from workshops.models import Registration, WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORKSHOP_PATH = "/parcours/dunar-pays-loire-nature/atelier-ecrire-a-plusieurs/"


@pytest.fixture
def e_mail_links(site_url, settings):
    """The live server runs in this process: its e-mails land in mail.outbox, with links to it."""
    settings.WAGTAILADMIN_BASE_URL = site_url

    def link_in(message):
        return re.search(rf"{re.escape(site_url)}/inscription/[\w-]+/", message.body).group(0)

    return link_in


def fill_in_the_form(page, first_name, email):
    form = page.locator("#inscription form")
    form.get_by_role("textbox", name="Prénom").fill(first_name)
    form.get_by_role("textbox", name="Nom", exact=True).fill("Quintard")
    form.get_by_role("textbox", name="Adresse e-mail").fill(email)
    form.get_by_role("textbox", name="Structure").fill("Amicale laïque")
    form.get_by_role("textbox", name="Commune").fill("Langeais")
    form.get_by_role("checkbox", name="J'accepte que ces informations servent à gérer mon inscription").check()


def test_visitor_signs_up_then_cancels_from_the_e_mail_link(
    page, site_url, e_mail_links, screenshot, assert_accessible
):
    page.goto(f"{site_url}{WORKSHOP_PATH}")
    expect(page.locator(".facts")).to_contain_text("2 places disponibles")
    assert_accessible()
    screenshot("atelier-inscription")

    fill_in_the_form(page, "Zoé", "zoe.q@example.org")
    page.get_by_role("button", name="M'inscrire").click()
    expect(page).to_have_url(f"{site_url}{WORKSHOP_PATH}inscription/merci/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre inscription est confirmée")
    assert_accessible()

    assert [m.to for m in mail.outbox] == [["zoe.q@example.org"]]
    page.goto(e_mail_links(mail.outbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon inscription")
    expect(page.locator(".facts").first).to_contain_text("Inscription confirmée")
    assert_accessible()
    screenshot("mon-inscription")

    page.get_by_role("link", name="Annuler mon inscription").click()
    assert_accessible()
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    expect(page.get_by_role("status")).to_contain_text("Votre inscription est annulée.")
    expect(page.locator(".facts").first).to_contain_text("Inscription annulée")
    assert Registration.objects.get(email="zoe.q@example.org").status == Registration.Status.CANCELLED

    page.goto(f"{site_url}{WORKSHOP_PATH}")
    expect(page.locator(".facts")).to_contain_text("2 places disponibles")


def test_a_waiting_visitor_is_promoted_when_someone_cancels(page, site_url, e_mail_links):
    workshop = WorkshopPage.objects.get(slug="atelier-ecrire-a-plusieurs")
    last_two = [
        signup.sign_up(
            workshop,
            {
                "first_name": "Inès",
                "last_name": f"Roy {n}",
                "email": f"ines.{n}@example.org",
                "structure": "Ressourcerie",
                "commune": "Hommes",
            },
        )
        for n in range(2)
    ]
    mail.outbox.clear()

    page.goto(f"{site_url}{WORKSHOP_PATH}")
    expect(page.locator(".facts")).to_contain_text("Complet — liste d'attente")
    fill_in_the_form(page, "Zoé", "zoe.q@example.org")
    page.get_by_role("button", name="M'inscrire sur la liste d'attente").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes sur la liste d'attente")
    expect(page.locator("main")).to_contain_text("en position 1")

    # Someone with a place cancels from the link in their own e-mail.
    page.goto(f"{site_url}/inscription/{last_two[0].token}/annuler/")
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    expect(page.get_by_role("status")).to_contain_text("Votre inscription est annulée.")

    promotion = mail.outbox[-1]
    assert promotion.to == ["zoe.q@example.org"]
    assert promotion.subject.startswith("Une place s'est libérée")
    page.goto(e_mail_links(promotion))
    expect(page.locator(".facts").first).to_contain_text("Inscription confirmée")
