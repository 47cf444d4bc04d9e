"""The digest's e-mails as tasks, each sent at most once (core/outbox.py); their arguments are ids, never addresses."""

from django_tasks import task

from core import outbox

from . import emails
from .models import Delivery, Subscription


@task
def send_confirmation(subscription_id, attempt=0):
    rows = Subscription.objects.filter(pk=subscription_id, confirmed_at__isnull=True)
    return outbox.send_once(send_confirmation, attempt, rows, "confirmation_sent_at", emails.confirmation)


@task
def send_digest(delivery_id, attempt=0):
    # Only to an address still confirmed: one that unsubscribed meanwhile took its deliveries with it.
    rows = Delivery.objects.select_related("subscription").filter(
        pk=delivery_id, subscription__confirmed_at__isnull=False
    )
    return outbox.send_once(send_digest, attempt, rows, "sent_at", emails.digest)
