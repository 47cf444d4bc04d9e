"""Recurring workshops: entered once (« Répéter cet atelier »), each occurrence a page with its own sign-ups, one
moved or cancelled alone, and the agenda exporting ONE RRULE with its EXDATE and RECURRENCE-ID."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from dateutil import rrule
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from community.members.roles import ANIMATORS, COORDINATORS, EDIT_PAGES, MANAGE_PAGES, grant_pages
from community.places import recurrence
from tests.factories import WorkshopPageFactory
from workshops import series, signup
from workshops.models import Registration, WorkshopPage

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def next_tuesday():
    day = timezone.localdate() + datetime.timedelta(days=1)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


@pytest.fixture
def weekly(workshop):
    first = next_tuesday()
    WorkshopPage.objects.filter(pk=workshop.pk).update(start=at(first, 14), end=at(first, 17))
    workshop.refresh_from_db()
    return series.repeat(workshop, recurrence.WEEKLY, count=4)


def events(client, url="/ateliers/agenda.ics"):
    response = client.get(url)
    assert response.status_code == 200
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_repeating_a_workshop_creates_its_sessions_as_sibling_pages(weekly):
    first = weekly[0]
    assert [w.start for w in weekly] == [
        at(first.start.astimezone(PARIS).date() + datetime.timedelta(weeks=n), 14) for n in range(4)
    ]
    assert all(w.live and w.title == first.title and w.get_parent().pk == first.get_parent().pk for w in weekly)
    assert weekly[1].slug == f"ecrire-a-plusieurs-{weekly[1].start.astimezone(PARIS):%Y-%m-%d}"
    assert {w.series_id for w in weekly} == {first.series_id}
    assert [w.original_start for w in weekly] == [w.start for w in weekly]


def test_a_bad_rule_is_refused_in_french(workshop):
    with pytest.raises(recurrence.InvalidRule) as refusal:
        series.repeat(workshop, recurrence.WEEKLY, count=60)
    assert refusal.value.message == "Une série compte de 1 à 52 séances."
    assert WorkshopPage.objects.count() == 1


def test_a_workshop_is_repeated_once(weekly):
    with pytest.raises(series.AlreadyRepeated):
        series.repeat(weekly[0], recurrence.WEEKLY, count=2)


def test_each_session_has_its_own_sign_ups(weekly, person):
    signup.sign_up(weekly[0], person())
    signup.sign_up(weekly[2], person())
    signup.sign_up(weekly[2], person())
    assert [Registration.objects.filter(workshop=w).count() for w in weekly] == [1, 0, 2, 0]
    assert weekly[2].specific.places_left() == 1


def test_across_the_daylight_saving_change_the_local_time_stays(workshop):
    WorkshopPage.objects.filter(pk=workshop.pk).update(
        start=at(datetime.date(2027, 10, 19), 9, 30), end=at(datetime.date(2027, 10, 19), 12)
    )
    workshop.refresh_from_db()
    sessions = series.repeat(workshop, recurrence.WEEKLY, count=3)
    assert [(w.start.astimezone(PARIS).day, w.start.astimezone(PARIS).hour) for w in sessions] == [
        (19, 9),
        (26, 9),
        (2, 9),
    ]
    assert [w.start.astimezone(datetime.UTC).hour for w in sessions] == [7, 7, 8]


def test_the_agenda_exports_one_rrule_an_exdate_and_a_moved_session(client, weekly, person):
    moved, cancelled = weekly[1], weekly[3]
    new_start = moved.start + datetime.timedelta(days=1, hours=-4)
    WorkshopPage.objects.filter(pk=moved.pk).update(start=new_start, end=new_start + datetime.timedelta(hours=3))
    signup.sign_up(cancelled, person())
    WorkshopPage.objects.filter(pk=cancelled.pk).update(is_cancelled=True)

    found = events(client)
    uid = f"atelier-serie-{weekly[0].series_id}@gare-centrale"
    assert [str(e["uid"]) for e in found] == [uid, uid]
    main, override = found
    assert main["rrule"].to_ical() == b"FREQ=WEEKLY;COUNT=4"
    assert main.decoded("dtstart") == weekly[0].start
    assert str(main["dtstart"].params["TZID"]) == "Europe/Paris"
    assert [d.dt for d in main["exdate"].dts] == [cancelled.original_start]
    assert override.decoded("recurrence-id") == moved.original_start
    assert override.decoded("dtstart") == new_start
    expanded = list(rrule.rrulestr(main["rrule"].to_ical().decode(), dtstart=main.decoded("dtstart")))
    assert expanded == [w.original_start for w in weekly]
    # Its sign-ups are kept, and the page says it is cancelled.
    assert Registration.objects.filter(workshop=cancelled).count() == 1
    html = client.get(cancelled.url).content.decode()
    assert "Cet atelier est annulé" in html
    assert "Déplacé : il était prévu le" in client.get(moved.url).content.decode()


def test_one_sessions_agenda_holds_its_series(client, weekly):
    found = events(client, weekly[2].url + "agenda.ics")
    assert "rrule" in found[0]


def test_a_cancelled_session_refuses_sign_ups_in_french(weekly, person):
    WorkshopPage.objects.filter(pk=weekly[1].pk).update(is_cancelled=True)
    with pytest.raises(signup.SignupClosed) as refusal:
        signup.sign_up(WorkshopPage.objects.get(pk=weekly[1].pk), person())
    assert "annulé" in str(refusal.value.message)


def test_an_unpublished_session_is_an_exception_of_the_rule(client, weekly):
    weekly[2].unpublish()
    (main,) = events(client)
    assert [d.dt for d in main["exdate"].dts] == [weekly[2].original_start]


def test_the_agendas_queries_do_not_grow_with_sessions(client, workshop):
    index = workshop.get_parent()
    client.get("/ateliers/agenda.ics")
    counts = []
    for total in (1, 4):
        while WorkshopPage.objects.filter(series__isnull=False).values("series").distinct().count() < total:
            sessions = series.repeat(WorkshopPageFactory(parent=index), recurrence.WEEKLY, count=5)
            WorkshopPage.objects.filter(pk=sessions[1].pk).update(start=sessions[1].start + datetime.timedelta(hours=1))
            WorkshopPage.objects.filter(pk=sessions[2].pk).update(is_cancelled=True)
        with CaptureQueriesContext(connection) as captured:
            client.get("/ateliers/agenda.ics")
        counts.append(len(captured))
    assert counts[0] == counts[1]


# --- The admin screen ------------------------------------------------------------------------------------------------


def url(workshop):
    return f"/admin/ateliers/{workshop.pk}/repeter/"


@pytest.fixture
def granted(workshop, home):
    """The page rights the demo gives: animators add workshops in the agenda, coordinators manage the site."""
    grant_pages(ANIMATORS, workshop.get_parent(), EDIT_PAGES)
    grant_pages(COORDINATORS, home, MANAGE_PAGES)


def test_a_coordinator_repeats_a_workshop_from_the_admin(client, workshop, users, granted):
    client.force_login(users["coordinator"])
    assert "Répéter cet atelier" in client.get(f"/admin/pages/{workshop.pk}/edit/").content.decode()
    assert client.get(url(workshop)).status_code == 200
    response = client.post(url(workshop), {"frequency": "monthly-weekday", "interval": "1", "until": "", "count": "3"})
    assert response.status_code == 302
    assert WorkshopPage.objects.filter(series__isnull=False).count() == 3


def test_a_bad_rule_in_the_admin_gets_a_french_error(client, workshop, users, granted):
    client.force_login(users["coordinator"])
    response = client.post(url(workshop), {"frequency": "weekly", "interval": "1", "until": "", "count": ""})
    assert response.status_code == 200
    assert "Indiquez une date de fin ou un nombre de séances." in response.content.decode()
    assert WorkshopPage.objects.count() == 1


@pytest.mark.parametrize("role", ["contributor", "animator", "charge"])
def test_others_may_not_repeat_a_workshop_they_do_not_run(client, workshop, users, granted, role):
    client.force_login(users[role])
    response = client.post(url(workshop), {"frequency": "weekly", "interval": "1", "until": "", "count": "3"})
    assert response.status_code == 403
    assert WorkshopPage.objects.count() == 1


def test_its_animator_repeats_it(client, workshop, users, granted):
    workshop.animators.add(users["animator"])
    workshop.save_revision().publish()
    client.force_login(users["animator"])
    response = client.post(url(workshop), {"frequency": "weekly", "interval": "2", "until": "", "count": "3"})
    assert response.status_code == 302
    sessions = WorkshopPage.objects.filter(series__isnull=False).order_by("start")
    assert len(sessions) == 3
    assert all(users["animator"] in s.animators.all() for s in sessions)


# --- Cancelling tells the people, once -------------------------------------------------------------------------------


def test_publishing_a_cancelled_session_tells_its_people_once_and_keeps_their_sign_ups(
    weekly, person, users, mailoutbox, django_capture_on_commit_callbacks
):
    session = weekly[1]
    for _n in range(4):  # three confirmed, one waiting (capacity 3)
        signup.sign_up(session, person())
    signup.sign_up(weekly[2], person())
    mailoutbox.clear()
    session = WorkshopPage.objects.get(pk=session.pk)
    session.is_cancelled = True
    users["coordinator"].email = "coordination@example.org"
    users["coordinator"].save()
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision(user=users["coordinator"]).publish()
        session.save_revision(user=users["coordinator"]).publish()  # published again: nobody is told twice
    told = [m for m in mailoutbox if "Atelier annulé" in m.subject]
    assert len(told) == 4
    assert all(m.reply_to == ["coordination@example.org"] for m in told)
    assert Registration.objects.filter(workshop=session).count() == 4
    assert Registration.objects.filter(workshop=weekly[2]).count() == 1  # the other sessions are untouched
    assert not WorkshopPage.objects.get(pk=weekly[2].pk).is_cancelled


def test_a_place_freed_in_a_cancelled_session_promotes_nobody(weekly, person):
    session = weekly[1]
    people = [signup.sign_up(session, person()) for _n in range(4)]
    WorkshopPage.objects.filter(pk=session.pk).update(is_cancelled=True)
    signup.cancel(people[0])
    assert Registration.objects.get(pk=people[3].pk).status == Registration.Status.WAITING


def test_publishing_a_revision_made_before_the_repeat_keeps_the_series(workshop):
    stale = WorkshopPage.objects.get(pk=workshop.pk)
    revision = stale.save_revision()
    series.repeat(workshop, recurrence.WEEKLY, count=2)
    revision.publish()
    stale.title = "Écrire à plusieurs (nouveau titre)"
    stale.save_revision().publish()
    first = WorkshopPage.objects.get(pk=workshop.pk)
    assert first.series_id is not None and first.original_start == workshop.start
    assert first.title == "Écrire à plusieurs (nouveau titre)"


def test_the_agenda_page_lists_each_session_on_its_own_date_a_cancelled_one_as_such(client, weekly):
    WorkshopPage.objects.filter(pk=weekly[3].pk).update(is_cancelled=True)
    html = client.get("/ateliers/").content.decode()
    assert html.count("Écrire à plusieurs") >= 4
    assert html.count('<span class="tag">annulé</span>') == 1
