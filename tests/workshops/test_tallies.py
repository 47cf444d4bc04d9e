"""Each workshop's tally (workshops/tallies.py), which the dashboard sums: after every kind of change to its sign-ups,
whatever the path, it says what they say; and the dashboard follows its page when it is published at another date, in
another place or stage, unpublished, moved into a journey or deleted."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from indicators import figures
from tests.community.places.factories import structure
from tests.factories import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    RegistrationFactory,
    UserFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    publish_revision,
)
from tests.tallies import stale_tallies
from workshops import attendance, rights, satisfaction, signup, tallies
from workshops.models import (
    FirstReach,
    ReachedName,
    Registration,
    SatisfactionResponse,
    Stage,
    WorkshopPage,
    WorkshopTally,
)

pytestmark = pytest.mark.django_db

PRESENT, ABSENT = Registration.Attendance.PRESENT, Registration.Attendance.ABSENT


def days(number):
    return timezone.now() + datetime.timedelta(days=number)


def held_on(start):
    """A workshop's dates: three hours from `start`."""
    return {"start": start, "end": start + datetime.timedelta(hours=3)}


def this_year(territory=""):
    today = timezone.localdate()
    return figures.Scope(today.replace(month=1, day=1), today, territory)


def test_every_change_of_sign_ups_leaves_the_tally_exact(workshop, person):
    """Each step takes one of the paths that change sign-ups; a path that forgot its tally fails at its step."""
    people = [signup.sign_up(workshop, person(structure=f"Asso {n}", commune=f"Commune {n}")) for n in range(5)]
    first, second, third, *waiting = people
    steps = {
        "a change of association and commune": lambda: signup.change(first, {"structure": "Autre", "commune": "Tours"}),
        "a cancellation, which promotes the first waiting": lambda: signup.cancel(first),
        "an erasure before the day (a cancellation)": lambda: rights.erase(second),
        "the waiting list served by hand": lambda: signup.promote_waiting(workshop),
        "the workshop held yesterday": lambda: publish_revision(workshop, UserFactory(), **held_on(days(-1))),
        "the attendance sheet": lambda: attendance.mark_attendance(
            workshop, {third.pk: PRESENT, waiting[0].pk: ABSENT}
        ),
        "an opinion": lambda: satisfaction.answer(Registration.objects.get(pk=third.pk), 5),
        "an erasure after the day, which keeps the proof": lambda: rights.erase(Registration.objects.get(pk=third.pk)),
        "a sign-up deleted": lambda: Registration.objects.filter(pk=waiting[1].pk).delete(),
        "the retention, a year later: anonymised": lambda: rights.apply_retention(now=days(400)),
        "the retention, years later: the proof removed": lambda: rights.apply_retention(now=days(365 * 11)),
    }
    for step, change in steps.items():
        change()
        assert stale_tallies() == {}, step
    assert not Registration.objects.exists()


def test_an_opinion_and_an_erasure_show_in_the_figures_at_once(home):
    workshop = WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=home), **held_on(days(-1)))
    alice = RegistrationFactory(workshop=workshop, attendance=PRESENT, structure="Jardins", commune="Tours")
    RegistrationFactory(workshop=workshop, attendance=ABSENT, structure="Jardins", commune="Luynes")
    satisfaction.answer(alice, 4)
    assert figures.participation(this_year())["satisfaction"] == 4
    assert figures.reach(this_year()) == {"associations": 1, "communes": 2}
    rights.erase(alice)
    assert figures.participation(this_year())["satisfaction"] is None
    assert figures.participation(this_year())["signups"] == 2  # the erased sign-up stays as proof
    assert figures.reach(this_year()) == {"associations": 1, "communes": 1}


@pytest.fixture
def held(home):
    """A workshop held yesterday in Touraine, with two people signed up, one present."""
    touraine, limousin = structure(territory="Touraine"), structure(name="Asso B", territory="Limousin")
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home), **held_on(days(-1)), structure=touraine
    )
    RegistrationFactory(workshop=workshop, attendance=PRESENT)
    RegistrationFactory(workshop=workshop, attendance=ABSENT)
    return {"workshop": workshop, "limousin": limousin}


