"""Each workshop's tally (WorkshopTally): the counts of its sign-ups, and the associations and communes they name
(ReachedName), beside what the figures select a workshop by; the dashboard sums one row per workshop held, and
counts the different names of a few rows per workshop, instead of reading every sign-up of the period.

A tally is counted again from its workshop's own sign-ups whenever one of them is made, changed, erased or deleted,
or an opinion is given or removed (workshops/signals.py; an operation that writes sign-ups with a bulk update, which
sends no signal, calls `recount` itself); it is written whole when its page is saved, unpublished or moved, and goes
with the page. Counting again rather than adding one keeps it exact whatever the path of the change.

A tally also counts its *newcomers*, the people for whom it is the first workshop of the year where they were
confirmed: a person's sign-up in one workshop changes the newcomers of their others that year. So a recount takes in
the workshops where the people of the workshops counted (whatever became of their sign-ups) are confirmed, and those
of an address a sign-up no longer holds (changed or erased).

Each year's names reached keep when they were first reached (FirstReach), the start of the year's first live workshop
naming them: counted again for the names a tally gains or loses (a deleted workshop's sign-ups, deleted before it,
take its names away), and for every name of a workshop whose page is saved (its start or publication may change).
"""

import contextlib
import contextvars
import operator
from dataclasses import dataclass, field
from functools import reduce

from django.apps import apps as installed_apps
from django.db.models import CharField, Count, Exists, Min, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import Page

from .models.registration import Registration
from .models.tally import ReachedName

# A sign-up as the figures count it (indicators/figures.py): confirmed, or erased with its attendance proof.
COUNTED = (Registration.Status.CONFIRMED, Registration.Status.ERASED)
COUNTS = (
    "signups",
    "present",
    "waiting",
    "cancelled",
    "erased",
    "has_attendance",
    "satisfaction_total",
    "satisfaction_answers",
    "newcomers",
)
PAGE_FIELDS = ("start", "year", "live", "structure", "stage", "journey")
# The sign-ups' column behind each kind of name.
NAMED = {ReachedName.Kind.ASSOCIATION: "structure", ReachedName.Kind.COMMUNE: "commune"}
BATCH = 500


@dataclass
class _Pending:
    workshops: set = field(default_factory=set)
    signups: set = field(default_factory=set)
    people: set = field(default_factory=set)


_pending = contextvars.ContextVar("pending_tallies", default=None)


def recount(workshop_ids, people=()):
    """Counts the tallies of these workshops again from their sign-ups, and of the workshops their people share, or
    `people` (the addresses sign-ups no longer hold)."""
    pending = _pending.get()
    if pending is not None:
        pending.workshops.update(workshop_ids)
        pending.people.update(people)
        return
    models = _Models(installed_apps)
    _recount(models, set(workshop_ids) | _shared_workshops(models, workshop_ids, people))


def workshops_of_people(registrations):
    """The workshops where the people of these sign-ups are confirmed: to count again when the sign-ups lose their
    address (erased), which must be asked before."""
    return _sharing(Registration, registrations)


def recount_signups(registration_ids):
    """Counts again the tallies of the workshops of these sign-ups (an opinion given or removed)."""
    pending = _pending.get()
    if pending is not None:
        pending.signups.update(registration_ids)
        return
    recount(_workshops_of(registration_ids))


@contextlib.contextmanager
def counting_once():
    """Within it, each tally whose sign-ups change is counted once, at the end: for the operations that change many
    sign-ups one by one (an attendance sheet, the retention)."""
    if _pending.get() is not None:
        yield
        return
    token = _pending.set(_Pending())
    try:
        yield
        pending = _pending.get()
    finally:
        _pending.reset(token)
    # A sign-up deleted since has put its workshop in the set already.
    recount(pending.workshops | _workshops_of(pending.signups), pending.people)


def record(workshop_ids):
    """Writes the whole tally of these workshops, their page's fields and their counts: a page saved, unpublished
    or moved."""
    models = _Models(installed_apps)
    # The names of these workshops in the year of their start, before and after: their start may change its year.
    reached = _names_by_year(models, workshop_ids)
    _write(models, workshop_ids)
    _recount(models, set(workshop_ids) | _shared_workshops(models, workshop_ids))
    _write_first_reaches(models, reached | _names_by_year(models, workshop_ids))


def rebuild(apps=installed_apps):
    """Writes every workshop's tally: for the workshops there before tallies were (the migration, with its `apps`),
    and for data loaded in bulk, which sends no signal."""
    models = _Models(apps)
    every_workshop = models.WorkshopPage.objects.values_list("pk", flat=True)
    _write(models, every_workshop)
    # Every tally is counted: none is left to share a person with.
    _recount(models, list(every_workshop))
    count_first_reaches(apps)


