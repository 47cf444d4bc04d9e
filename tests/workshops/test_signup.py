"""The sign-up operations: places, waiting list and promotion, duplicates, closed workshops, changes."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from workshops import signup
from workshops.models import Registration

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED


def sign_up_many(workshop, person, count):
    return [signup.sign_up(workshop, person()) for _ in range(count)]


def test_confirms_until_capacity_then_puts_people_on_the_waiting_list(
    workshop, person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        people = sign_up_many(workshop, person, 5)

    assert [r.status for r in people] == [CONFIRMED] * 3 + [WAITING] * 2
    assert [r.waiting_position() for r in people] == [None, None, None, 1, 2]
    assert signup.places_left(workshop) == 0
    assert [m.subject for m in mail.outbox] == ["Inscription confirmée : Écrire à plusieurs"] * 3 + [
        "Liste d'attente : Écrire à plusieurs"
    ] * 2
    assert "vous êtes sur la liste d'attente, en position 2" in mail.outbox[4].body
    assert [m.to for m in mail.outbox] == [[r.email] for r in people]


def test_e_mails_leave_only_once_the_sign_up_is_committed(workshop, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        signup.sign_up(workshop, person())
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_confirmation_links_to_the_private_page_with_an_absolute_url(
    workshop, person, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://gare.example"
    with django_capture_on_commit_callbacks(execute=True):
        registration = signup.sign_up(workshop, person(first_name="Zoé"))

    body = mail.outbox[0].body
    assert body.startswith("Bonjour Zoé,")
    assert f"https://gare.example/inscription/{registration.token}/" in body
    assert "https://gare.example/ateliers/ecrire-a-plusieurs/" in body
    assert "« Écrire à plusieurs » est confirmée" in body  # plain text: nothing HTML-escaped
    assert "&#" not in body
    assert len(registration.token) >= 40


def test_cancelling_a_confirmed_place_promotes_the_waiting_list_in_order(
    workshop, person, django_capture_on_commit_callbacks
):
    _, second, _, waiting_1, waiting_2 = sign_up_many(workshop, person, 5)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        signup.cancel(second)

    for registration in (second, waiting_1, waiting_2):
        registration.refresh_from_db()
    assert second.status == CANCELLED and second.cancelled_at
    assert waiting_1.status == CONFIRMED and waiting_1.promoted_at
    assert waiting_2.status == WAITING and waiting_2.waiting_position() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [waiting_1.email]
    assert mail.outbox[0].subject == "Une place s'est libérée : vous êtes inscrit·e à Écrire à plusieurs"
    assert f"/inscription/{waiting_1.token}/" in mail.outbox[0].body


def test_cancelling_a_waiting_person_promotes_nobody_and_twice_is_harmless(
    workshop, person, django_capture_on_commit_callbacks
):
    *_, waiting_1, waiting_2 = sign_up_many(workshop, person, 5)
    with django_capture_on_commit_callbacks(execute=True):
        signup.cancel(waiting_1)
        signup.cancel(waiting_1)
    waiting_2.refresh_from_db()
    assert waiting_2.waiting_position() == 1
    assert signup.places_left(workshop) == 0
    assert not any("place s'est libérée" in m.subject for m in mail.outbox)


def test_newcomers_do_not_pass_people_already_waiting(workshop, person):
    *_, waiting = sign_up_many(workshop, person, 4)
    # An animator adds a place, without publishing yet: the next sign-up must not take it.
    type(workshop).objects.filter(pk=workshop.pk).update(capacity=4)
    newcomer = signup.sign_up(workshop, person())
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED
    assert newcomer.status == WAITING


def test_publishing_more_places_promotes_the_waiting_list(workshop, person, django_capture_on_commit_callbacks):
    *_, waiting_1, waiting_2 = sign_up_many(workshop, person, 5)
    workshop.capacity = 4
    with django_capture_on_commit_callbacks(execute=True):
        workshop.save_revision().publish()
    waiting_1.refresh_from_db()
    waiting_2.refresh_from_db()
    assert (waiting_1.status, waiting_2.status) == (CONFIRMED, WAITING)
    assert [m.to for m in mail.outbox if "place s'est libérée" in m.subject] == [[waiting_1.email]]


def test_the_same_e_mail_cannot_sign_up_twice_whatever_its_case(workshop, person):
    first = signup.sign_up(workshop, person(email="Camille.Martin@Example.org"))
    with pytest.raises(signup.AlreadyRegistered) as refusal:
        signup.sign_up(workshop, person(email=" camille.martin@example.ORG "))
    assert "déjà inscrite à cet atelier" in str(refusal.value.message)
    assert Registration.objects.count() == 1

    signup.cancel(first)
    again = signup.sign_up(workshop, person(email="camille.martin@example.org"))
    assert again.status == CONFIRMED


def test_the_database_itself_refuses_two_active_sign_ups_for_one_e_mail(workshop):
    Registration.objects.create(workshop=workshop, email="a@example.org", consent_at=timezone.now())
    Registration.objects.create(workshop=workshop, email="A@example.org", consent_at=timezone.now(), status=CANCELLED)
    with pytest.raises(IntegrityError):
        Registration.objects.create(workshop=workshop, email="A@EXAMPLE.org", consent_at=timezone.now())


def _days(days, hours=0):
    return timezone.now() + datetime.timedelta(days=days, hours=hours)


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"start": _days(-3), "end": _days(-3, 3)}, "Cet atelier a déjà eu lieu"),
        ({"start": _days(0, -1), "end": _days(0, 2)}, "Les inscriptions à cet atelier sont closes."),
        ({"signup_closes": _days(-1)}, "Les inscriptions à cet atelier sont closes."),
        ({"signup_opens": _days(2)}, "Les inscriptions à cet atelier ouvriront le"),
    ],
    ids=["past", "started", "closed", "not-yet-open"],
)
def test_closed_or_past_workshops_refuse_sign_ups(workshop, person, dates, message):
    type(workshop).objects.filter(pk=workshop.pk).update(**dates)
    with pytest.raises(signup.SignupClosed) as refusal:
        signup.sign_up(workshop, person())
    assert str(refusal.value.message).startswith(message)
    assert not Registration.objects.exists()


def test_an_unpublished_workshop_refuses_sign_ups(workshop, person):
    workshop.unpublish()
    with pytest.raises(signup.SignupClosed):
        signup.sign_up(workshop, person())


def test_sign_ups_open_and_close_with_the_window(workshop, person):
    type(workshop).objects.filter(pk=workshop.pk).update(signup_opens=_days(-1), signup_closes=_days(1))
    assert signup.sign_up(workshop, person()).status == CONFIRMED


def test_change_updates_the_details_but_never_the_e_mail(workshop, person):
    registration = signup.sign_up(workshop, person(phone=""))
    signup.change(
        registration,
        {"first_name": " Dominique ", "phone": "06 12 34 56 78", "structure": "Amicale laïque", "email": "x@x.org"},
    )
    registration.refresh_from_db()
    assert registration.first_name == "Dominique"
    assert registration.phone == "06 12 34 56 78"
    assert registration.structure == "Amicale laïque"
    assert registration.email == "camille.1@example.org"


def test_a_cancelled_or_started_sign_up_cannot_be_changed_or_cancelled(workshop, person):
    cancelled = signup.sign_up(workshop, person())
    signup.cancel(cancelled)
    with pytest.raises(signup.RegistrationLocked):
        signup.change(cancelled, {"first_name": "Dominique"})

    ongoing = signup.sign_up(workshop, person())
    type(workshop).objects.filter(pk=workshop.pk).update(start=_days(0, -1))
    with pytest.raises(signup.RegistrationLocked, match="commencé"):
        signup.cancel(ongoing)
    with pytest.raises(signup.RegistrationLocked, match="commencé"):
        signup.change(ongoing, {"first_name": "Dominique"})


def test_places_left_counts_confirmed_people_only(workshop, person):
    assert signup.places_left(workshop) == 3
    first, *_ = sign_up_many(workshop, person, 4)
    assert signup.places_left(workshop) == 0
    type(workshop).objects.filter(pk=workshop.pk).update(capacity=10)
    workshop.refresh_from_db()
    assert signup.places_left(workshop) == 7
    signup.cancel(first)  # promotes the one waiting
    assert signup.places_left(workshop) == 7


def test_the_admin_form_refuses_an_inconsistent_sign_up_window(workshop):
    workshop.signup_opens = _days(3)
    workshop.signup_closes = _days(2)
    with pytest.raises(ValidationError, match="La clôture doit venir après l'ouverture"):
        workshop.full_clean()
    workshop.signup_opens = None
    workshop.signup_closes = workshop.end + datetime.timedelta(hours=1)
    with pytest.raises(ValidationError, match="ne peuvent pas rester ouvertes après l'atelier"):
        workshop.full_clean()
