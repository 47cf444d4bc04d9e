"""Sending the digests of changes: each follower gets, at the rhythm they chose, what changed on the pages they follow
since they were last told, once per period (a day, or a week from Monday). Nothing changed: no e-mail."""

import datetime
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, Prefetch, Subquery
from django.utils import timezone

from . import changes, following, tasks
from .models import Delivery, Follow, Rhythm


def period_of(rhythm, day):
    """The day itself, or the Monday of its week."""
    return day if rhythm == Rhythm.DAILY else day - datetime.timedelta(days=day.weekday())


def due_rhythms(day):
    """What a daily run sends on `day`: the daily digests, and the weekly ones on Mondays."""
    return [Rhythm.DAILY, Rhythm.WEEKLY] if day.weekday() == 0 else [Rhythm.DAILY]


def send(rhythm, now=None):
    """Enqueues the digest of the current period for each follower at `rhythm` with something new since their last
    one; returns how many. Running it again in the same period sends nothing more."""
    now = now or timezone.now()
    period = period_of(rhythm, timezone.localdate(now))
    following.forget_unconfirmed(now)
    previous = Delivery.objects.filter(follower=OuterRef("pk"), rhythm=rhythm).values("follower")
    followers = (
        following.confirmed_followers(rhythm)
        .exclude(deliveries__rhythm=rhythm, deliveries__period=period)
        .annotate(last_until=Subquery(previous.annotate(last=Max("until")).values("last")))
        .prefetch_related(
            Prefetch("follows", queryset=changes.told(Follow.objects.all(), rhythm), to_attr="told_follows")
        )
        .order_by("pk")
    )
    sent = 0
    for follower in followers:
        if changes.changes(follower.told_follows, follower.last_until, now):
            sent += _claim(follower, rhythm, period, now)
    return sent


def _claim(follower, rhythm, period, now):
    """One delivery row per follower, rhythm and period (a unique constraint): a second run finds it taken."""
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                follower=follower, rhythm=rhythm, period=period, since=follower.last_until, until=now
            )
            transaction.on_commit(partial(tasks.send_digest.enqueue, delivery.pk))
    except IntegrityError:
        return 0
    return 1


def send_due(now=None):
    """The daily run: {rhythm: how many digests} for the rhythms due today."""
    now = now or timezone.now()
    return {rhythm: send(rhythm, now) for rhythm in due_rhythms(timezone.localdate(now))}
