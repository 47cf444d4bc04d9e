"""A visitor on a phone, without JavaScript, follows a wiki page and confirms from the e-mail; a contributor publishes
a change; the morning's command sends the visitor what changed with the link to the diff; the visitor unsubscribes
from the e-mail's link."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from network.follow.models import Follower
from tests.browser.conftest import BLOCKING_IMPACTS
from tests.browser.test_resources_journey import edit_and_publish, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "noa.lestrade@example.org"
WIKI = "/ressources/bienvenue/"
NEW_SUMMARY = "Un espace commun : chacun y lit, y corrige et y ajoute ce qu'il sait, et le suit par e-mail."


@pytest.fixture
def phone(browser, site_url, settings):
    """A 360 px wide screen with JavaScript off; the live server's e-mails link to it."""
    settings.WAGTAILADMIN_BASE_URL = site_url
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


@pytest.fixture
def fits_and_is_accessible(page):
    """The phone's page: no horizontal scroll, and axe-core on the same page in a JavaScript browser as wide."""
    axe = Axe()

    def check(phone):
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(phone.url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), phone.url
        violations = [v for v in axe.run(page).response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
        page.set_viewport_size({"width": 1280, "height": 800})

    return check


def link_in(message, site_url, kind):
    return re.search(rf"{re.escape(site_url)}/suivre/{kind}/[\w-]+/", message.body).group(0)


def test_a_visitor_follows_a_wiki_page_is_told_of_a_change_and_unsubscribes(
    phone, page, site_url, screenshot, fits_and_is_accessible
):
    phone.goto(f"{site_url}{WIKI}")
    phone.get_by_role("link", name="Suivre cette page").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Suivre cette page")
    fits_and_is_accessible(phone)
    phone.get_by_label("Adresse e-mail").fill(EMAIL)
    phone.get_by_label("chaque jour").check()
    phone.get_by_label("J'accepte que cette adresse serve à m'envoyer les changements de cette page").check()
    phone.get_by_role("button", name="Suivre cette page").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Confirmez votre adresse")
    fits_and_is_accessible(phone)

    assert [message.to for message in mail.outbox] == [[EMAIL]]
    phone.goto(link_in(mail.outbox[0], site_url, "confirmer"))
    fits_and_is_accessible(phone)
    assert not Follower.objects.get(email=EMAIL).is_confirmed
    phone.get_by_role("button", name="Confirmer le suivi").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Suivi confirmé")

    log_in(page, site_url)
    edit_and_publish(page, site_url, WIKI, "#id_summary", NEW_SUMMARY, screenshot, "suivi-wiki")

    mail.outbox.clear()
    call_command("send_follow_digests", "--rythme", "quotidien")
    call_command("send_follow_digests", "--rythme", "quotidien")
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    digest = mail.outbox[0]
    assert "Nouvelle version par Claire Vasseur" in digest.body
    diff = re.search(rf"{re.escape(site_url)}{WIKI}historique/\?de=\d+&a=\d+", digest.body).group(0)
    phone.goto(diff)
    expect(phone.locator("section.diff")).to_contain_text(NEW_SUMMARY)
    fits_and_is_accessible(phone)

    phone.goto(link_in(digest, site_url, "desinscription"))
    fits_and_is_accessible(phone)
    phone.get_by_role("button", name="Ne plus rien suivre").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Vous ne suivez plus rien")
    assert not Follower.objects.filter(email=EMAIL).exists()

    mail.outbox.clear()
    call_command("send_follow_digests", "--rythme", "quotidien")
    assert mail.outbox == []
