"""Animators write to their people: confirmed or waiting, each by an e-mail of their own through the queue, replies to
the animator only; the messages stay on the management page, never public."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.members.models import MemberProfile
from tests.factories import RegistrationFactory, UserFactory
from tests.mail_queue import work_the_queue
from workshops import announcements, rights, signup
from workshops.models import Announcement, AnnouncementDelivery, Registration, WorkshopPage

pytestmark = pytest.mark.django_db

WAITING = Registration.Status.WAITING


@pytest.fixture
def animator(users):
    user = users["animator"]
    user.email = "hugo.animation@exemple.org"
    user.save()
    MemberProfile.objects.create(user=user, display_name="Hugo Animation")
    return user


@pytest.fixture
def animated(workshop, animator):
    workshop.animators.add(animator)
    workshop.save()
    return workshop


@pytest.fixture
def people(animated):
    return {
        "confirmed": [RegistrationFactory(workshop=animated, email=f"aline.{n}@example.org") for n in range(2)],
        "waiting": [RegistrationFactory(workshop=animated, email="bruno@example.org", status=WAITING)],
        "cancelled": [
            RegistrationFactory(workshop=animated, email="denis@example.org", status=Registration.Status.CANCELLED)
        ],
    }


def write(client, workshop, capture, **data):
    with capture(execute=True):
        return client.post(
            f"/ateliers-gestion/{workshop.pk}/messages/",
            {"audience": "confirmed", "subject": "Salle changée", "body": "Rendez-vous salle B.", **data},
        )


def test_the_animator_writes_to_the_confirmed_people_each_alone_replies_to_the_animator(
    client, animated, people, animator, django_capture_on_commit_callbacks
):
    client.force_login(animator)

    response = write(client, animated, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["aline.0@example.org", "aline.1@example.org"]
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert message.reply_to == ["hugo.animation@exemple.org"]
        assert message.subject == "Écrire à plusieurs : Salle changée"
        assert "Rendez-vous salle B." in message.body
        registration = Registration.objects.get(email=message.to[0])
        assert f"/inscription/{registration.token}/" in message.body  # their own link, nobody else's
    page = BeautifulSoup(client.get(f"/ateliers-gestion/{animated.pk}/messages/").content, "html.parser")
    kept = page.find("article", class_="announcement")
    assert "Salle changée" in kept.get_text() and "Rendez-vous salle B." in kept.get_text()
    assert "Hugo Animation" in kept.get_text() and "2 e-mails partis sur 2" in kept.get_text()


def test_those_waiting_are_written_to_apart(client, animated, people, animator, django_capture_on_commit_callbacks):
    client.force_login(animator)

    write(client, animated, django_capture_on_commit_callbacks, audience="waiting", subject="Liste d'attente")

    assert [message.to for message in mail.outbox] == [["bruno@example.org"]]


def test_nobody_in_the_group_is_a_french_error_and_nothing_is_kept(
    client, animated, animator, django_capture_on_commit_callbacks
):
    client.force_login(animator)

    response = write(client, animated, django_capture_on_commit_callbacks, audience="waiting")

    assert response.status_code == 400
    assert "Personne n'est dans ce groupe" in BeautifulSoup(response.content, "html.parser").get_text()
    assert not Announcement.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"subject": ""}, "Donnez un objet au message."),
        ({"body": ""}, "Écrivez le message."),
        ({"audience": "cancelled"}, "Sélectionnez un choix valide"),
        ({"body": "x" * 4001}, "4000 caractères"),
    ],
)
def test_bad_messages_get_french_errors(client, animated, people, animator, data, error):
    client.force_login(animator)

    response = client.post(
        f"/ateliers-gestion/{animated.pk}/messages/",
        {"audience": "confirmed", "subject": "Objet", "body": "Texte", **data},
    )

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Announcement.objects.exists()


def test_only_this_workshops_animators_and_coordinators_write_or_read_the_messages(
    client, animated, people, users, django_capture_on_commit_callbacks
):
    other = UserFactory(username="autre-animateur", role="Animateurs")
    url = f"/ateliers-gestion/{animated.pk}/messages/"
    assert "/compte/login/" in client.get(url)["Location"]
    for user in (other, users["contributor"], users["charge"]):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert write(client, animated, django_capture_on_commit_callbacks).status_code == 403
    client.force_login(users["coordinator"])
    assert client.get(url).status_code == 200
    assert mail.outbox == [] and not Announcement.objects.exists()


def test_the_messages_are_never_on_the_public_page(client, animated, people, animator):
    announcements.announce(animated, "confirmed", "Salle changée", "Rendez-vous salle B.", animator)
    client.logout()

    assert "Rendez-vous salle B." not in client.get(animated.url).content.decode()


def test_someone_who_cancelled_before_the_email_left_does_not_get_it(
    animated, people, animator, database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        announcements.announce(animated, "confirmed", "Salle changée", "Rendez-vous salle B.", animator)
    signup.cancel(people["confirmed"][0])

    work_the_queue()
    work_the_queue()

    assert [message.to for message in mail.outbox if "Salle" in message.subject] == [["aline.1@example.org"]]


def test_the_page_of_messages_keeps_its_queries_as_messages_grow(client, animated, people, animator):
    client.force_login(animator)
    url = f"/ateliers-gestion/{animated.pk}/messages/"
    announcements.announce(animated, "confirmed", "Un", "Texte", animator)
    client.get(url)  # the first visit creates the site's settings and the user's admin profile
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(5):
        announcements.announce(animated, "waiting", f"Encore {number}", "Texte", animator)
    with CaptureQueriesContext(connection) as more:
        client.get(url)

    assert len(more) == len(few)


def test_the_persons_copy_of_their_data_lists_the_messages_and_erasure_forgets_them(
    client, animated, people, animator, django_capture_on_commit_callbacks
):
    registration = people["confirmed"][0]
    with django_capture_on_commit_callbacks(execute=True):
        announcements.announce(animated, "confirmed", "Salle changée", "Rendez-vous salle B.", animator)

    data = client.get(f"/inscription/{registration.token}/donnees.json").json()
    assert [message["objet"] for message in data["messages reçus"]] == ["Salle changée"]

    registration_id = registration.pk
    rights.erase(registration)

    assert not AnnouncementDelivery.objects.filter(registration_id=registration_id).exists()
    assert Announcement.objects.get().deliveries.count() == 1  # the other person's


def test_an_erased_sign_up_kept_as_proof_no_longer_points_at_the_messages(animated, people, animator):
    registration = people["confirmed"][0]
    announcements.announce(animated, "confirmed", "Merci", "Merci d'être venus.", animator)
    past = timezone.now() - datetime.timedelta(days=2)
    WorkshopPage.objects.filter(pk=animated.pk).update(start=past, end=past + datetime.timedelta(hours=2))
    registration.refresh_from_db()

    rights.erase(registration)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.ERASED  # the attendance proof stays
    assert not AnnouncementDelivery.objects.filter(registration=registration).exists()