def count_first_reaches(apps=installed_apps):
    """Writes when every name was first reached each year, from the tallies' names (the migration that made them,
    with its `apps`, and a rebuild)."""
    models = _Models(apps)
    if models.FirstReach is None:
        return
    models.FirstReach.objects.all().delete()
    models.FirstReach.objects.bulk_create(
        _first_reaches(models, _first_reached(models.ReachedName.objects.all())), batch_size=BATCH
    )


class _Models:
    """The models a tally is written with: the project's, or a migration's historical ones."""

    def __init__(self, apps):
        for name in ("WorkshopPage", "JourneyPage", "Registration", "WorkshopTally", "ReachedName"):
            setattr(self, name, apps.get_model("workshops", name))
        try:
            self.FirstReach = apps.get_model("workshops", "FirstReach")
        except LookupError:  # a migration before the one that makes it, and counts it whole
            self.FirstReach = None


_NOTHING = dict.fromkeys(COUNTS, 0) | {"has_attendance": False}


def _workshops_of(registration_ids):
    registration_ids = sorted(registration_ids)
    workshops = set()
    for start in range(0, len(registration_ids), BATCH):
        signups = Registration.objects.filter(pk__in=registration_ids[start : start + BATCH])
        workshops.update(signups.values_list("workshop_id", flat=True))
    return workshops


def _recount(models, workshop_ids):
    workshop_ids = sorted(workshop_ids)
    for start in range(0, len(workshop_ids), BATCH):
        # Only the tallies still there: a workshop being deleted may lose its tally before its sign-ups, and must
        # not get one back.
        tallies = list(models.WorkshopTally.objects.filter(pk__in=workshop_ids[start : start + BATCH]))
        tallied = [tally.pk for tally in tallies]
        registrations = models.Registration.objects.filter(workshop__in=tallied)
        counted = _counts(registrations)
        for tally in tallies:
            for name, value in counted.get(tally.pk, _NOTHING).items():
                setattr(tally, name, value)
        # Written as an upsert of the counts alone: an update of many rows by Django (bulk_update) builds one
        # CASE per row and column, which takes seconds.
        models.WorkshopTally.objects.bulk_create(
            tallies, update_conflicts=True, unique_fields=["workshop"], update_fields=COUNTS
        )
        changed = _write_names(models, tallied, registrations)
        year = {tally.pk: tally.year for tally in tallies}
        _write_first_reaches(models, {(year[tally], kind, name) for tally, kind, name in changed})


def _shared_workshops(models, workshop_ids, people=()):
    """The workshops where the people signed up to these workshops, or `people`, are confirmed."""
    workshop_ids = sorted(workshop_ids)
    shared = set()
    for start in range(0, len(workshop_ids), BATCH):
        shared |= _sharing(
            models.Registration, models.Registration.objects.filter(workshop__in=workshop_ids[start : start + BATCH])
        )
    if people:
        shared |= _sharing(models.Registration, people)
    return shared


def _sharing(registration_model, people):
    """The workshops where these people are confirmed, the case of their address aside: `people` the sign-ups of
    a query, or addresses."""
    confirmed = registration_model.objects.annotate(person=Lower("email")).filter(status=Registration.Status.CONFIRMED)
    if isinstance(people, QuerySet):
        confirmed = confirmed.filter(person__in=people.exclude(email="").values(person=Lower("email")))
    else:
        confirmed = confirmed.filter(reduce(operator.or_, (Q(person=Lower(Value(email))) for email in people)))
    return set(confirmed.values_list("workshop", flat=True).order_by().distinct())


def _seen_earlier(registration_model):
    """The person of a sign-up confirmed at a live workshop of the same year that began before (or at the same
    moment, with a smaller id): this one is not their first of the year."""
    tally = "workshop__tally__"
    return registration_model.objects.annotate(person=Lower("email")).filter(
        Q(**{f"{tally}start__lt": OuterRef(f"{tally}start")})
        | Q(**{f"{tally}start": OuterRef(f"{tally}start"), "workshop__lt": OuterRef("workshop")}),
        person=Lower(OuterRef("email")),
        status=Registration.Status.CONFIRMED,
        **{f"{tally}live": True, f"{tally}year": OuterRef(f"{tally}year")},
    )


def _counts(registrations):
    """{workshop pk: the counts of its tally} for the workshops of these sign-ups."""
    counted = Q(status__in=COUNTED)
    confirmed = Q(status=Registration.Status.CONFIRMED)
    rows = (
        registrations.values("workshop")
        .annotate(
            signups=Count("pk", filter=counted),
            present=Count("pk", filter=counted & Q(attendance=Registration.Attendance.PRESENT)),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
            cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
            erased=Count("pk", filter=Q(status=Registration.Status.ERASED)),
            marked=Count("pk", filter=Q(attendance__isnull=False)),
            satisfaction_total=Sum("satisfaction__score", default=0),
            satisfaction_answers=Count("satisfaction"),
            newcomers=Count("pk", filter=confirmed & ~Exists(_seen_earlier(registrations.model))),
        )
        .order_by()  # the model's ordering would split the groups
    )
    return {row.pop("workshop"): {"has_attendance": row.pop("marked") > 0, **row} for row in rows}


