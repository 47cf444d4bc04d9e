"""A visitor on a phone, without JavaScript, follows a wiki page and confirms from the e-mail; a contributor publishes
a change; the morning's command sends the visitor what changed with the link to the diff; the visitor unsubscribes
from the e-mail's link."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from network.follow.models import Follower
from tests.browser.test_resources_journey import edit_and_publish, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "noa.lestrade@example.org"
WIKI = "/ressources/bienvenue/"
NEW_SUMMARY = "Un espace commun : chacun y lit, y corrige et y ajoute ce qu'il sait, et le suit par e-mail."


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
