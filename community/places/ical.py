"""The upcoming mobile sessions as an iCalendar feed (Europe/Paris), for diaries and partner sites."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event

PRODID = "-//Gare centrale//Permanences//FR"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(permanence):
    """Stable across edits, so calendars update the event instead of adding a new one."""
    return f"permanence-{permanence.pk}@gare-centrale"


def calendar(permanences, request=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Permanences numériques")
    zone = ZoneInfo(settings.TIME_ZONE)
    now = timezone.now()
    for permanence in permanences:
        cal.add_component(_event(permanence, zone, now, request))
    cal.add_missing_timezones()
    return cal


def response(permanences, request=None):
    result = HttpResponse(calendar(permanences, request).to_ical(), content_type=CONTENT_TYPE)
    result["Content-Disposition"] = content_disposition_header(False, "permanences.ics")
    return result


def _event(permanence, zone, now, request):
    event = Event()
    event.add("uid", uid(permanence))
    event.add("dtstamp", now)
    event.add("dtstart", datetime.combine(permanence.date, permanence.start_time, tzinfo=zone))
    event.add("dtend", datetime.combine(permanence.date, permanence.end_time, tzinfo=zone))
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
    return event
