"""Subscribing to the digest (double opt-in), confirming, unsubscribing, forgetting what was never confirmed.

The address identifies no account; the token of the links is the only key. Logs name the row, never the address.
The same steps serve any double opt-in address (an `OptInAddress` model): the followers of pages use them too.
"""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.utils import timezone

from . import tasks
from .models import Subscription

logger = logging.getLogger(__name__)

# An address never confirmed is forgotten after this wait: the confirmation link stops working with it.
UNCONFIRMED_KEPT = datetime.timedelta(days=7)
# Asked again, the confirmation leaves again, but not more than once in this time: nobody floods an address.
RESEND_AFTER = datetime.timedelta(hours=1)


def forget_unconfirmed(now=None, model=Subscription):
    """Deletes the addresses left unconfirmed longer than UNCONFIRMED_KEPT; returns how many."""
    now = now or timezone.now()
    deleted = model.objects.filter(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_KEPT).delete()[1]
    return deleted.get(model._meta.label, 0)


def reachable(model=Subscription):
    """The addresses a link may still open: confirmed ones, and the others while they wait."""
    cutoff = timezone.now() - UNCONFIRMED_KEPT
    return model.objects.exclude(confirmed_at__isnull=True, created_at__lt=cutoff)


def subscribe(email):
    """Records the address (consent given) and sends it the confirmation link; an address already confirmed gets
    nothing new, and one still waiting gets its link again (at most once per RESEND_AFTER). The visitor sees the
    same answer either way, so the form tells nobody who is subscribed."""
    return ask(Subscription, email, tasks.send_confirmation)


def ask(model, email, send_confirmation, add=None):
    """`subscribe` for any double opt-in `model`, whose confirmation e-mail is the task `send_confirmation`.
    `add(row)`, inside the same transaction, attaches what is asked with the address and returns whether it waits
    for a confirmation: then even a confirmed address gets a link again."""
    email = email.strip()
    now = timezone.now()
    forget_unconfirmed(now, model)
    with transaction.atomic():
        row, created = model.objects.select_for_update().get_or_create(
            email__iexact=email, defaults={"email": email, "created_at": now, "consent_at": now}
        )
        waits = add(row) if add else False
        if row.is_confirmed and not waits:
            logger.info("%s asked again; already confirmed.", row)
            return row
        if not created:
            if row.confirmation_sent_at and row.confirmation_sent_at > now - RESEND_AFTER:
                return row
            if not row.is_confirmed:
                row.created_at = now
            row.consent_at = now
            row.confirmation_sent_at = None
            row.save(update_fields=["created_at", "consent_at", "confirmation_sent_at"])
        transaction.on_commit(partial(send_confirmation.enqueue, row.pk))
    return row


def confirm(subscription):
    """The address confirmed it wants what it asked for (from the link it received); twice changes nothing."""
    type(subscription).objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    subscription.refresh_from_db()
    return subscription


def unsubscribe(subscription):
    """Deletes the address and what was sent to it: nothing personal is kept."""
    logger.info("%s unsubscribed.", subscription)
    subscription.delete()
