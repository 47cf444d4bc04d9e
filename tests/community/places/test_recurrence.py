"""Recurring mobile sessions: a series entered once, its occurrences materialised, one moved or cancelled without
touching the others, and /carte/permanences.ics exporting ONE RRULE with its EXDATE and RECURRENCE-ID."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from dateutil import rrule
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from community.places import recurrence, series
from community.places.models import Permanence, PermanenceSeries
from tests.community.places import factories as make

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
ICS = "/carte/permanences.ics"
ADMIN = "/admin/snippets/places/permanenceseries/"


def next_weekday(weekday, after=None):
    day = (after or timezone.localdate()) + datetime.timedelta(days=1)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def new_series(structure=None, **fields):
    data = {
        "structure": structure or make.structure(),
        "frequency": recurrence.WEEKLY,
        "first_date": next_weekday(1),
        "count": 6,
        "start_time": datetime.time(14, 0),
        "end_time": datetime.time(16, 30),
        "commune": "Couesmes",
        "postcode": "37330",
        "place": "Mairie",
        "latitude": 47.5727,
        "longitude": 0.3516,
    }
    data.update(fields)
    weekly = PermanenceSeries(**data)
    weekly.full_clean()
    return weekly, series.save_series(weekly)


def parsed(client):
    response = client.get(ICS)
    assert response.status_code == 200
    return Calendar.from_ical(response.getvalue())


def events(cal):
    return list(cal.walk("VEVENT"))


# --- Materialising ---------------------------------------------------------------------------------------------------


def test_a_weekly_series_makes_one_session_a_week_each_remembering_its_date():
    weekly, occurrences = new_series(count=4)
    first = weekly.first_date
    assert [o.date for o in occurrences] == [first + datetime.timedelta(weeks=n) for n in range(4)]
    assert [o.original_date for o in occurrences] == [o.date for o in occurrences]
    assert {(o.start_time, o.place, o.structure_id) for o in occurrences} == {
        (datetime.time(14, 0), "Mairie", weekly.structure_id)
    }


def test_a_monthly_series_on_the_second_tuesday():
    _weekly, occurrences = new_series(
        frequency=recurrence.MONTHLY_WEEKDAY,
        first_date=datetime.date(2027, 1, 12),
        count=None,
        until=datetime.date(2027, 6, 30),
    )
    assert [o.date for o in occurrences] == [
        datetime.date(2027, 1, 12),
        datetime.date(2027, 2, 9),
        datetime.date(2027, 3, 9),
        datetime.date(2027, 4, 13),
        datetime.date(2027, 5, 11),
        datetime.date(2027, 6, 8),
    ]
    assert {o.date.weekday() for o in occurrences} == {1}


def test_a_monthly_series_on_the_same_day_of_the_month_every_other_month():
    _weekly, occurrences = new_series(
        frequency=recurrence.MONTHLY_DAY, first_date=datetime.date(2027, 1, 15), interval=2, count=3
    )
    assert [o.date for o in occurrences] == [
        datetime.date(2027, 1, 15),
        datetime.date(2027, 3, 15),
        datetime.date(2027, 5, 15),
    ]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"count": 53}, "count", "Une série compte de 1 à 52 séances."),
        ({"count": None, "until": None}, "until", "Indiquez une date de fin ou un nombre de séances."),
        ({"count": 3, "until": datetime.date(2027, 3, 1)}, "count", "pas les deux"),
        ({"count": None, "until": datetime.date(2029, 1, 1)}, "until", "plus de 52 séances"),
        ({"count": None, "until": datetime.date(2026, 1, 1)}, "until", "La date de fin doit suivre la première"),
        ({"interval": 13}, "interval", "L'intervalle va de 1 à 12."),
        ({"end_time": datetime.time(13, 0)}, "end_time", "La fin doit suivre le début."),
    ],
)
def test_a_bad_rule_is_refused_in_french(fields, field, message):
    data = {"first_date": datetime.date(2027, 1, 5), **fields}
    with pytest.raises(ValidationError) as refusal:
        new_series(**data)
    assert any(message in text for text in refusal.value.message_dict[field])
    assert not Permanence.objects.exists()


def test_fifty_two_sessions_is_the_most_a_series_makes():
    _weekly, occurrences = new_series(count=52)
    assert len(occurrences) == 52


def test_a_weekly_series_keeps_its_local_time_across_the_daylight_saving_change():
    # The last Sunday of March 2027 is the 28th, of October the 31st.
    _spring, occurrences = new_series(first_date=datetime.date(2027, 3, 23), count=3)
    assert [o.date for o in occurrences] == [datetime.date(2027, 3, d) for d in (23, 30)] + [datetime.date(2027, 4, 6)]
    assert {o.start_time for o in occurrences} == {datetime.time(14, 0)}


def test_editing_the_series_updates_its_sessions_but_not_a_moved_one():
    weekly, occurrences = new_series(count=4)
    moved = series.move(
        occurrences[1], occurrences[1].date + datetime.timedelta(days=2), datetime.time(10, 0), datetime.time(12, 0)
    )
    occurrences[0].people_met = 7
    occurrences[0].save()
    weekly.start_time, weekly.end_time, weekly.place = datetime.time(15, 0), datetime.time(17, 0), "Salle des fêtes"
    again = series.save_series(weekly)
    assert len(again) == 4
    by_original = {o.original_date: o for o in again}
    moved.refresh_from_db()
    assert (moved.date, moved.start_time, moved.place) == (
        occurrences[1].original_date + datetime.timedelta(days=2),
        datetime.time(10, 0),
        "Salle des fêtes",
    )
    assert by_original[occurrences[0].original_date].start_time == datetime.time(15, 0)
    assert by_original[occurrences[0].original_date].people_met == 7  # its own record is kept


def test_shortening_a_series_keeps_a_session_where_people_were_met():
    weekly, occurrences = new_series(count=4)
    occurrences[3].people_met = 5
    occurrences[3].save()
    weekly.count = 2
    assert len(series.save_series(weekly)) == 2
    assert Permanence.objects.count() == 3
    kept = Permanence.objects.get(pk=occurrences[3].pk)
    assert kept.series is None and kept.people_met == 5


# --- Moving and cancelling one occurrence ----------------------------------------------------------------------------


def test_moving_one_occurrence_leaves_the_others_where_they_were():
    _weekly, occurrences = new_series(count=3)
    new_day = occurrences[1].date + datetime.timedelta(days=1)
    series.move(occurrences[1], new_day)
    dates = list(Permanence.objects.order_by("original_date").values_list("date", "original_date"))
    assert dates == [
        (occurrences[0].date, occurrences[0].date),
        (new_day, occurrences[1].original_date),
        (occurrences[2].date, occurrences[2].date),
    ]
    assert Permanence.objects.get(pk=occurrences[1].pk).is_moved


def test_a_lone_session_is_not_moved_as_an_occurrence():
    with pytest.raises(series.NotAnOccurrence):
        series.move(make.permanence(make.structure()), timezone.localdate())


def test_cancelling_one_occurrence_keeps_it_and_the_others():
    _weekly, occurrences = new_series(count=3)
    series.cancel(occurrences[1])
    assert Permanence.objects.count() == 3
    assert list(Permanence.objects.order_by("date").values_list("is_cancelled", flat=True)) == [False, True, False]


# --- The iCalendar export --------------------------------------------------------------------------------------------


def test_a_weekly_series_exports_one_rrule_one_exdate_and_one_moved_occurrence(client, home):
    weekly, occurrences = new_series(count=6)
    moved_to = occurrences[2].date + datetime.timedelta(days=1)
    series.move(occurrences[2], moved_to, datetime.time(9, 30), datetime.time(12, 0))
    series.cancel(occurrences[4])
    lone = make.permanence(make.structure(name="Foyer rural"), days=2)

    found = events(parsed(client))
    uids = [str(event["uid"]) for event in found]
    assert sorted(uids) == sorted(
        [f"permanence-serie-{weekly.pk}@gare-centrale"] * 2 + [f"permanence-{lone.pk}@gare-centrale"]
    )
    main = next(e for e in found if "rrule" in e)
    assert main["rrule"].to_ical() == b"FREQ=WEEKLY;COUNT=6"
    assert main.decoded("dtstart") == datetime.datetime.combine(weekly.first_date, datetime.time(14, 0), tzinfo=PARIS)
    assert str(main["dtstart"].params["TZID"]) == "Europe/Paris"
    exdates = [d.dt for d in main["exdate"].dts]
    assert exdates == [datetime.datetime.combine(occurrences[4].original_date, datetime.time(14, 0), tzinfo=PARIS)]
    moved = next(e for e in found if "recurrence-id" in e)
    assert moved.decoded("recurrence-id") == datetime.datetime.combine(
        occurrences[2].original_date, datetime.time(14, 0), tzinfo=PARIS
    )
    assert moved.decoded("dtstart") == datetime.datetime.combine(moved_to, datetime.time(9, 30), tzinfo=PARIS)
    assert str(moved["uid"]) == str(main["uid"])


def test_the_rrule_expands_to_the_same_local_times_across_the_daylight_saving_change(client, home, settings):
    # Occurrences around both changes of 2027 (28 March and 31 October); the feed lists series with sessions to come.
    weekly, _occurrences = new_series(
        first_date=datetime.date(2027, 3, 16), count=None, until=datetime.date(2027, 4, 6)
    )
    autumn, _autumn_occurrences = new_series(
        first_date=datetime.date(2027, 10, 19), count=3, start_time=datetime.time(9, 0), end_time=datetime.time(11, 0)
    )
    found = events(parsed(client))
    spring = next(e for e in found if str(e["uid"]) == f"permanence-serie-{weekly.pk}@gare-centrale")
    until = spring["rrule"]["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == datetime.timedelta(0)  # UTC, as RFC 5545 wants
    starts = list(rrule.rrulestr(spring["rrule"].to_ical().decode(), dtstart=spring.decoded("dtstart")))
    assert [(s.date(), s.hour) for s in starts] == [
        (datetime.date(2027, 3, 16), 14),
        (datetime.date(2027, 3, 23), 14),
        (datetime.date(2027, 3, 30), 14),
        (datetime.date(2027, 4, 6), 14),
    ]
    assert {s.astimezone(datetime.UTC).hour for s in starts} == {13, 12}  # winter then summer time
    fall = next(e for e in found if str(e["uid"]) == f"permanence-serie-{autumn.pk}@gare-centrale")
    starts = list(rrule.rrulestr(fall["rrule"].to_ical().decode(), dtstart=fall.decoded("dtstart")))
    assert [(s.date().day, s.hour) for s in starts] == [(19, 9), (26, 9), (2, 9)]


def test_a_monthly_rule_is_written_with_its_weekday():
    parts = recurrence.ical_parts(recurrence.MONTHLY_WEEKDAY, datetime.date(2027, 1, 12), 1, None, 6)
    assert parts == {"freq": "MONTHLY", "byday": "+2TU", "count": 6}
    last = recurrence.ical_parts(recurrence.MONTHLY_WEEKDAY, datetime.date(2027, 1, 29), 1, None, 3)
    assert last["byday"] == "-1FR"  # a 5th Friday becomes « le dernier vendredi »


def test_a_cancelled_lone_session_is_exported_as_cancelled(client, home):
    make.permanence(make.structure(), is_cancelled=True)
    (event,) = events(parsed(client))
    assert str(event["status"]) == "CANCELLED"


def _ics_queries(client):
    with CaptureQueriesContext(connection) as captured:
        client.get(ICS)
    return len(captured)


def test_the_feeds_queries_do_not_grow_with_series_and_occurrences(client, home):
    counts = []
    for total in (1, 6):
        while PermanenceSeries.objects.count() < total:
            _weekly, occurrences = new_series(count=8)
            series.move(occurrences[1], occurrences[1].date + datetime.timedelta(days=1))
            series.cancel(occurrences[3])
        counts.append(_ics_queries(client))
    assert counts[0] == counts[1]


# --- The map and the structure's page --------------------------------------------------------------------------------


def test_the_map_shows_each_occurrence_on_its_own_date_and_a_cancelled_one_as_such(client, home):
    _weekly, occurrences = new_series(count=3)
    series.move(occurrences[1], occurrences[1].date + datetime.timedelta(days=1))
    series.cancel(occurrences[2])
    html = client.get("/carte/").content.decode()
    assert html.count("Couesmes — ") == 3
    assert "annulée" in html
    assert "Déplacée : elle devait avoir lieu le" in html
    structure_page = client.get(occurrences[0].structure.get_absolute_url()).content.decode()
    assert "annulée" in structure_page


def test_the_maps_queries_do_not_grow_with_occurrences(client, home):
    counts = []
    for total in (1, 5):
        while PermanenceSeries.objects.count() < total:
            _weekly, occurrences = new_series(count=6)
            series.move(occurrences[1], occurrences[1].date + datetime.timedelta(days=1))
        client.get("/carte/")  # the first request of a site creates its settings
        with CaptureQueriesContext(connection) as captured:
            client.get("/carte/")
        counts.append(len(captured))
    assert counts[0] == counts[1]


# --- The admin -------------------------------------------------------------------------------------------------------


def form(structure, **changes):
    data = {
        "structure": structure.pk,
        "frequency": "weekly",
        "interval": "1",
        "first_date": next_weekday(3).isoformat(),
        "until": "",
        "count": "5",
        "start_time": "14:00",
        "end_time": "16:00",
        "commune": "Rillé",
        "postcode": "37340",
        "place": "Salle communale",
        "address": "",
        "latitude": "",
        "longitude": "",
        "offer": "assistance",
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("role", "allowed"), [("contributor", False), ("animator", True), ("charge", True), ("coordinator", True)]
)
def test_who_enters_a_series_in_the_admin_and_its_sessions_appear(client, home, users, role, allowed):
    structure = make.structure()
    client.force_login(users[role])
    response = client.post(ADMIN + "add/", form(structure))
    assert response.status_code == 302  # to the listing, or away from an admin they may not use
    assert Permanence.objects.filter(structure=structure, series__isnull=False).count() == (5 if allowed else 0)


def test_a_bad_rule_in_the_admin_gets_a_french_error_beside_its_field(client, home, users):
    client.force_login(users["coordinator"])
    response = client.post(ADMIN + "add/", form(make.structure(), count="60"))
    assert response.status_code == 200
    assert "Une série compte de 1 à 52 séances." in response.content.decode()
    assert not PermanenceSeries.objects.exists()


def test_editing_a_series_in_the_admin_rematerialises_it(client, home, users):
    structure = make.structure()
    client.force_login(users["coordinator"])
    client.post(ADMIN + "add/", form(structure))
    weekly = PermanenceSeries.objects.get()
    response = client.post(f"{ADMIN}edit/{weekly.pk}/", form(structure, count="3", start_time="15:00"))
    assert response.status_code == 302
    assert {o.start_time for o in weekly.occurrences.all()} == {datetime.time(15, 0)}
    assert weekly.occurrences.count() == 3


def test_moving_and_cancelling_an_occurrence_in_the_admin(client, home, users):
    _weekly, occurrences = new_series(count=3)
    client.force_login(users["animator"])
    target = occurrences[1]
    moved_to = target.date + datetime.timedelta(days=1)
    data = {
        "structure": target.structure_id,
        "date": moved_to.isoformat(),
        "start_time": "14:00",
        "end_time": "16:30",
        "commune": "Couesmes",
        "postcode": "37330",
        "place": "Mairie",
        "address": "",
        "latitude": "",
        "longitude": "",
        "offer": "assistance",
        "is_cancelled": "on",
        "people_met": "",
        "notes": "",
    }
    response = client.post(f"/admin/snippets/places/permanence/edit/{target.pk}/", data)
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.date, target.original_date, target.is_cancelled) == (moved_to, occurrences[1].original_date, True)
    assert target.series_id == occurrences[0].series_id
