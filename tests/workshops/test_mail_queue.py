"""A mail server that is down loses no e-mail: the sign-up is saved and confirmed, its e-mail waits in the
database queue and leaves once, when the server is back."""

import logging
import smtplib

import pytest
from django.core import mail
from django.utils import timezone

from core import outbox
from tests.mail_queue import SMTP, queued, work_the_queue
from workshops import signup, tasks
from workshops.models import Registration

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("database_queue"),
]

SIGNUP_URL = "/ateliers/ecrire-a-plusieurs/inscription/"


def mails():
    return queued("workshops.tasks")


def test_a_sign_up_while_the_mail_server_is_down_is_saved_and_its_e_mail_leaves_once_later(
    client, workshop, person, server_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, {**person(email="zoe@example.org"), "consent": "on"})
    assert response.status_code == 302
    assert "Votre inscription est confirmée" in client.get(response["Location"]).content.decode()
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED

    waiting = mails().get()
    assert waiting.task_path == "workshops.tasks.send_signup"
    assert waiting.args_kwargs == {"args": [registration.pk], "kwargs": {}}
    assert mail.outbox == []

    work_the_queue()  # still down: tried, and put back in the queue
    assert mail.outbox == []
    retry = mails().filter(status="READY").get()
    assert retry.args_kwargs["args"] == [registration.pk, 1]
    assert retry.run_after > timezone.now()

    server_down.undo()
    work_the_queue()
    work_the_queue()
    assert [message.to for message in mail.outbox] == [["zoe@example.org"]]
    assert f"/inscription/{registration.token}/" in mail.outbox[0].body
    registration.refresh_from_db()
    assert registration.confirmation_sent_at is not None
    assert not mails().filter(status="READY").exists()


def test_a_task_run_twice_sends_one_e_mail(workshop, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = signup.sign_up(workshop, person())
    assert tasks.send_signup.call(registration.pk) is True
    assert tasks.send_signup.call(registration.pk) is False
    work_the_queue()  # the task enqueued at the sign-up finds the e-mail gone
    assert len(mail.outbox) == 1


def test_each_attempt_waits_longer_and_the_last_is_logged_without_the_address(workshop, person, server_down, caplog):
    registration = signup.sign_up(workshop, person(email="zoe@example.org"))
    waits = []
    with caplog.at_level(logging.WARNING, logger="core.outbox"):
        for attempt in range(len(outbox.BACKOFF) + 1):
            before = timezone.now()
            tasks.send_signup.call(registration.pk, attempt)
            retry = mails().order_by("-enqueued_at").first()
            if attempt < len(outbox.BACKOFF):
                assert retry.args_kwargs["args"] == [registration.pk, attempt + 1]
                waits.append(retry.run_after - before)
    assert [round(wait.total_seconds() / 60) for wait in waits] == [1, 5, 30, 120, 720]
    assert mails().count() == len(outbox.BACKOFF)  # no attempt after the last
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1 and "given up" in errors[0].getMessage()
    assert "zoe@example.org" not in caplog.text
    assert Registration.objects.get().confirmation_sent_at is None


def test_a_promotion_is_queued_and_not_sent_to_someone_who_cancelled_meanwhile(
    workshop, person, django_capture_on_commit_callbacks, monkeypatch
):
    first, *_, waiting = [signup.sign_up(workshop, person()) for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        signup.cancel(first)
    assert mails().get().task_path == "workshops.tasks.send_promotion"
    waiting.status = Registration.Status.CANCELLED
    waiting.save(update_fields=["status"])
    work_the_queue()
    assert mail.outbox == []


def test_a_dropped_smtp_connection_is_tried_again_a_minute_later(workshop, person, monkeypatch):
    registration = signup.sign_up(workshop, person())
    monkeypatch.setattr(SMTP, lambda *args: (_ for _ in ()).throw(smtplib.SMTPServerDisconnected("gone")))
    assert tasks.send_signup.call(registration.pk) is False
    assert mails().ready().count() == 0  # waiting a minute, not yet ready
    assert mails().filter(status="READY").count() == 1


def test_a_sign_up_erased_while_its_e_mail_waits_gets_no_e_mail(workshop, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = signup.sign_up(workshop, person())
    # Erased as proof of attendance (the workshop had begun): the row stays, without an address.
    registration.status, registration.email = Registration.Status.ERASED, ""
    registration.save(update_fields=["status", "email"])
    work_the_queue()
    assert mail.outbox == []
    assert Registration.objects.get().confirmation_sent_at is None
