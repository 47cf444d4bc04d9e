"""A visitor on a phone, without JavaScript, reads the network's news, subscribes to the monthly digest, confirms
from the e-mail, receives the digest and unsubscribes from its link."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from network.digest.models import Subscription
from tests.browser.conftest import BLOCKING_IMPACTS, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "zoe.quintard@example.org"
NEWS_TITLE = "Appel aux bénévoles pour animer les ateliers du printemps"


@pytest.fixture
def phone_without_javascript(browser, site_url, settings):
    """A 360 px wide screen with JavaScript off; the live server's e-mails link to it."""
    settings.WAGTAILADMIN_BASE_URL = site_url
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


@pytest.fixture
def fits_and_is_accessible(page):
    """Checks the phone's page: no horizontal scroll, and axe-core (which needs JavaScript) on the same page
    opened in a JavaScript browser of the same width."""
    page.set_viewport_size({"width": 360, "height": 740})
    axe = Axe()

    def check(phone):
        page.goto(phone.url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), phone.url
        violations = [v for v in axe.run(page).response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]

    return check


def link_in(message, site_url, kind):
    return re.search(rf"{re.escape(site_url)}/lettre/{kind}/[\w-]+/", message.body).group(0)


def test_visitor_reads_news_subscribes_receives_the_digest_and_unsubscribes(
    phone_without_javascript, site_url, fits_and_is_accessible
):
    phone = phone_without_javascript
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
