"""What every workshop's tally (workshops/tallies.py) must say, counted here one sign-up at a time, in Python: the
check that no path changing sign-ups forgets to count its workshop again."""

from django.db.models.functions import Lower
from django.utils import timezone

from workshops.models import FirstReach, ReachedName, Registration, SatisfactionResponse, WorkshopPage, WorkshopTally
from workshops.tallies import COUNTS

COUNTED = (Registration.Status.CONFIRMED, Registration.Status.ERASED)
NAMED = {ReachedName.Kind.ASSOCIATION: "structure", ReachedName.Kind.COMMUNE: "commune"}


def counted_from_signups():
    """{workshop pk: its counts and the names it reaches}, from its sign-ups."""
    expected = {
        pk: {**dict.fromkeys(COUNTS, 0), "names": set()} for pk in WorkshopPage.objects.values_list("pk", flat=True)
    }
    scores = dict(SatisfactionResponse.objects.values_list("registration", "score"))
    for workshop, newcomers in newcomers_from_signups().items():
        expected[workshop]["newcomers"] = newcomers
    # Lower-cased by the database, as the figures compare names (SQLite's lower-cases ASCII letters only).
    signups = Registration.objects.annotate(**{f"{column}_name": Lower(column) for column in NAMED.values()})
    for signup in signups:
        counts, counted = expected[signup.workshop_id], signup.status in COUNTED
        counts["signups"] += counted
        counts["present"] += counted and signup.attendance == Registration.Attendance.PRESENT
        counts["waiting"] += signup.status == Registration.Status.WAITING
        counts["cancelled"] += signup.status == Registration.Status.CANCELLED
        counts["erased"] += signup.status == Registration.Status.ERASED
        counts["has_attendance"] = bool(counts["has_attendance"] or signup.attendance is not None)
        if signup.pk in scores:
            counts["satisfaction_total"] += scores[signup.pk]
            counts["satisfaction_answers"] += 1
        if signup.status == Registration.Status.CONFIRMED:
            names = ((kind, getattr(signup, f"{column}_name")) for kind, column in NAMED.items())
            counts["names"].update((kind, name) for kind, name in names if name)
    return expected


def newcomers_from_signups():
    """{workshop pk: the people confirmed there whose earlier workshops of the year (live, where they were confirmed)
    are none}: a person counts once a year."""
    workshops = {
        pk: (start, timezone.localtime(start).year, live)
        for pk, start, live in WorkshopPage.objects.values_list("pk", "start", "live")
    }
    people = {}
    confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED).annotate(person=Lower("email"))
    for workshop, person in confirmed.values_list("workshop", "person"):
        people.setdefault(person, []).append(workshop)
    newcomers = {}
    for attended in people.values():
        for workshop in attended:
            start, year, _live = workshops[workshop]
            earlier = [
                other
                for other in attended
                if workshops[other][1:] == (year, True) and (workshops[other][0], other) < (start, workshop)
            ]
            newcomers[workshop] = newcomers.get(workshop, 0) + (not earlier)
    return newcomers


def tallied():
    """{workshop pk: the counts and names its tally holds}."""
    held = {row.pop("workshop"): {**row, "names": set()} for row in WorkshopTally.objects.values("workshop", *COUNTS)}
    for workshop, kind, name in ReachedName.objects.values_list("tally", "kind", "name"):
        held[workshop]["names"].add((kind, name))
    return held


def first_reaches_from(counted):
    """{(year, kind, name): the start of the year's first live workshop whose confirmed sign-ups name it}, from the
    names of each workshop's sign-ups (`counted_from_signups`) and the start and publication its tally copies (a
    test may change a page's by a bulk update, which its tally does not follow)."""
    first = {}
    for pk, start, year, live in WorkshopTally.objects.values_list("pk", "start", "year", "live"):
        for kind, name in counted[pk]["names"] if live else ():
            first[year, kind, name] = min(first.get((year, kind, name), start), start)
    return first


def stale_tallies():
    """{workshop pk: (what its tally holds, what its sign-ups say)} for every tally wrong or missing, and the names
    first reached each year if they are wrong."""
    held, expected = tallied(), counted_from_signups()
    stale = {
        pk: (held.get(pk), expected.get(pk)) for pk in held.keys() | expected.keys() if held.get(pk) != expected.get(pk)
    }
    first_reached = {(row.year, row.kind, row.name): row.first for row in FirstReach.objects.all()}
    if first_reached != (expected_first := first_reaches_from(expected)):
        stale["premières atteintes"] = (first_reached, expected_first)
    return stale