def _write_names(models, workshop_ids, registrations):
    """The different associations and communes of the confirmed sign-ups, lower-cased by the database as the
    figures compare them. Only the names that changed are written, and returned as (workshop, kind, name)."""
    kept = models.ReachedName.objects.filter(tally__in=workshop_ids)
    kept = {(tally, kind, name): pk for pk, tally, kind, name in kept.values_list("pk", "tally", "kind", "name")}
    first, *others = names_given(registrations.filter(status=Registration.Status.CONFIRMED), "workshop")
    found = set(first.union(*others))
    if gone := [pk for key, pk in kept.items() if key not in found]:
        models.ReachedName.objects.filter(pk__in=gone).delete()
    models.ReachedName.objects.bulk_create(
        [models.ReachedName(tally_id=tally, kind=kind, name=name) for tally, kind, name in found - kept.keys()],
        batch_size=BATCH,
    )
    return found ^ kept.keys()


def _names_by_year(models, workshop_ids):
    """The (year, kind, name) of these workshops' names reached."""
    names = models.ReachedName.objects.filter(tally__in=workshop_ids)
    return set(names.values_list("tally__year", "kind", "name").order_by())


def _first_reached(names):
    """{(year, kind, name): the start of the year's first live workshop naming it} among these ReachedName."""
    rows = (
        names.filter(tally__live=True)
        .values("tally__year", "kind", "name")
        .annotate(first=Min("tally__start"))
        .order_by()
    )
    return {(row["tally__year"], row["kind"], row["name"]): row["first"] for row in rows}


def _first_reaches(models, found):
    """The FirstReach rows of {(year, kind, name): first}."""
    return [models.FirstReach(year=key[0], kind=key[1], name=key[2], first=first) for key, first in found.items()]


def _write_first_reaches(models, keys):
    """Counts again when each of these (year, kind, name) was first reached: its FirstReach, or none when no live
    workshop of the year names it any more."""
    keys = sorted(keys) if models.FirstReach else []
    for start in range(0, len(keys), BATCH):
        batch = set(keys[start : start + BATCH])
        years, names = {year for year, _kind, _name in batch}, {name for _year, _kind, name in batch}
        found = _first_reached(models.ReachedName.objects.filter(tally__year__in=years, name__in=names))
        found = {key: first for key, first in found.items() if key in batch}
        kept = models.FirstReach.objects.filter(year__in=years, name__in=names)
        gone = [pk for pk, *key in kept.values_list("pk", "year", "kind", "name") if tuple(key) in batch - found.keys()]
        models.FirstReach.objects.filter(pk__in=gone).delete()
        models.FirstReach.objects.bulk_create(
            _first_reaches(models, found),
            update_conflicts=True,
            unique_fields=["year", "kind", "name"],
            update_fields=["first"],
        )


def names_given(signups, *leading):
    """The (kind, name) the sign-ups (of workshops or journeys) give, after their `leading` columns: a query for each
    column of NAMED, lower-cased by the database, to be united."""
    return [
        signups.exclude(**{column: ""})
        .annotate(kind=Value(kind, output_field=CharField()), name=Lower(column))
        .values_list(*leading, "kind", "name")
        .order_by()
        for kind, column in NAMED.items()
    ]


def _write(models, workshop_ids):
    """Writes the page's fields of these workshops' tallies (new ones counted nothing yet): their counts, which
    compare them with other workshops', are counted once they are all written."""
    workshops = list(
        models.WorkshopPage.objects.filter(pk__in=workshop_ids).values(
            "pk", "path", "start", "live", "structure", "stage"
        )
    )
    # A workshop's journey is its parent page, when that is a journey.
    parents = {_parent_path(workshop["path"]) for workshop in workshops}
    journeys = dict(models.JourneyPage.objects.filter(path__in=parents).values_list("path", "pk"))
    tallies = [
        models.WorkshopTally(
            workshop_id=workshop["pk"],
            start=workshop["start"],
            year=timezone.localtime(workshop["start"]).year,
            live=workshop["live"],
            structure_id=workshop["structure"],
            stage=workshop["stage"],
            journey_id=journeys.get(_parent_path(workshop["path"])),
            **_NOTHING,
        )
        for workshop in workshops
    ]
    models.WorkshopTally.objects.bulk_create(
        tallies, batch_size=BATCH, update_conflicts=True, unique_fields=["workshop"], update_fields=PAGE_FIELDS
    )


def _parent_path(path):
    return path[: -Page.steplen]
