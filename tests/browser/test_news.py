"""A visitor on a phone, without JavaScript, reads the network's news, subscribes to the monthly digest, confirms
from the e-mail, receives the digest and unsubscribes from its link."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from network.digest.models import Subscription
from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "zoe.quintard@example.org"
NEWS_TITLE = "Appel aux bénévoles pour animer les ateliers du printemps"


def link_in(message, site_url, kind):
    return re.search(rf"{re.escape(site_url)}/lettre/{kind}/[\w-]+/", message.body).group(0)


def test_visitor_reads_news_subscribes_receives_the_digest_and_unsubscribes(phone, site_url, fits_and_is_accessible):
    phone.goto(f"{site_url}/")
    phone.get_by_role("main").get_by_role("link", name=NEWS_TITLE).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(NEWS_TITLE)
    expect(phone.locator("main")).to_contain_text("Publiée le")
    fits_and_is_accessible(phone)

    phone.get_by_role("link", name="Toutes les actualités").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Actualités")
    phone.get_by_label("Mot-clé").select_option(label="permanences")
    phone.get_by_role("button", name="Filtrer").click()
    expect(phone.locator(".card-title")).to_have_text(["Les permanences mobiles continuent cet hiver"])
    fits_and_is_accessible(phone)
    SCREENSHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SCREENSHOTS / "actualites-telephone.png"), full_page=True)

    phone.get_by_role("link", name="la lettre mensuelle par e-mail").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("La lettre mensuelle")
    fits_and_is_accessible(phone)
    phone.get_by_label("Adresse e-mail").fill(EMAIL)
    phone.get_by_label("J'accepte que cette adresse serve à m'envoyer la lettre mensuelle").check()
    phone.screenshot(path=str(SCREENSHOTS / "lettre-telephone.png"), full_page=True)
    phone.get_by_role("button", name="M'abonner").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse")

    assert [message.to for message in mail.outbox] == [[EMAIL]]
    phone.goto(link_in(mail.outbox[0], site_url, "confirmer"))
    assert not Subscription.objects.get(email=EMAIL).is_confirmed
    phone.get_by_role("button", name="Confirmer mon abonnement").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Abonnement confirmé")

    mail.outbox.clear()
    call_command("send_digest")
    call_command("send_digest")
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    digest = mail.outbox[0]
    assert digest.subject.startswith("La lettre de Gare centrale")
    assert "PROCHAINS ATELIERS" in digest.body

    phone.goto(link_in(digest, site_url, "desinscription"))
    fits_and_is_accessible(phone)
    phone.get_by_role("button", name="Me désabonner").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné·e")
    assert not Subscription.objects.exists()

    mail.outbox.clear()
    call_command("send_digest")
    assert mail.outbox == []
