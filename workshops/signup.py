"""Sign-up operations: sign up, cancel, change, promote from the waiting list.

Every change of who holds a place happens inside a transaction that first locks the workshop's row, so on
PostgreSQL concurrent sign-ups are served one after the other and never overbook (SQLite serializes writes); the
workshop's tally is counted again once, at its end (workshops/tallies.py).
E-mails are enqueued only once the transaction is committed (workshops/tasks.py).
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.french import format_date

from . import tallies, tasks
from .models.choices import SignupWindow
from .models.registration import Registration

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "structure", "commune")
CHANGEABLE_FIELDS = ("first_name", "last_name", "phone", "structure", "commune")


class SignupError(Exception):
    """A refusal of the sign-up rules, with a French message for the person."""

    message = gettext_lazy("L'inscription n'a pas pu être enregistrée.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class SignupClosed(SignupError):  # noqa: N818 — domain names, as the style guide asks
    message = gettext_lazy("Les inscriptions à cet atelier sont closes.")


class AlreadyRegistered(SignupError):  # noqa: N818 — domain names, as the style guide asks
    message = gettext_lazy(
        "Cette adresse e-mail est déjà inscrite à cet atelier. "
        "Le lien pour voir, modifier ou annuler votre inscription se trouve dans l'e-mail de confirmation."
    )


class RegistrationLocked(SignupError):  # noqa: N818 — domain names, as the style guide asks
    message = gettext_lazy("Cette inscription ne peut plus être modifiée.")


def places_left(workshop):
    return workshop.places_left()


def sign_up(workshop, person):
    """Registers `person` (a dict of PERSON_FIELDS, consent given) as confirmed, or waiting when full."""
    fields = {name: (person.get(name) or "").strip() for name in PERSON_FIELDS}
    with transaction.atomic(), tallies.counting_once():
        workshop = _lock(workshop.pk)
        now = timezone.now()
        _refuse_if_closed(workshop, now)
        same_email = Lower(Value(fields["email"]))
        if _active(workshop).alias(email_lower=Lower("email")).filter(email_lower=same_email).exists():
            raise AlreadyRegistered
        # Places freed but not yet handed out go to those already waiting, before any newcomer.
        _promote(workshop, now)
        status = Registration.Status.CONFIRMED if places_left(workshop) else Registration.Status.WAITING
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    workshop=workshop, status=status, consent_at=now, created_at=now, **fields
                )
        except IntegrityError as error:
            # The database's own guard (one active sign-up per e-mail), should a sign-up come by another path.
            raise AlreadyRegistered from error
        transaction.on_commit(partial(tasks.send_signup.enqueue, registration.pk))
    return registration


def cancel(registration):
    """Cancels a sign-up; a confirmed place that frees up goes to the first person waiting."""
    with transaction.atomic(), tallies.counting_once():
        workshop = _lock(registration.workshop_id)
        registration.refresh_from_db()
        if registration.status == Registration.Status.CANCELLED:
            return registration
        now = timezone.now()
        if workshop.start <= now:
            raise RegistrationLocked(_("L'atelier a commencé : l'inscription ne peut plus être annulée."))
        was_confirmed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if was_confirmed:
            _promote(workshop, now)
    return registration


def change(registration, data):
    """Updates the person's name, phone, structure or commune; the e-mail stays (it identifies the sign-up)."""
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            raise RegistrationLocked(_("Cette inscription est annulée : elle ne peut plus être modifiée."))
        if current.workshop.start <= timezone.now():
            raise RegistrationLocked(_("L'atelier a commencé : l'inscription ne peut plus être modifiée."))
        changed = [name for name in CHANGEABLE_FIELDS if name in data]
        for name in changed:
            setattr(current, name, (data[name] or "").strip())
        current.save(update_fields=changed)
    registration.refresh_from_db()
    return registration


def promote_waiting(workshop):
    """Gives the free places to the people waiting, in order, each told by e-mail. Returns who was promoted."""
    with transaction.atomic(), tallies.counting_once():
        workshop = _lock(workshop.pk)
        return _promote(workshop, timezone.now())


def send_reminders(within, now=None):
    """Enqueues the reminder of confirmed people of workshops starting within `within` (each sent once);
    returns how many were enqueued."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        workshop__live=True,
        workshop__is_cancelled=False,
        workshop__start__gt=now,
        workshop__start__lte=now + within,
    )
    return tasks.enqueue_each(tasks.send_reminder, due)


def _lock(workshop_id):
    """The workshop, re-read with its row locked until the transaction ends: the one gate for places."""
    # The page model through the sign-up's key: the pages module imports this one, not the reverse.
    workshops = Registration._meta.get_field("workshop").related_model.objects
    return workshops.select_for_update(of=("self",)).defer_streamfields().get(pk=workshop_id)


def _active(workshop):
    return Registration.objects.filter(workshop=workshop).exclude(status=Registration.Status.CANCELLED)


def _refuse_if_closed(workshop, now):
    if not workshop.live:
        raise SignupClosed
    window = workshop.signup_window(now)
    if workshop.is_cancelled and window != SignupWindow.PAST:
        raise SignupClosed(_("Cet atelier est annulé : il n'est plus possible de s'y inscrire."))
    if window == SignupWindow.PAST:
        raise SignupClosed(_("Cet atelier a déjà eu lieu : il n'est plus possible de s'y inscrire."))
    if window == SignupWindow.NOT_YET_OPEN:
        opens = format_date(timezone.localtime(workshop.signup_opens), "l j F Y à H\\hi")
        raise SignupClosed(_("Les inscriptions à cet atelier ouvriront le %(date)s.") % {"date": opens})
    if window == SignupWindow.CLOSED:
        raise SignupClosed


def _promote(workshop, now):
    """Promotes the first waiting people into the free places; the caller holds the workshop's lock. A cancelled
    workshop promotes nobody: a place there is no news."""
    if workshop.start <= now or workshop.is_cancelled:
        return []
    free = places_left(workshop)
    if not free:
        return []
    promoted = list(Registration.objects.filter(workshop=workshop, status=Registration.Status.WAITING)[:free])
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        transaction.on_commit(partial(tasks.send_promotion.enqueue, registration.pk))
    return promoted
