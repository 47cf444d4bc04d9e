"""The monthly digest: subscribe, confirm by POST from the e-mail's link, the monthly sending (once), one-click
unsubscription, and the guards (honeypot, rate limit, French errors, unknown tokens, forgotten addresses)."""

import datetime
import io
import logging
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from network.digest import subscriptions
from network.digest.contents import Month, contents
from network.digest.models import Delivery, Subscription
from tests.factories import (
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)
from tests.network.news.factories import NewsIndexPageFactory, news

pytestmark = pytest.mark.django_db

EMAIL = "lea.morel@example.org"
NOVEMBER = datetime.date(2026, 11, 10)


# E-mails are enqueued once the transaction commits: each action below runs as its own committed request.
ON_COMMIT = {}


@pytest.fixture(autouse=True)
def _commits(django_capture_on_commit_callbacks):
    ON_COMMIT["capture"] = django_capture_on_commit_callbacks


def committed():
    return ON_COMMIT["capture"](execute=True)


def send_digest(*args):
    with committed():
        call_command("send_digest", *args)


@pytest.fixture
def month_with_news(home, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://gare.example"
    index = NewsIndexPageFactory(parent=home)
    news(index, "Le temps fort en images", NOVEMBER, summary="Retour sur la journée.")
    news(index, "Une nouvelle d'octobre", NOVEMBER - datetime.timedelta(days=30))
    return index


def subscribe(client, email=EMAIL, **extra):
    with committed():
        return client.post("/lettre/", {"email": email, "consent": "on", **extra})


def link(message, kind):
    return re.search(rf"https://gare\.example(/lettre/{kind}/[\w-]+/)", message.body).group(1)


def confirmed(client, email=EMAIL):
    subscribe(client, email)
    confirm_path = link(mail.outbox[-1], "confirmer")
    client.post(confirm_path)
    return Subscription.objects.get(email=email)


def test_subscription_is_confirmed_only_by_the_post_of_the_e_mails_link(client, month_with_news):
    response = subscribe(client)
    assert response.status_code == 200
    assert "Confirmez votre adresse" in response.content.decode()
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    assert mail.outbox[0].subject == "Confirmez votre abonnement à la lettre de Gare centrale"
    confirm_path = link(mail.outbox[0], "confirmer")

    # A link scanner opening the link confirms nothing.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert 'type="submit" class="button">Confirmer mon abonnement' in page.content.decode()
    assert not Subscription.objects.get().is_confirmed

    done = client.post(confirm_path)
    assert done.status_code == 200
    assert "Abonnement confirmé" in done.content.decode()
    assert Subscription.objects.get().is_confirmed


def test_the_command_sends_the_digest_once_per_month_then_one_click_unsubscribes(client, month_with_news):
    subscription = confirmed(client)
    Subscription.objects.create(
        email="jamais.confirmee@example.org", created_at=timezone.now(), consent_at=timezone.now()
    )
    mail.outbox.clear()

    send_digest("--mois", "2026-11")
    send_digest("--mois", "2026-11")
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    digest = mail.outbox[0]
    assert digest.subject == "La lettre de Gare centrale : novembre 2026"
    assert "Le temps fort en images" in digest.body and "Retour sur la journée." in digest.body
    assert "Une nouvelle d'octobre" not in digest.body
    assert "https://gare.example/actualites/le-temps-fort-en-images/" in digest.body
    html, mimetype = digest.alternatives[0]
    assert mimetype == "text/html" and '<a href="https://gare.example/actualites/le-temps-fort-en-images/">' in html
    unsubscribe_url = f"https://gare.example/lettre/desinscription/{subscription.token}/"
    assert digest.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in digest.body and unsubscribe_url in html
    assert Delivery.objects.filter(subscription=subscription, sent_at__isnull=False).count() == 1

    # The mail client posts the one-click form itself: no CSRF token, no session.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(f"/lettre/desinscription/{subscription.token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(email=EMAIL).exists()
    assert not Delivery.objects.exists()

    mail.outbox.clear()
    send_digest("--mois", "2026-12")
    send_digest("--mois", "2026-11")
    assert mail.outbox == []


def test_a_digest_the_mail_server_refused_leaves_at_the_next_run(client, month_with_news, request):
    confirmed(client)
    mail.outbox.clear()
    server_down = request.getfixturevalue("server_down")
    send_digest("--mois", "2026-11")
    assert mail.outbox == []
    assert Delivery.objects.get().sent_at is None
    server_down.undo()
    send_digest("--mois", "2026-11")
    send_digest("--mois", "2026-11")
    assert [message.to for message in mail.outbox] == [[EMAIL]]


def test_the_unsubscribe_page_asks_before_and_checks_its_form(client, month_with_news):
    subscription = confirmed(client)
    path = f"/lettre/desinscription/{subscription.token}/"
    page = client.get(path)
    assert page.status_code == 200 and "Me désabonner" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()

    # Without the one-click field, a POST is a form like any other: a forged one is refused.
    assert Client(enforce_csrf_checks=True).post(path).status_code == 403
    assert Subscription.objects.filter(pk=subscription.pk).exists()

    browser = Client(enforce_csrf_checks=True)
    token = browser.get(path).cookies["csrftoken"].value
    response = browser.post(path, {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "Votre adresse est effacée" in response.content.decode()
    assert not Subscription.objects.exists()
    assert client.get(path).status_code == 404


def test_a_month_with_nothing_new_sends_nothing(client, home, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://gare.example"
    confirmed(client)
    mail.outbox.clear()
    send_digest("--mois", "2026-11")
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_the_digest_holds_next_workshops_and_the_months_new_tool_sheets(home):
    sheets = ToolSheetIndexPageFactory(parent=home)
    new_sheet = ToolSheetPageFactory(parent=sheets, title="Framadate")
    new_sheet.save_revision().publish()
    old_sheet = ToolSheetPageFactory(parent=sheets, title="Ancienne fiche")
    old_sheet.save_revision().publish()
    type(old_sheet).objects.filter(pk=old_sheet.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=90)
    )
    workshops = WorkshopIndexPageFactory(parent=home)
    WorkshopPageFactory(parent=workshops, title="Atelier à venir")
    WorkshopPageFactory(
        parent=workshops,
        title="Atelier passé",
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )
    found = contents(Month.parse(timezone.localdate().strftime("%Y-%m")))
    assert [sheet.title for sheet in found.tool_sheets] == ["Framadate"]
    assert [workshop.title for workshop in found.workshops] == ["Atelier à venir"]
    assert found.news == []


def test_the_default_month_is_the_one_that_just_ended():
    assert Month.last_ended(datetime.date(2026, 1, 1)) == Month(2025, 12)
    assert str(Month.last_ended(datetime.date(2026, 3, 31))) == "2026-02"


def test_a_wrong_month_is_refused_in_french():
    with pytest.raises(Exception, match="AAAA-MM"):
        call_command("send_digest", "--mois", "novembre")


def test_an_address_already_confirmed_gets_nothing_new_and_the_form_says_the_same(client, month_with_news):
    confirmed(client)
    mail.outbox.clear()
    response = subscribe(client, EMAIL.upper())
    assert response.status_code == 200 and "Confirmez votre adresse" in response.content.decode()
    assert mail.outbox == []
    assert Subscription.objects.count() == 1


def test_asking_again_resends_the_link_at_most_once_an_hour(client, month_with_news):
    subscribe(client)
    subscribe(client)
    assert len(mail.outbox) == 1
    Subscription.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(hours=2))
    subscribe(client)
    assert len(mail.outbox) == 2
    assert link(mail.outbox[1], "confirmer") == link(mail.outbox[0], "confirmer")


def test_unconfirmed_addresses_are_forgotten_after_a_week(client, month_with_news):
    subscribe(client)
    confirm_path = link(mail.outbox[0], "confirmer")
    Subscription.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert client.get(confirm_path).status_code == 404
    assert client.post(confirm_path).status_code == 404
    send_digest("--mois", "2026-11")
    assert not Subscription.objects.exists()


def test_the_daily_cleanup_forgets_only_old_unconfirmed_addresses(home):
    now = timezone.now()
    old = now - datetime.timedelta(days=8)
    Subscription.objects.create(email="ancienne@example.org", created_at=old, consent_at=old)
    Subscription.objects.create(email="recente@example.org", created_at=now, consent_at=now)
    Subscription.objects.create(email="confirmee@example.org", created_at=old, consent_at=old, confirmed_at=old)
    call_command("forget_unconfirmed_subscriptions", stdout=io.StringIO())
    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "confirmee@example.org",
        "recente@example.org",
    ]


def test_honeypot_and_rate_limit_turn_bots_away(client, home, settings):
    settings.DIGEST_SUBSCRIBE_RATE_LIMIT = 3
    bot = subscribe(client, site_internet="https://spam.example")
    assert bot.status_code == 400
    assert not Subscription.objects.exists() and mail.outbox == []
    subscribe(client, "un@example.org")
    subscribe(client, "deux@example.org")
    limited = subscribe(client, "trois@example.org")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "600"
    assert "Trop de tentatives" in limited.content.decode()
    assert Subscription.objects.count() == 2


def test_a_bad_address_or_missing_consent_is_explained_in_french(client, home):
    response = client.post("/lettre/", {"email": "pas-une-adresse", "consent": "on"})
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide, par exemple nom@exemple.org." in response.content.decode()
    response = client.post("/lettre/", {"email": EMAIL})
    assert response.status_code == 400
    assert "Cochez cette case pour vous abonner." in response.content.decode()
    assert not Subscription.objects.exists()


def test_unknown_tokens_find_nothing(client, home):
    for path in ("/lettre/confirmer/inconnu/", "/lettre/desinscription/inconnu/"):
        assert client.get(path).status_code == 404
        assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 404


def test_the_logs_never_hold_the_address(client, month_with_news, caplog):
    with caplog.at_level(logging.DEBUG):
        subscription = confirmed(client)
        subscribe(client)
        send_digest("--mois", "2026-11")
        subscriptions.unsubscribe(subscription)
    assert EMAIL not in caplog.text
    assert subscription.token not in caplog.text


def test_the_form_page_links_privacy_and_works_without_an_account(client, home):
    response = client.get("/lettre/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="email"' in html and 'name="consent"' in html and 'href="/confidentialite/"' in html
