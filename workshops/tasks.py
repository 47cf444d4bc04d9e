"""The sign-up e-mails as tasks: enqueued once the sign-up is committed, each sent at most once (core/outbox.py).

Tasks take ids, not rows: their arguments are stored in the queue as JSON, and hold no personal data there.
"""

from django_tasks import task

from core import outbox

from . import emails
from .models.announcements import AnnouncementDelivery
from .models.registration import JourneyRegistration, Registration

CONFIRMED = Registration.Status.CONFIRMED


def enqueue_each(task, registrations):
    """Enqueues `task` for each registration; returns how many. Run twice before the queue is worked, a
    registration gets two tasks, and still one e-mail."""
    ids = list(registrations.values_list("pk", flat=True))
    for registration_id in ids:
        task.enqueue(registration_id)
    return len(ids)


def _registration(registration_id):
    # A sign-up erased while its e-mail waited has no address left: nothing to send.
    rows = Registration.objects.exclude(status=Registration.Status.ERASED)
    return rows.select_related("workshop").filter(pk=registration_id)


@task
def send_signup(registration_id, attempt=0):
    """The confirmation, or the place on the waiting list."""
    return outbox.send_once(send_signup, attempt, _registration(registration_id), "confirmation_sent_at", emails.signup)


@task
def send_promotion(registration_id, attempt=0):
    rows = _registration(registration_id)
    return outbox.send_once(send_promotion, attempt, rows, "promotion_sent_at", emails.promotion, status=CONFIRMED)


@task
def send_reminder(registration_id, attempt=0):
    rows = _registration(registration_id)
    return outbox.send_once(send_reminder, attempt, rows, "reminded_at", emails.reminder, status=CONFIRMED)


@task
def send_survey(registration_id, attempt=0):
    rows = _registration(registration_id)
    return outbox.send_once(send_survey, attempt, rows, "survey_sent_at", emails.survey, status=CONFIRMED)


@task
def send_journey_signup(registration_id, attempt=0):
    rows = JourneyRegistration.objects.exclude(status=JourneyRegistration.Status.ERASED)
    rows = rows.select_related("journey").filter(pk=registration_id)
    return outbox.send_once(send_journey_signup, attempt, rows, "confirmation_sent_at", emails.journey_signup)


@task
def send_announcement(delivery_id, attempt=0):
    """An animator's message to one person, while they are still signed up (cancelled or erased: not sent)."""
    rows = AnnouncementDelivery.objects.select_related("announcement__workshop", "registration").filter(pk=delivery_id)
    still_due = {"registration__status__in": [CONFIRMED, Registration.Status.WAITING]}
    return outbox.send_once(send_announcement, attempt, rows, "sent_at", emails.announcement, **still_due)
