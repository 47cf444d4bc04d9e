"""The follows' e-mails as tasks, each sent at most once (core/outbox.py); their arguments are ids, never addresses."""

from django.db.models import Q
from django_tasks import task

from core import outbox

from . import emails
from .models import Delivery, Follow, Follower


@task
def send_confirmation(follower_id, attempt=0):
    # An address to confirm, or a confirmed one that asked to follow one more page.
    waiting = Follow.objects.filter(confirmed_at__isnull=True).values("follower_id")
    rows = Follower.objects.filter(Q(confirmed_at__isnull=True) | Q(pk__in=waiting), pk=follower_id)
    return outbox.send_once(send_confirmation, attempt, rows, "confirmation_sent_at", emails.confirmation)


@task
def send_digest(delivery_id, attempt=0):
    # Only to a follower still there: one that left meanwhile took its deliveries with it.
    rows = Delivery.objects.select_related("follower__user").filter(pk=delivery_id)
    return outbox.send_once(send_digest, attempt, rows, "sent_at", emails.digest)
