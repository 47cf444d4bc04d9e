"""Members are told when a coordinator validates a level or issues or revokes their badge: on their profile until
read, and by one e-mail each."""

import json

import pytest
from django.core import mail

from community.badges import openbadges
from community.competences import demo as competences_demo
from community.competences.models import Competence
from community.journal import profile
from community.members.models import MemberProfile, Notice
from community.members.roles import CHARGES
from tests.factories import UserFactory
from tests.mail_queue import work_the_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def digcomp(db):
    return competences_demo.load_digcomp()


@pytest.fixture
def member(users):
    user = UserFactory(username="lea", email="lea.exemple@exemple.org", role=CHARGES)
    MemberProfile.objects.create(user=user, display_name="Léa Exemple")
    return user


@pytest.fixture
def coordinator(users):
    MemberProfile.objects.create(user=users["coordinator"], display_name="Inès Coordination")
    return users["coordinator"]


def competence(code="2.4"):
    return Competence.objects.get(area__framework__slug="digcomp", code=code)


def validate(client, coordinator, member, capture):
    client.force_login(coordinator)
    with capture(execute=True):
        response = client.post(
            f"/journal/profil/{member.username}/valider/",
            {"competence": competence().pk, "level": 3, "comment": "Vu en atelier."},
        )
    assert response.status_code == 302
    client.logout()


def test_a_validated_level_is_told_on_the_profile_and_by_one_email(
    client, home, digcomp, member, coordinator, django_capture_on_commit_callbacks
):
    validate(client, coordinator, member, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Votre niveau 3 en « 2.4 " in mail.outbox[0].body and "validé par la coordination" in mail.outbox[0].body
    assert "/journal/profil/" in mail.outbox[0].body
    client.force_login(member)
    for url in ("/journal/profil/", "/compte/profil/"):
        page = client.get(url).content.decode()
        assert "Du nouveau pour vous" in page
        assert "Votre niveau 3 en « 2.4 " in page


def test_read_notices_leave_the_profile_but_stay_in_the_members_data(
    client, home, digcomp, member, coordinator, django_capture_on_commit_callbacks
):
    validate(client, coordinator, member, django_capture_on_commit_callbacks)
    client.force_login(member)

    response = client.post("/compte/nouvelles/lues/", {"next": "/journal/profil/"})

    assert response.status_code == 302 and response["Location"] == "/journal/profil/"
    assert "Du nouveau pour vous" not in client.get("/journal/profil/").content.decode()
    data = json.loads(client.get("/compte/mes-donnees.json").content)
    assert [notice["read_at"] is not None for notice in data["notices"]] == [True]
    assert "Votre niveau 3 en" in data["notices"][0]["message"]


def test_marking_read_touches_only_ones_own_notices_and_never_leaves_the_site(
    client, home, digcomp, member, coordinator, users
):
    profile.validate(member, competence(), 2, coordinator)
    client.force_login(users["charge"])

    response = client.post("/compte/nouvelles/lues/", {"next": "https://ailleurs.example/"})

    assert response["Location"] == "/compte/profil/"
    assert Notice.objects.get(member=member).read_at is None
    assert client.get("/compte/nouvelles/lues/").status_code == 405


def test_a_coordinator_reading_a_members_profile_does_not_see_their_notices(client, home, digcomp, member, coordinator):
    profile.validate(member, competence(), 2, coordinator)
    client.force_login(coordinator)

    page = client.get(f"/journal/profil/{member.username}/").content.decode()

    assert "Du nouveau pour vous" not in page


def test_an_issued_then_revoked_badge_is_told_each_time(
    home, digcomp, member, coordinator, django_capture_on_commit_callbacks
):
    validation = profile.validate(member, competence(), 4, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        badge = openbadges.issue_badge(validation, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        openbadges.revoke_badge(badge, coordinator, "Délivré par erreur.")

    messages = [notice.message for notice in Notice.objects.filter(member=member).order_by("pk")]
    assert "Votre niveau 4 en" in messages[0]
    assert messages[1].startswith("Votre badge « ") and "est émis" in messages[1]
    assert "est révoqué. Motif : Délivré par erreur." in messages[2]
    assert [message.to for message in mail.outbox] == [[member.email], [member.email]]
    assert badge.get_absolute_url() in mail.outbox[-1].body


def test_a_notice_waits_for_the_mail_server_and_leaves_once(
    home, digcomp, member, coordinator, server_down, database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        profile.validate(member, competence(), 2, coordinator)
    work_the_queue()  # the mail server is down: the notice stays, its e-mail waits
    assert mail.outbox == [] and Notice.objects.get(member=member).email_sent_at is None

    server_down.undo()
    work_the_queue()
    work_the_queue()

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert Notice.objects.get(member=member).email_sent_at is not None


def test_a_member_without_an_address_is_told_on_the_profile_only(
    home, digcomp, coordinator, django_capture_on_commit_callbacks
):
    member = UserFactory(username="sans-adresse", email="", role=CHARGES)
    with django_capture_on_commit_callbacks(execute=True):
        profile.validate(member, competence(), 2, coordinator)

    assert Notice.objects.filter(member=member).count() == 1
    assert mail.outbox == []


def test_a_long_revocation_reason_keeps_within_the_notice(home, digcomp, member, coordinator):
    validation = profile.validate(member, competence(), 4, coordinator)
    badge = openbadges.issue_badge(validation, coordinator)

    openbadges.revoke_badge(badge, coordinator, "x" * 500)

    assert len(Notice.objects.filter(member=member).latest("pk").message) <= 1000
