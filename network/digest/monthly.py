"""Sending the digest of a month, once per month and per confirmed address.

A month with no news, no new tool sheet and no workshop ahead sends nothing to anybody.
"""

from django.db import transaction

from . import subscriptions, tasks
from .contents import contents
from .models import Delivery, Subscription


def send(month):
    """Sends the digest of `month` to every confirmed address that has not had it yet (through the e-mail queue);
    returns how many were enqueued, 0 when the month had nothing to tell. Running it again sends nothing more."""
    subscriptions.forget_unconfirmed()
    if contents(month).is_empty():
        return 0
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False).values_list("pk", flat=True)
    with transaction.atomic():
        # One row per address and month (a unique constraint): its `sent_at`, claimed before sending, is the guard.
        Delivery.objects.bulk_create(
            [Delivery(subscription_id=pk, month=month.first_day) for pk in confirmed], ignore_conflicts=True
        )
        due = list(
            Delivery.objects.filter(
                month=month.first_day, sent_at__isnull=True, subscription__confirmed_at__isnull=False
            ).values_list("pk", flat=True)
        )
        for delivery_id in due:
            transaction.on_commit(lambda delivery_id=delivery_id: tasks.send_digest.enqueue(delivery_id))
    return len(due)
