"""Asking for one's result by e-mail: the address and answers are held only until the e-mail has left.

A row that could not leave (mail server down for days) is deleted after STALE_DAYS at the latest."""

import datetime

from django.db import transaction
from django.utils import timezone

from . import tasks
from .models import PendingEmail

STALE_DAYS = 2


def ask_for_email(email, assessment, commune=""):
    """Holds what the e-mail needs and enqueues it once the request's transaction is committed."""
    purge_stale()
    pending = PendingEmail.objects.create(email=email, answers=assessment.encoded(), commune=commune)
    transaction.on_commit(lambda: tasks.send_result.enqueue(pending.pk))
    return pending


def purge_stale(today=None):
    """Deletes what waited longer than STALE_DAYS; returns how many."""
    today = today or timezone.localdate()
    deleted, _ = PendingEmail.objects.filter(created_on__lt=today - datetime.timedelta(days=STALE_DAYS)).delete()
    return deleted
