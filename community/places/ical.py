"""The upcoming mobile sessions as an iCalendar feed (Europe/Paris), for diaries and partner sites.

A recurring series is ONE event with its RRULE and an EXDATE per cancelled occurrence, plus one event per moved
occurrence with the series' UID and a RECURRENCE-ID at its original start (RFC 5545, 3.8.4.4)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from . import recurrence
from .models import Permanence

PRODID = "-//Gare centrale//Permanences//FR"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(permanence):
    """Stable across edits, so calendars update the event instead of adding a new one."""
    return f"permanence-{permanence.pk}@gare-centrale"


def series_uid(series):
    return f"permanence-serie-{series.pk}@gare-centrale"


def calendar(permanences, request=None):
    """permanences: the upcoming sessions (structure and series selected); their series' occurrences take one more
    query, whatever their number."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Permanences numériques")
    zone = ZoneInfo(settings.TIME_ZONE)
    now = timezone.now()
    permanences = list(permanences)
    series = {p.series_id: p.series for p in permanences if p.series_id is not None}
    occurrences = {}
    for occurrence in (
        Permanence.objects.filter(series__in=series).select_related("structure").order_by("original_date")
    ):
        occurrences.setdefault(occurrence.series_id, []).append(occurrence)
    for permanence in permanences:
        if permanence.series_id is None:
            cal.add_component(_event(permanence, zone, now, request))
    for pk, one_series in series.items():
        for event in _series_events(one_series, occurrences.get(pk, []), zone, now, request):
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def _series_events(series, occurrences, zone, now, request):
    first = datetime.combine(series.first_date, series.start_time, tzinfo=zone)
    main = Event()
    main.add("uid", series_uid(series))
    main.add("dtstamp", now)
    main.add("dtstart", first)
    main.add("dtend", datetime.combine(series.first_date, series.end_time, tzinfo=zone))
    until = datetime.combine(series.until, series.start_time, tzinfo=zone).astimezone(UTC) if series.until else None
    main.add(
        "rrule",
        vRecur(recurrence.ical_parts(series.frequency, series.first_date, series.interval, until, series.count)),
    )
    _describe(main, series, request)
    cancelled = [
        datetime.combine(o.original_date, series.start_time, tzinfo=zone) for o in occurrences if o.is_cancelled
    ]
    if cancelled:
        main.add("exdate", cancelled)
    yield main
    for occurrence in occurrences:
        # The series is already loaded: is_moved needs no query per occurrence.
        occurrence.series = series
        if occurrence.is_cancelled or not occurrence.is_moved:
            continue
        moved = _event(occurrence, zone, now, request, event_uid=series_uid(series))
        moved.add("recurrence-id", datetime.combine(occurrence.original_date, series.start_time, tzinfo=zone))
        yield moved


def _event(permanence, zone, now, request, event_uid=None):
    event = Event()
    event.add("uid", event_uid or uid(permanence))
    event.add("dtstamp", now)
    event.add("dtstart", datetime.combine(permanence.date, permanence.start_time, tzinfo=zone))
    event.add("dtend", datetime.combine(permanence.date, permanence.end_time, tzinfo=zone))
    if permanence.is_cancelled:
        event.add("status", "CANCELLED")
    _describe(event, permanence, request)
    return event


def _describe(event, permanence, request):
    """What a session and a series share: summary, place, offer and the structure's page."""
    event.add("summary", f"Permanence numérique à {permanence.commune} ({permanence.structure.name})")
    event.add(
        "location",
        ", ".join(
            part for part in (permanence.place, permanence.address, permanence.postcode, permanence.commune) if part
        ),
    )
    event.add("description", f"{permanence.get_offer_display()} — {permanence.structure.name}")
    if request is not None:
        event.add("url", request.build_absolute_uri(permanence.structure.get_absolute_url()))
