"""The workshops as iCalendar: the agenda of all upcoming public workshops, and one workshop's event."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event

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
    for workshop in workshops:
        cal.add_component(_event(workshop, zone, now, request))
    cal.add_missing_timezones()
    return cal


def response(workshops, filename, request=None, name=None):
    result = HttpResponse(calendar(workshops, request, name).to_ical(), content_type=CONTENT_TYPE)
    result["Content-Disposition"] = content_disposition_header(False, filename)
    return result


def _event(workshop, zone, now, request):
    event = Event()
    event.add("uid", uid(workshop))
    event.add("dtstamp", now)
    event.add("dtstart", workshop.start.astimezone(zone))
    event.add("dtend", workshop.end.astimezone(zone))
    event.add("summary", workshop.title)
    event.add("location", workshop.location())
    url = workshop.get_full_url(request)
    if url:
        event.add("url", url)
    event.add("description", workshop.summary)
    return event
