"""Subscribing to the digest (double opt-in), confirming, unsubscribing, forgetting what was never confirmed.

The address identifies no account; the token of the links is the only key. Logs name the row, never the address.
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


def forget_unconfirmed(now=None):
    """Deletes the subscriptions left unconfirmed longer than UNCONFIRMED_KEPT; returns how many."""
    now = now or timezone.now()
    deleted, _ = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_KEPT).delete()
    return deleted


def reachable():
    """The subscriptions a link may still open: confirmed ones, and the others while they wait."""
    cutoff = timezone.now() - UNCONFIRMED_KEPT
    return Subscription.objects.exclude(confirmed_at__isnull=True, created_at__lt=cutoff)


def subscribe(email):
    """Records the address (consent given) and sends it the confirmation link; an address already confirmed gets
    nothing new, and one still waiting gets its link again (at most once per RESEND_AFTER). The visitor sees the
    same answer either way, so the form tells nobody who is subscribed."""
    email = email.strip()
    now = timezone.now()
    forget_unconfirmed(now)
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email__iexact=email, defaults={"email": email, "created_at": now, "consent_at": now}
        )
        if subscription.is_confirmed:
            logger.info("Digest subscription %s asked again; already confirmed.", subscription.pk)
            return subscription
        if not created:
            if subscription.confirmation_sent_at and subscription.confirmation_sent_at > now - RESEND_AFTER:
                return subscription
            subscription.created_at = subscription.consent_at = now
            subscription.confirmation_sent_at = None
            subscription.save(update_fields=["created_at", "consent_at", "confirmation_sent_at"])
        transaction.on_commit(partial(tasks.send_confirmation.enqueue, subscription.pk))
    return subscription


def confirm(subscription):
    """The address confirmed it wants the digest (from the link it received); confirming twice changes nothing."""
    Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    subscription.refresh_from_db()
    return subscription


def unsubscribe(subscription):
    """Deletes the address and what was sent to it: nothing personal is kept."""
    logger.info("Digest subscription %s unsubscribed.", subscription.pk)
    subscription.delete()
