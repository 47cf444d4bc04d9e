"""The digests of changes: what each kind of page tells (new versions with the diff's link; workshops new, changed or
cancelled), nothing when nothing changed, once per period whatever the number of runs, and flat queries."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.follow import emails, following, sending
from network.follow.models import Delivery, Follower, Rhythm
from tests.factories import UserFactory, WikiPageFactory, publish_revision

from .conftest import EMAIL, SITE, publish_workshop

pytestmark = pytest.mark.django_db

ON_COMMIT = {}


@pytest.fixture(autouse=True)
def _commits(django_capture_on_commit_callbacks):
    ON_COMMIT["capture"] = django_capture_on_commit_callbacks


def send(rhythm=Rhythm.DAILY, now=None):
    with ON_COMMIT["capture"](execute=True):
        return sending.send(rhythm, now=now)


def visitor_follows(page, rhythm=Rhythm.DAILY, email=EMAIL):
    """A visitor who asked and confirmed."""
    with ON_COMMIT["capture"](execute=True):
        follower = following.follow_by_email(page, email, rhythm)
    following.confirm(follower)
    mail.outbox.clear()
    return follower


@pytest.mark.parametrize("kind", ["wiki_page", "tool_sheet"])
def test_a_new_version_is_told_with_its_author_and_the_link_to_its_diff(client, request, contributor, kind):
    page = request.getfixturevalue(kind)
    seen = page.live_revision_id
    visitor_follows(page)
    assert send() == 0  # nothing changed yet: no e-mail
    assert not mail.outbox

    edit = publish_revision(page, contributor, summary="Une version revue et complétée.")
    assert send() == 1
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    assert page.title in message.body
    assert "Nouvelle version par Camille Berthon" in message.body
    diff = f"{SITE}{page.url}historique/?de={seen}&a={edit.pk}"
    assert diff in message.body
    assert diff.replace("&", "&amp;") in message.alternatives[0][0]
    assert EMAIL not in message.body
    # The link opens the public diff.
    shown = client.get(diff.removeprefix(SITE))
    assert shown.status_code == 200 and "Une version revue et complétée." in shown.content.decode()
    # One-click unsubscription from the mail client (RFC 8058).
    leave = re.search(rf"{re.escape(SITE)}(/suivre/desinscription/[\w-]+/)", message.body).group(1)
    assert message.extra_headers["List-Unsubscribe"] == f"<{SITE}{leave}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_command_is_idempotent_within_a_period_and_tells_only_what_is_new_the_next_day(wiki_page, contributor):
    visitor_follows(wiki_page)
    first = publish_revision(wiki_page, contributor, summary="Deuxième version.")
    now = timezone.now()
    assert send(now=now) == 1
    assert send(now=now + datetime.timedelta(hours=2)) == 0
    with ON_COMMIT["capture"](execute=True):
        call_command("send_follow_digests", "--rythme", "quotidien", stdout=(out := io.StringIO()))
    assert "0 envoi(s)" in out.getvalue()
    assert len(mail.outbox) == 1 and Delivery.objects.count() == 1

    second = publish_revision(wiki_page, contributor, summary="Troisième version.")
    assert send(now=now + datetime.timedelta(days=1)) == 1
    told = mail.outbox[1].body
    assert f"?de={first.pk}&a={second.pk}" in told
    assert told.count("Nouvelle version par") == 1


def test_weekly_followers_are_told_on_mondays(wiki_page, contributor):
    visitor_follows(wiki_page, Rhythm.WEEKLY)
    publish_revision(wiki_page, contributor, summary="Deuxième version.")
    tuesday = timezone.make_aware(datetime.datetime(2030, 1, 8, 7))
    monday = tuesday + datetime.timedelta(days=6)
    assert sending.send_due(tuesday) == {Rhythm.DAILY: 0}
    with ON_COMMIT["capture"](execute=True):
        assert sending.send_due(monday) == {Rhythm.DAILY: 0, Rhythm.WEEKLY: 1}
        assert sending.send_due(monday + datetime.timedelta(days=1)) == {Rhythm.DAILY: 0}
    assert Delivery.objects.get().period == monday.date()
    assert "cette semaine" in mail.outbox[0].body


def test_the_agenda_tells_new_changed_and_cancelled_workshops(agenda, journey):
    changed = publish_workshop(agenda, title="Découvrir Framadate", commune="Tours")
    cancelled = publish_workshop(agenda, title="Atelier annulé de Loches")
    visitor_follows(agenda)
    new = publish_workshop(journey, title="Diagnostic numérique", commune="Chinon")
    changed.commune = "Amboise"
    changed.save_revision().publish()
    cancelled.unpublish()
    assert send() == 1
    body = mail.outbox[0].body
    assert "Nouvel atelier : Diagnostic numérique" in body and f"{SITE}{new.url}" in body
    assert "Atelier modifié : Découvrir Framadate" in body and "Amboise" in body
    assert "Atelier annulé : Atelier annulé de Loches" in body


def test_a_journey_tells_only_its_own_workshops(agenda, journey):
    visitor_follows(journey)
    publish_workshop(agenda, title="Hors parcours")
    assert send() == 0
    publish_workshop(journey, title="Sensibilisation")
    assert send(now=timezone.now() + datetime.timedelta(days=1)) == 1
    assert "Nouvel atelier : Sensibilisation" in mail.outbox[0].body
    assert "Hors parcours" not in mail.outbox[0].body


def test_a_workshop_published_and_withdrawn_before_the_digest_is_not_told(agenda):
    visitor_follows(agenda)
    publish_workshop(agenda, title="Brouillon publié par erreur").unpublish()
    assert send() == 0


def test_members_are_told_at_their_account_s_address_unless_inactive(wiki_page, contributor):
    member = UserFactory(username="ines")
    following.follow_as_member(wiki_page, member, Rhythm.DAILY)
    gone = UserFactory(username="ancien")
    gone.is_active = False
    gone.save()
    following.follow_as_member(wiki_page, gone, Rhythm.DAILY)
    publish_revision(wiki_page, contributor, summary="Deuxième version.")
    assert send() == 1
    assert mail.outbox[0].to == ["ines@exemple.org"]
    assert f"{SITE}/suivis/" in mail.outbox[0].body


def test_unconfirmed_follows_are_never_told(client, wiki_page, contributor):
    with ON_COMMIT["capture"](execute=True):
        following.follow_by_email(wiki_page, EMAIL, Rhythm.DAILY)
    mail.outbox.clear()
    publish_revision(wiki_page, contributor, summary="Deuxième version.")
    assert send() == 0 and not mail.outbox


def _pages(site, contributor, name, count):
    pages = [WikiPageFactory(parent=site, title=f"{name} {number}") for number in range(count)]
    for page in pages:
        publish_revision(page, contributor, summary="Première.")
    return pages


def _sending_queries(pages, contributor, followers):
    """The queries of a run where `followers` members each follow all `pages`, all changed."""
    for number in range(followers):
        member = UserFactory(username=f"{pages[0].slug}-{number}")
        for page in pages:
            following.follow_as_member(page, member, Rhythm.DAILY)
    for page in pages:
        publish_revision(page, contributor, summary="Deuxième.")
    with CaptureQueriesContext(connection) as queries, ON_COMMIT["capture"](execute=False):
        assert sending.send(Rhythm.DAILY) == followers
    Follower.objects.all().delete()
    return len(queries)


def test_the_command_costs_the_same_few_queries_per_follower_whatever_they_follow(site, contributor):
    _sending_queries(_pages(site, contributor, "Avant", 1), contributor, followers=1)  # the caches filled once
    one_page = _sending_queries(_pages(site, contributor, "Une", 1), contributor, followers=2)
    many_pages = _sending_queries(_pages(site, contributor, "Plusieurs", 6), contributor, followers=2)
    assert many_pages == one_page
    three_followers = _sending_queries(_pages(site, contributor, "Trois", 2), contributor, followers=3)
    assert three_followers - one_page <= 6  # one more follower: a few queries, whatever they follow


def test_the_e_mail_costs_the_same_few_queries_whatever_is_followed(site, contributor):
    counts = []
    for run, count in enumerate((1, 1, 5)):  # the first run fills the caches
        pages = _pages(site, contributor, f"Lue {run}", count)
        member = UserFactory(username=f"lecteur{run}")
        for page in pages:
            follower = following.follow_as_member(page, member, Rhythm.DAILY).follower
        for page in pages:
            publish_revision(page, contributor, summary="Deuxième.")
        delivery = Delivery.objects.create(
            follower=follower, rhythm=Rhythm.DAILY, period=timezone.localdate(), until=timezone.now()
        )
        delivery = Delivery.objects.select_related("follower__user").get(pk=delivery.pk)
        with CaptureQueriesContext(connection) as queries:
            assert emails.digest(delivery).body.count("Nouvelle version par") == count
        counts.append(len(queries))
    assert counts[1] == counts[2]


def test_a_page_made_private_or_withdrawn_is_no_longer_told(wiki_page, tool_sheet, contributor):
    from wagtail.models import PageViewRestriction

    visitor_follows(wiki_page)
    visitor_follows(tool_sheet)
    PageViewRestriction.objects.create(page=wiki_page, restriction_type=PageViewRestriction.LOGIN)
    publish_revision(wiki_page, contributor, summary="Réservée aux membres.")
    publish_revision(tool_sheet, contributor, summary="Deuxième version.")
    assert send() == 1
    assert "Framadate" in mail.outbox[0].body and "Animer un atelier" not in mail.outbox[0].body


def test_a_deleted_workshop_is_told_cancelled_in_the_agenda(agenda):
    from wagtail.actions.delete_page import DeletePageAction

    gone = publish_workshop(agenda, title="Atelier supprimé de Bléré")
    visitor_follows(agenda)
    DeletePageAction(gone).execute()
    assert send() == 1
    assert "Atelier annulé : Atelier supprimé de Bléré" in mail.outbox[0].body
