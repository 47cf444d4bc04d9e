"""`send_reminders`: one reminder per confirmed person before the day, however often the command runs."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import RegistrationFactory, WorkshopPageFactory
from workshops import emails
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def in_hours(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


@pytest.fixture
def tomorrow(workshop):
    type(workshop).objects.filter(pk=workshop.pk).update(start=in_hours(24), end=in_hours(27))
    workshop.refresh_from_db()
    return workshop


def test_reminders_go_once_to_confirmed_people_of_workshops_starting_soon(tomorrow, capsys):
    confirmed = RegistrationFactory.create_batch(2, workshop=tomorrow)
    RegistrationFactory(workshop=tomorrow, status=Registration.Status.WAITING)
    RegistrationFactory(workshop=tomorrow, status=Registration.Status.CANCELLED)
    later = WorkshopPageFactory(parent=tomorrow.get_parent(), start=in_hours(24 * 5), end=in_hours(24 * 5 + 3))
    in_five_days = RegistrationFactory(workshop=later)
    past = WorkshopPageFactory(parent=tomorrow.get_parent(), start=in_hours(-30), end=in_hours(-27))
    RegistrationFactory(workshop=past)

    call_command("send_reminders")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in confirmed)
    assert mail.outbox[0].subject.startswith(f"Rappel : {tomorrow.title}, ")
    assert "/inscription/" in mail.outbox[0].body
    assert "2 rappels mis en file d'envoi." in capsys.readouterr().out
    assert Registration.objects.filter(reminded_at__isnull=False).count() == 2

    call_command("send_reminders")
    assert len(mail.outbox) == 2
    assert "0 rappel mis en file d'envoi." in capsys.readouterr().out

    call_command("send_reminders", hours=24 * 6)
    assert len(mail.outbox) == 3
    assert mail.outbox[2].to == [in_five_days.email]


def test_a_reminder_that_could_not_leave_is_tried_again_and_the_log_holds_no_address(tomorrow, monkeypatch, caplog):
    registration = RegistrationFactory(workshop=tomorrow, email="zoe.q@example.org")

    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"zoe.q@example.org": (550, b"no")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    call_command("send_reminders")
    registration.refresh_from_db()
    assert registration.reminded_at is None
    assert "could not be sent" in caplog.text
    assert "zoe.q@example.org" not in caplog.text

    monkeypatch.undo()
    call_command("send_reminders")
    registration.refresh_from_db()
    assert registration.reminded_at is not None
    assert [m.to for m in mail.outbox] == [["zoe.q@example.org"]]


def test_a_reminder_for_the_first_of_the_month_says_1er(workshop):
    first_of_october = timezone.make_aware(datetime.datetime(timezone.now().year + 1, 10, 1, 14))
    type(workshop).objects.filter(pk=workshop.pk).update(start=first_of_october, end=first_of_october)
    workshop.refresh_from_db()
    message = emails.reminder(RegistrationFactory(workshop=workshop))
    assert message.subject.endswith(" 1er octobre")
    assert f"1er octobre {first_of_october.year}" in message.body
