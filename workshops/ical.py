"""The workshops as iCalendar: the agenda of all upcoming public workshops, and one workshop's event.

A recurring workshop is ONE event with its RRULE and an EXDATE per cancelled (or unpublished) occurrence, plus one
event per moved occurrence with the series' UID and RECURRENCE-ID = its original start (RFC 5545, 3.8.4.4)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event, vRecur

from community.places import recurrence

from .models import WorkshopPage

PRODID = "-//Gare centrale//Ateliers//FR"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(workshop):
    """Stable across edits, so calendars update the event instead of adding a new one."""
    return f"atelier-{workshop.pk}@gare-centrale"


def calendar(workshops, request=None, name=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if name:
        cal.add("x-wr-calname", name)
    zone = ZoneInfo(settings.TIME_ZONE)
    now = timezone.now()
    workshops = list(workshops)
    series = {w.series_id: w.series for w in workshops if w.series_id is not None}
    occurrences = {}
    # Every occurrence, live or not: an unpublished one is an exception of the rule. One query for all series.
    for occurrence in (
        WorkshopPage.objects.filter(series__in=series)
        .defer_streamfields()
        .select_related("structure")
        .order_by("original_start")
    ):
        occurrences.setdefault(occurrence.series_id, []).append(occurrence)
    for workshop in workshops:
        if workshop.series_id is None:
            cal.add_component(_event(workshop, zone, now, request))
    for pk, one_series in series.items():
        for event in _series_events(one_series, occurrences.get(pk, []), zone, now, request):
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def series_uid(series):
    return f"atelier-serie-{series.pk}@gare-centrale"


def _series_events(series, occurrences, zone, now, request):
    first = next((o for o in occurrences if o.original_start == series.first_start), None)
    if first is None:
        return
    # The series' own start, wherever its first occurrence moved to.
    main = _event(first, zone, now, request, series_uid(series), series.first_start, series.first_end)
    start = series.first_start.astimezone(zone)
    until = datetime.combine(series.until, start.time(), tzinfo=zone).astimezone(UTC) if series.until else None
    main.add(
        "rrule",
        vRecur(recurrence.ical_parts(series.frequency, start.date(), series.interval, until, series.count)),
    )
    excluded = [o.original_start.astimezone(zone) for o in occurrences if o.is_cancelled or not o.live]
    if excluded:
        main.add("exdate", excluded)
    yield main
    for occurrence in occurrences:
        if occurrence.is_cancelled or not occurrence.live or not occurrence.is_moved:
            continue
        moved = _event(occurrence, zone, now, request, series_uid(series))
        moved.add("recurrence-id", occurrence.original_start.astimezone(zone))
        yield moved


def response(workshops, filename, request=None, name=None):
    result = HttpResponse(calendar(workshops, request, name).to_ical(), content_type=CONTENT_TYPE)
    result["Content-Disposition"] = content_disposition_header(False, filename)
    return result


def _event(workshop, zone, now, request, event_uid=None, start=None, end=None):
    event = Event()
    event.add("uid", event_uid or uid(workshop))
    event.add("dtstamp", now)
    event.add("dtstart", (start or workshop.start).astimezone(zone))
    event.add("dtend", (end or workshop.end).astimezone(zone))
    event.add("summary", workshop.title)
    event.add("location", workshop.location())
    url = workshop.get_full_url(request)
    if url:
        event.add("url", url)
    event.add("description", workshop.summary)
    if workshop.is_cancelled:
        event.add("status", "CANCELLED")
    return event
