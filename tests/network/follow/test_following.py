"""Following a page: a visitor by e-mail (double opt-in), a member from their account; what may be followed (French
400 otherwise); confirming, managing and leaving from the e-mails' links; the guards (honeypot, 429, 404)."""

import datetime
import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from network.follow import following
from network.follow.models import Follow, Follower, Rhythm
from tests.factories import StandardPageFactory, UserFactory

from .conftest import EMAIL, link

pytestmark = pytest.mark.django_db


# Confirmation e-mails leave once the transaction commits: each action below runs as its own committed request.
ON_COMMIT = {}


@pytest.fixture(autouse=True)
def _commits(django_capture_on_commit_callbacks):
    ON_COMMIT["capture"] = django_capture_on_commit_callbacks


def committed():
    return ON_COMMIT["capture"](execute=True)


def follow(client, page, email=EMAIL, rhythm="quotidien", **extra):
    with committed():
        return client.post(f"/suivre/{page.pk}/", {"email": email, "rhythm": rhythm, "consent": "on", **extra})


def confirm(client):
    with committed():
        return client.post(link(mail.outbox[-1], "confirmer"))


def test_the_followable_pages_show_a_plain_link_to_the_follow_form(client, wiki_page, agenda):
    page = client.get(wiki_page.url)
    assert f'href="/suivre/{wiki_page.pk}/"' in page.content.decode()
    assert "csrfmiddlewaretoken" not in page.content.decode()  # the page itself stays cacheable
    assert "Suivre cette page" in client.get(agenda.url).content.decode()
    form = client.get(f"/suivre/{wiki_page.pk}/")
    assert form.status_code == 200
    assert "Animer un atelier" in form.content.decode()
    assert "Chaque jour" in form.content.decode() or "chaque jour" in form.content.decode()


def test_a_visitor_follows_only_once_confirmed_by_the_post_of_the_e_mails_link(client, wiki_page):
    response = follow(client, wiki_page)
    assert response.status_code == 200
    assert "Confirmez votre adresse" in response.content.decode()
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    assert "Animer un atelier" in mail.outbox[0].body
    follow_row = Follow.objects.get()
    assert follow_row.confirmed_at is None and follow_row.rhythm == Rhythm.DAILY

    confirm_path = link(mail.outbox[0], "confirmer")
    shown = client.get(confirm_path)  # a link scanner's GET confirms nothing
    assert "Confirmer le suivi" in shown.content.decode()
    assert Follow.objects.get().confirmed_at is None
    assert client.post(confirm_path).status_code == 200
    assert Follow.objects.get().confirmed_at is not None
    assert Follower.objects.get().is_confirmed


def test_a_confirmed_address_confirms_each_new_page_too(client, wiki_page, tool_sheet):
    follow(client, wiki_page)
    confirm(client)
    Follower.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(hours=2))
    follow(client, tool_sheet, rhythm="hebdomadaire")
    assert len(mail.outbox) == 2 and "Framadate" in mail.outbox[1].body
    assert Follow.objects.get(page=tool_sheet).confirmed_at is None  # nobody adds pages to someone else's digest
    confirm(client)
    assert Follow.objects.filter(confirmed_at__isnull=False).count() == 2


def test_asking_again_sends_no_new_e_mail_within_the_hour(client, wiki_page):
    follow(client, wiki_page)
    follow(client, wiki_page)
    assert len(mail.outbox) == 1


def test_only_wiki_pages_tool_sheets_the_agenda_and_journeys_are_followed(client, site, agenda, journey):
    other = StandardPageFactory(parent=site, title="Mentions légales")
    response = follow(client, other)
    assert response.status_code == 400
    assert "Cette page ne peut pas être suivie" in response.content.decode()
    assert client.get(f"/suivre/{other.pk}/").status_code == 400
    assert not Follow.objects.exists()
    assert client.get("/suivre/999999/").status_code == 404
    other.unpublish()
    assert client.get(f"/suivre/{other.pk}/").status_code == 404
    for page in (agenda, journey):
        assert client.get(f"/suivre/{page.pk}/").status_code == 200


def test_form_errors_are_french_and_beside_their_field(client, wiki_page):
    response = follow(client, wiki_page, email="pas-une-adresse", rhythm="chaque-heure", consent="")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Choisissez un rythme proposé." in text
    assert "Cochez cette case pour suivre la page." in text
    assert not Follower.objects.exists()


def test_honeypot_and_rate_limit_turn_bots_away(client, wiki_page, settings):
    settings.FOLLOW_RATE_LIMIT = 2
    bot = follow(client, wiki_page, site_internet="https://spam.example")
    assert bot.status_code == 400 and not Follower.objects.exists()
    follow(client, wiki_page, email="a@example.org")
    refused = follow(client, wiki_page, email="b@example.org")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    assert "Trop de tentatives" in refused.content.decode()