def test_a_workshop_published_at_another_date_place_and_stage_is_counted_there(held):
    workshop = held["workshop"]
    assert figures.participation(this_year("Touraine"))["signups"] == 2
    last_year = days(-400)
    publish_revision(workshop, UserFactory(), **held_on(last_year), structure=held["limousin"], stage=Stage.DIAGNOSIS)
    assert figures.participation(this_year())["workshops"] == 0
    before = figures.Scope(last_year.date() - datetime.timedelta(1), last_year.date(), "Limousin")
    assert figures.participation(before)["signups"] == 2
    stages = {row[0]: row[1:] for row in figures.stages_table(before).rows}
    assert stages[Stage.DIAGNOSIS.label] == [1, 2, 1]


def test_an_unpublished_workshop_leaves_the_figures_until_it_is_published_again(held):
    # Unpublished as Wagtail's bulk actions do it, through the generic page.
    Page.objects.get(pk=held["workshop"].pk).unpublish()
    assert figures.participation(this_year())["workshops"] == 0
    held["workshop"].save_revision().publish()
    assert figures.participation(this_year())["signups"] == 2


def test_a_workshop_moved_into_a_journey_counts_for_that_journey(held):
    journey = JourneyPageFactory(parent=JourneyIndexPageFactory(parent=held["workshop"].get_parent().get_parent()))
    workshop = held["workshop"]
    assert figures.journeys_table(this_year()).rows == []
    workshop.move(journey, pos="last-child")
    (row,) = figures.journeys_table(this_year()).rows
    assert [str(cell) for cell in row[:5]] == [journey.title, "0", "0", "2", "1"]
    workshop.refresh_from_db()
    workshop.move(workshop.get_parent().get_parent(), pos="last-child")
    assert figures.journeys_table(this_year()).rows == []


def test_a_deleted_workshop_or_journey_takes_its_tallies_along(held):
    workshop = held["workshop"]
    SatisfactionResponse.objects.create(registration=workshop.registrations.first(), score=3)
    journey = JourneyPageFactory(parent=JourneyIndexPageFactory(parent=workshop.get_parent().get_parent()))
    in_journey = WorkshopPageFactory(parent=journey, **held_on(days(-2)))
    RegistrationFactory(workshop=in_journey)
    workshop.delete()
    assert figures.participation(this_year())["signups"] == 1
    journey.delete()
    assert not WorkshopTally.objects.exists() and not ReachedName.objects.exists()


def test_the_tallies_kept_change_after_change_are_those_counted_anew(held, person):
    workshop = held["workshop"]
    publish_revision(workshop, UserFactory(), stage=Stage.TRAINING)
    upcoming = WorkshopPageFactory(parent=workshop.get_parent(), capacity=1)
    for _ in range(3):
        signup.sign_up(upcoming, person())
    signup.cancel(upcoming.registrations.first())

    def kept():
        return (
            list(WorkshopTally.objects.order_by("pk").values()),
            sorted(ReachedName.objects.values_list("tally", "kind", "name")),
            sorted(FirstReach.objects.values_list("year", "kind", "name", "first")),
        )

    before = kept()
    tallies.rebuild()
    assert kept() == before


def test_a_rebuild_follows_workshops_moved_in_bulk(held):
    """Data loaded in bulk sends no signal: a rebuild writes the tallies, and when their names were first reached."""
    earlier = days(-3)
    WorkshopPage.objects.filter(pk=held["workshop"].pk).update(**held_on(earlier))
    tallies.rebuild()
    assert set(FirstReach.objects.values_list("first", flat=True)) == {earlier}


