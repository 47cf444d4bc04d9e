"""The workshops as iCalendar: the agenda of upcoming public workshops, and one workshop's event."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import WorkshopPageFactory
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def workshops(workshop):
    index = workshop.get_parent()
    past = WorkshopPageFactory(parent=index, title="Atelier passé", start=timezone.now() - datetime.timedelta(days=3))
    draft = WorkshopPageFactory(parent=index, title="Atelier en préparation")
    draft.unpublish()
    start = (timezone.now() + datetime.timedelta(days=7)).astimezone(PARIS).replace(hour=9, minute=30, second=0)
    WorkshopPage.objects.filter(pk=workshop.pk).update(
        place="Médiathèque", address="2 rue du Port", start=start.replace(microsecond=0), end=start.replace(hour=12)
    )
    workshop.refresh_from_db()
    return {"upcoming": workshop, "past": past, "draft": draft}


def test_the_agenda_holds_the_upcoming_public_workshops_only(client, workshops):
    cal = parse(client.get("/ateliers/agenda.ics"))
    assert str(cal["VERSION"]) == "2.0"
    assert "Gare centrale" in str(cal["PRODID"])
    events = cal.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Écrire à plusieurs"]
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_an_event_says_when_where_and_what_in_paris_time(client, workshops):
    workshop = workshops["upcoming"]
    event = parse(client.get(workshop.url + "agenda.ics")).walk("VEVENT")[0]
    assert str(event["UID"]) == f"atelier-{workshop.pk}@gare-centrale"
    start = event.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Paris"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert (start.hour, start.minute) == (9, 30)
    assert start == workshop.start
    assert event.decoded("DTEND").hour == 12
    assert str(event["LOCATION"]) == "Médiathèque, 2 rue du Port, Langeais"
    assert str(event["URL"]).endswith("/ateliers/ecrire-a-plusieurs/")
    assert str(event["DESCRIPTION"]) == workshop.summary
    assert "DTSTAMP" in event


def test_the_pages_link_to_the_calendars(client, workshops):
    assert 'href="/ateliers/agenda.ics"' in client.get("/ateliers/").content.decode()
    html = client.get(workshops["upcoming"].url).content.decode()
    assert 'href="/ateliers/ecrire-a-plusieurs/agenda.ics"' in html
    assert "Ajouter à mon agenda" in html


def test_a_draft_workshop_has_no_public_calendar(client, workshops):
    assert client.get("/ateliers/" + workshops["draft"].slug + "/agenda.ics").status_code == 404
