"""Recurring workshops: repeating a workshop by a weekly or monthly rule, each occurrence a sibling WorkshopPage.

Each occurrence is a page of its own (its slug carries its date), so it keeps its own sign-ups, waiting list and
attendance sheet; editing its start moves it (its original start is kept), its « annulé » box cancels it."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.places import recurrence
from core.french import format_date

from .announcements import NobodyToWrite, announce
from .models import Announcement, WorkshopPage, WorkshopSeries

InvalidRule = recurrence.InvalidRule
ZONE = ZoneInfo(settings.TIME_ZONE)


class AlreadyRepeated(Exception):  # noqa: N818 — domain names, as the style guide asks
    """A workshop belongs to one series at most."""

    message = _("Cet atelier fait déjà partie d'une série.")


def _at(day, moment, zone):
    """The same local wall time on another day: 14:00 stays 14:00 across the daylight-saving change."""
    local = moment.astimezone(zone)
    return datetime.datetime.combine(day, local.time(), tzinfo=zone)


@transaction.atomic
def repeat(workshop, frequency, interval=1, until=None, count=None, user=None):
    """Make `workshop` the first occurrence of a series and create the others beside it; returns them all."""
    if workshop.series_id is not None:
        raise AlreadyRepeated(AlreadyRepeated.message)
    zone = ZONE
    first_day = workshop.start.astimezone(zone).date()
    recurrence.check(frequency, first_day, interval, until, count)
    series = WorkshopSeries.objects.create(
        frequency=frequency,
        interval=interval,
        first_start=workshop.start,
        first_end=workshop.end,
        until=until,
        count=count,
    )
    workshop.series, workshop.original_start = series, workshop.start
    workshop.save(update_fields=["series", "original_start"])
    parent = workshop.get_parent()
    # A workshop over several days keeps its length in days.
    length_in_days = workshop.end.astimezone(zone).date() - first_day
    occurrences = [workshop]
    for day in recurrence.dates(frequency, first_day, interval, until, count)[1:]:
        start = _at(day, workshop.start, zone)
        occurrences.append(
            workshop.copy(
                to=parent,
                update_attrs={
                    "slug": f"{workshop.slug}-{day:%Y-%m-%d}",
                    "start": start,
                    "end": _at(day + length_in_days, workshop.end, zone),
                    "original_start": start,
                    "series": series,
                    "is_cancelled": False,
                    "signup_opens": None,
                    "signup_closes": None,
                    "memory_public": [],
                    "memory_media": [],
                    "memory_participants": [],
                },
                keep_live=workshop.live,
                user=user,
                copy_revisions=False,
                log_action=None,
            ).specific
        )
    return occurrences


def tell_cancellation(workshop, author):
    """Once per cancelled workshop, its confirmed and waiting people are told by e-mail, through the queue, as an
    animator's message (kept on its management page; replies go to the author). Their sign-ups stay."""
    if not workshop.is_cancelled or author is None or not author.email:
        return []
    claimed = WorkshopPage.objects.filter(pk=workshop.pk, cancellation_told_at__isnull=True).update(
        cancellation_told_at=timezone.now()
    )
    if not claimed:
        return []
    when = format_date(timezone.localtime(workshop.start), "l j F Y à H\\hi")
    subject = _("Atelier annulé : %(title)s, %(when)s") % {"title": workshop.title, "when": when}
    body = _(
        "L'atelier « %(title)s » du %(when)s est annulé. Votre inscription reste enregistrée : vous n'avez rien à "
        "faire. Pour toute question, répondez à ce message."
    ) % {"title": workshop.title, "when": when}
    told = []
    for audience in Announcement.Audience.values:
        try:
            told.append(announce(workshop, audience, subject[:150], body, author))
        except NobodyToWrite:
            continue
    return told