def test_a_person_counts_once_a_year_whatever_becomes_of_their_sign_ups(home):
    """The dashboard's year counts each person at their first workshop of the year (the tallies' newcomers): after
    each change, the figure is the different people of the sign-ups, counted one by one."""
    index = WorkshopIndexPageFactory(parent=home)
    year = timezone.localdate().year - 1
    last_year, the_year_before = (
        figures.Scope(datetime.date(y, 1, 1), datetime.date(y, 12, 31)) for y in (year, year - 1)
    )

    def on(month, in_year=year):
        return held_on(timezone.make_aware(datetime.datetime(in_year, month, 10, 14)))

    march, june, october = (WorkshopPageFactory(parent=index, **on(month)) for month in (3, 6, 10))
    alice = {workshop: RegistrationFactory(workshop=workshop, email="Alice@exemple.org") for workshop in (march, june)}
    alice_in_october = RegistrationFactory(workshop=october, email="alice@exemple.org")
    RegistrationFactory(workshop=june, email="bob@exemple.org")

    def people(scope):
        held = figures.held_workshops(scope)
        counted = figures.participation(scope)["people"]
        assert counted == figures.participation_in(held)["people"]  # as the sign-ups say, one by one
        assert stale_tallies() == {}
        return counted

    steps = [
        ("Alice in three workshops, Bob in one", lambda: None, 2, 0),
        ("her first erased: someone", lambda: rights.erase(alice[march]), 3, 0),
        ("the second's address corrected", lambda: _corrected(alice[june], email="carole@exemple.org"), 4, 0),
        ("the third cancelled", lambda: _corrected(alice_in_october, status=Registration.Status.CANCELLED), 3, 0),
        ("the second held a year before", lambda: publish_revision(june, UserFactory(), **on(6, year - 1)), 1, 2),
        ("the second unpublished", lambda: Page.objects.get(pk=june.pk).unpublish(), 1, 0),
        ("the first deleted", lambda: march.delete(), 0, 0),
    ]
    for step, change, this_one, before in steps:
        change()
        assert (people(last_year), people(the_year_before)) == (this_one, before), step


def test_a_name_counts_from_its_first_workshop_of_the_year_whatever_becomes_of_it(home):
    """From a 1 January, the dashboard counts the names first reached since (FirstReach): after each change, by each
    path that keeps them, the names of the workshops held by the end of May, and of the whole year."""
    index = WorkshopIndexPageFactory(parent=home)
    year = timezone.localdate().year - 1
    to_may, whole_year = (figures.Scope(datetime.date(year, 1, 1), datetime.date(year, month, 31)) for month in (5, 12))

    def on(month):
        return held_on(timezone.make_aware(datetime.datetime(year, month, 10, 14)))

    march, june = (WorkshopPageFactory(parent=index, **on(month)) for month in (3, 6))
    in_march = RegistrationFactory(workshop=march, structure="Asso A", commune="Tours")
    RegistrationFactory(workshop=june, structure="Asso A", commune="Blois")

    def reached(scope):
        assert stale_tallies() == {}
        figures_reached = figures.reach(scope)
        return figures_reached["associations"], figures_reached["communes"]

    steps = [
        ("Tours in March, Blois in June", lambda: None, (1, 1), (1, 2)),
        ("the March sign-up's commune corrected", lambda: _corrected(in_march, commune="BLOIS"), (1, 1), (1, 1)),
        ("the March workshop held in July", lambda: publish_revision(march, UserFactory(), **on(7)), (0, 0), (1, 1)),
        ("the June one unpublished", lambda: Page.objects.get(pk=june.pk).unpublish(), (0, 0), (1, 1)),
        ("the July one deleted", lambda: march.delete(), (0, 0), (0, 0)),
    ]
    for step, change, by_may, in_the_year in steps:
        change()
        assert (reached(to_may), reached(whole_year)) == (by_may, in_the_year), step


def _corrected(registration, **fields):
    """A sign-up corrected, as a coordinator may in the admin."""
    registration = Registration.objects.get(pk=registration.pk)
    for name, value in fields.items():
        setattr(registration, name, value)
    registration.save()