def test_a_member_follows_without_confirmation_and_lists_changes_and_stops_at_suivis(client, wiki_page, agenda):
    member = UserFactory(username="ines")
    client.force_login(member)
    form = client.get(f"/suivre/{wiki_page.pk}/")
    assert "Adresse e-mail" not in form.content.decode()
    response = client.post(f"/suivre/{wiki_page.pk}/", {"rhythm": "hebdomadaire"})
    assert response.status_code == 302 and response["Location"] == "/suivis/"
    client.post(f"/suivre/{agenda.pk}/", {"rhythm": "quotidien"})
    assert not mail.outbox
    again = client.get(f"/suivre/{wiki_page.pk}/").content.decode()
    assert "Vous suivez déjà cette page." in again
    assert re.search(r'value="hebdomadaire"[^>]*checked', again)
    listing = client.get("/suivis/").content.decode()
    assert "Animer un atelier" in listing and "Ateliers" in listing
    assert 'href="/suivis/">Mes suivis</a>' in client.get(wiki_page.url).content.decode()

    wiki_follow = Follow.objects.get(page=wiki_page)
    client.post("/suivis/", {"suivi": wiki_follow.pk, f"{wiki_follow.pk}-rhythm": "quotidien"})
    assert Follow.objects.get(page=wiki_page).rhythm == Rhythm.DAILY
    client.post("/suivis/", {"suivi": wiki_follow.pk, "arreter": "1"})
    assert list(Follow.objects.values_list("page_id", flat=True)) == [agenda.pk]
    # Another's follow cannot be reached from one's own list.
    other = following.follow_as_member(wiki_page, UserFactory(username="paul"), Rhythm.DAILY)
    assert client.post("/suivis/", {"suivi": other.pk, "arreter": "1"}).status_code == 404
    assert Follow.objects.filter(pk=other.pk).exists()


def test_suivis_is_for_logged_in_people(client, site):
    response = client.get("/suivis/")
    assert response.status_code == 302 and "/compte/" in response["Location"]


def test_a_visitor_manages_and_leaves_from_the_e_mails_links(client, wiki_page, tool_sheet):
    follow(client, wiki_page)
    confirm(client)
    follower = Follower.objects.get()
    manage = client.get(f"/suivre/gerer/{follower.token}/")
    assert manage.status_code == 200 and "Animer un atelier" in manage.content.decode()
    assert client.get("/suivre/gerer/inconnu/").status_code == 404
    assert client.get("/suivre/confirmer/inconnu/").status_code == 404
    assert client.get("/suivre/desinscription/inconnu/").status_code == 404

    leave = client.get(f"/suivre/desinscription/{follower.token}/")
    assert leave.status_code == 200 and Follower.objects.exists()  # a GET never unsubscribes
    one_click = client.post(f"/suivre/desinscription/{follower.token}/", {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    assert not Follower.objects.exists() and not Follow.objects.exists()


def test_one_click_needs_no_csrf_token_but_the_person_s_button_does(wiki_page):
    strict = Client(enforce_csrf_checks=True)
    follower = Follower.objects.create(email=EMAIL, created_at=timezone.now(), consent_at=timezone.now())
    leave = f"/suivre/desinscription/{follower.token}/"
    assert strict.post(leave).status_code == 403
    assert strict.post(leave, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Follower.objects.exists()


def test_unconfirmed_addresses_and_follows_are_forgotten_after_a_week(client, wiki_page, tool_sheet):
    follow(client, wiki_page)
    old = timezone.now() - datetime.timedelta(days=8)
    Follower.objects.update(created_at=old)
    Follow.objects.update(created_at=old)
    assert client.get(link(mail.outbox[0], "confirmer")).status_code == 404
    following.forget_unconfirmed()
    assert not Follower.objects.exists()


def test_the_logs_never_hold_the_address(client, wiki_page, caplog):
    with caplog.at_level(logging.DEBUG):
        follow(client, wiki_page)
        follow(client, wiki_page)
        confirm(client)
        following.leave(Follower.objects.get())
    assert EMAIL not in caplog.text


def test_a_member_s_follows_go_with_their_account(wiki_page):
    member = UserFactory(username="ines")
    following.follow_as_member(wiki_page, member, Rhythm.WEEKLY)
    assert following.member_data(member)[0]["page"] == "Animer un atelier"
    member.delete()
    assert not Follower.objects.exists() and not Follow.objects.exists()


def test_a_member_s_follows_are_in_their_data_export(client, wiki_page):
    import json

    member = UserFactory(username="ines")
    following.follow_as_member(wiki_page, member, Rhythm.WEEKLY)
    client.force_login(member)
    data = json.loads(client.get("/compte/mes-donnees.json").content)
    assert data["suivis"] == [
        {
            "page": "Animer un atelier",
            "url": f"https://gare.example{wiki_page.url}",
            "rythme": "hebdomadaire",
            "depuis": Follow.objects.get().created_at.isoformat(),
        }
    ]


def test_a_rhythm_that_does_not_exist_is_refused_in_french(client, wiki_page):
    member = UserFactory(username="ines")
    follow_row = following.follow_as_member(wiki_page, member, Rhythm.WEEKLY)
    client.force_login(member)
    response = client.post("/suivis/", {"suivi": follow_row.pk, f"{follow_row.pk}-rhythm": "chaque-heure"})
    assert response.status_code == 400
    assert "Choisissez un rythme proposé." in response.content.decode()
    assert Follow.objects.get().rhythm == Rhythm.WEEKLY


def test_a_visitor_changes_a_rhythm_and_stops_one_page_from_the_manage_link(client, wiki_page, tool_sheet):
    follow(client, wiki_page)
    follow(client, tool_sheet)
    confirm(client)
    follower = Follower.objects.get()
    manage = f"/suivre/gerer/{follower.token}/"
    sheet = Follow.objects.get(page=tool_sheet)
    assert client.post(manage, {"suivi": sheet.pk, f"{sheet.pk}-rhythm": "hebdomadaire"}).status_code == 302
    assert Follow.objects.get(page=tool_sheet).rhythm == Rhythm.WEEKLY
    client.post(manage, {"suivi": sheet.pk, "arreter": "1"})
    assert list(Follow.objects.values_list("page_id", flat=True)) == [wiki_page.pk]
    assert Follower.objects.exists()
