"""The figures that funders and steering committees ask for, computed by the database for a period and a territory.

Every figure is an aggregate in SQL: the number of queries does not grow with the workshops, sign-ups or sessions
counted. The workshops' figures sum their tallies (workshops/tallies.py: one row per workshop, counted again from its
sign-ups at each change), so that they read one row per workshop held rather than every sign-up; the associations and
communes reached are the different names among the few each tally keeps (from a 1 January, among each name's first
workshop of the year). Different people do not add up across
workshops (the same person may come to any two), except from a 1 January: each tally counts those for whom it is the
first workshop of the year. Other periods, and a territory, count them from the sign-ups themselves. What counts:

- a workshop *held* is live, began within the period and before now; its structure's territory is its territory;
- a *sign-up* is confirmed, or erased (its pseudonymous attendance proof stays); cancelled ones never count, and
  people still waiting are counted apart;
- *people* are different e-mail addresses among kept sign-ups, plus each erased sign-up (its person is unknown):
  the same person in two workshops counts once. From a 1 January, the tallies say it: each counts the people whose
  first workshop of the year it is (workshops/tallies.py); other periods, and a territory, count the sign-ups;
- the *attendance rate* divides the present by the sign-ups of workshops whose attendance was taken: a workshop
  whose sheet was never filled in says nothing about attendance;
- a *mobile session held* is dated within the period and before today;
- journal entries count when shared (team, network or public): a private entry is never counted;
- a *diagnostic* counts when completed (its result shown), on its day; the kit records no territory, so its figure
  is the whole network's whatever the territory chosen.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.journal.models import EvidencedCompetence, JournalEntry
from community.places.models import Permanence, Structure
from network.diagnostic.models import INTERVIEW_LABELS, AnswerCount, DailyCount, Level, Mode, Question
from workshops.models import (
    FirstReach,
    JourneyPage,
    JourneyRegistration,
    ReachedName,
    Registration,
    Stage,
    WorkshopPage,
    WorkshopTally,
)
from workshops.models.tally import average
from workshops.tallies import names_given

from . import charts

JOURNEY_COUNTED = (JourneyRegistration.Status.CONFIRMED, JourneyRegistration.Status.ERASED)
SHARED = (JournalEntry.Visibility.TEAM, JournalEntry.Visibility.NETWORK, JournalEntry.Visibility.PUBLIC)
# A workshop someone signed up for, whatever became of the sign-up.
HAS_SIGNUPS = Q(signups__gt=0) | Q(waiting__gt=0) | Q(cancelled__gt=0)
WORKSHOPS_PER_PAGE = 50


@dataclass(frozen=True)
class Scope:
    """The period (both days included) and the territory ("" for the whole network) of a dashboard."""

    start: datetime.date
    end: datetime.date
    territory: str = ""


@dataclass
class Table:
    """A table of the dashboard, also downloaded as CSV: a heading, column headings, rows of cells."""

    slug: str
    title: str
    headers: list
    rows: list = field(default_factory=list)
    # What its chart draws: the column of the labels, and the (column, series name) of each bar of a row.
    chart_labels: int = 0
    chart_series: list = field(default_factory=list)
    # The page of a long table the dashboard shows (its rows are that page's); None when the rows are all there.
    page: object = None

    def chart(self):
        return charts.bar_chart(self.title, self, self.chart_labels, self.chart_series) if self.chart_series else None


@dataclass(frozen=True)
class Link:
    """A cell that leads to what it names; a CSV holds its text."""

    text: str
    url: str

    def __str__(self):
        return self.text


def decimal(value):
    """A figure with one decimal, the French way: 4,3; a dash when there is none."""
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def percent(share):
    return "—" if share is None else f"{round(share * 100)} %"


def territories():
    """The territories that structures of the map declare, for the dashboard's choice."""
    # Without the model's ordering, whose columns would make every structure a different row.
    names = Structure.objects.exclude(territory="").order_by().values_list("territory", flat=True).distinct()
    return sorted(set(names), key=str.casefold)


def _held_between(scope, now):
    """The moments a workshop held in the scope begins from, and before: local midnights rather than the dates of
    the starts, so that the database reads the index on the start."""
    first, after = (
        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        for day in (scope.start, scope.end + datetime.timedelta(1))
    )
    return first, min(after, now)


def held_workshops(scope, now=None):
    """The tallies (workshops/tallies.py) of the workshops held in the scope: what the workshops' figures sum."""
    first, before = _held_between(scope, now or timezone.now())
    tallies = WorkshopTally.objects.filter(live=True, start__gte=first, start__lt=before)
    if scope.territory:
        tallies = tallies.filter(structure__territory__iexact=scope.territory)
    return tallies


def _signups(tallies):
    return Registration.objects.filter(workshop__in=tallies.values("workshop"))


def participation(scope, now=None):
    """Workshops held, sign-ups, people, present, attendance rate, waiting lists, satisfaction."""
    return participation_in(held_workshops(scope, now), people_once_a_year=_from_new_year(scope))


def _from_new_year(scope):
    """Whether the scope is the whole network from a 1 January to a day of that year (the dashboard's own): its
    different people are the tallies' newcomers, whom a sum counts, and its names reached are those first reached
    since."""
    return not scope.territory and (scope.start.month, scope.start.day) == (1, 1) and scope.end.year == scope.start.year


def participation_in(tallies, people_once_a_year=False):
    """The same figures for the tallies of the given workshops held; `people_once_a_year` when they are all the
    network's workshops held from a 1 January (else the different people are counted from the sign-ups)."""
    # Named apart from the tallies' columns, which an aggregate may not shadow.
    totals = tallies.aggregate(
        held=Count("pk"),
        counted=Sum("signups", default=0),
        came=Sum("present", default=0),
        on_waiting_lists=Sum("waiting", default=0),
        erased_signups=Sum("erased", default=0),
        # The sign-ups of the workshops whose attendance was taken, and those workshops.
        counted_where_taken=Sum("signups", filter=Q(has_attendance=True), default=0),
        held_and_taken=Count("pk", filter=Q(has_attendance=True, signups__gt=0)),
        scores=Sum("satisfaction_total", default=0),
        answers=Sum("satisfaction_answers", default=0),
        newcomers=Sum("newcomers", default=0),
    )
    known_people = (
        totals["newcomers"]
        if people_once_a_year
        else _signups(tallies)
        .filter(status=Registration.Status.CONFIRMED)
        .aggregate(count=Count(Lower("email"), distinct=True))["count"]
    )
    taken, answers = totals["counted_where_taken"], totals["answers"]
    return {
        "workshops": totals["held"],
        "workshops_without_attendance": totals["held"] - totals["held_and_taken"],
        "signups": totals["counted"],
        "people": known_people + totals["erased_signups"],
        "present": totals["came"],
        "attendance_rate": totals["came"] / taken if taken else None,
        "waiting": totals["on_waiting_lists"],
        "satisfaction": average(totals["scores"], answers),
        "satisfaction_answers": answers,
    }


def reach(scope, now=None):
    """The associations and communes reached: by a sign-up to a workshop held, or to a journey of those workshops."""
    now = now or timezone.now()
    held = held_workshops(scope, now)
    associations = _journey_signups(held).filter(status=JourneyRegistration.Status.CONFIRMED)
    if _from_new_year(scope):
        # From a 1 January, the names whose first workshop of the year (workshops/tallies.py) was held by the end:
        # a few rows per name, whatever the workshops held.
        names = FirstReach.objects.filter(year=scope.start.year, first__lt=_held_between(scope, now)[1])
    else:
        names = ReachedName.objects.filter(tally__in=held)
    # Both kinds in one union, each different (kind, name) once: the rows are the few different names
    # (workshops/tallies.py keeps a few per workshop).
    names = names.values_list("kind", "name").order_by()
    reached = Counter(kind for kind, _name in names.union(*names_given(associations)))
    return {
        "associations": reached[ReachedName.Kind.ASSOCIATION],
        "communes": reached[ReachedName.Kind.COMMUNE],
    }


def _journeys(tallies):
    """The live journeys of these workshops held: a workshop's journey is its parent page."""
    return JourneyPage.objects.live().filter(_has_held(tallies))


def _journey_signups(tallies):
    # From the sign-ups to their journey, rather than from every page for the live journeys.
    return JourneyRegistration.objects.filter(_has_held(tallies, "journey"), journey__live=True)


def _has_held(tallies, journey="pk"):
    """Whether the journey (the way to it: `journey`) has workshops held among these: its own workshops are looked
    for (by the index on the journey), rather than every workshop held for its journey."""
    return Exists(tallies.filter(journey=OuterRef(journey)))


def journeys_table(scope, now=None):
    """Per journey: associations signed up and their people, workshop sign-ups and present, territory covered."""
    held = held_workshops(scope, now)
    journeys = list(
        _journeys(held)
        .annotate(
            associations=Count("registrations", filter=Q(registrations__status__in=JOURNEY_COUNTED), distinct=True),
            announced=Sum("registrations__participants", filter=Q(registrations__status__in=JOURNEY_COUNTED)),
        )
        .order_by("title")
    )
    per_journey = {
        row["journey"]: row
        for row in held.filter(journey__in=[journey.pk for journey in journeys])
        .values("journey")
        .annotate(signups=Sum("signups"), present=Sum("present"))
        .order_by()
    }
    reached = _communes_reached_per_journey(journeys, held)
    table = Table(
        "parcours",
        _("Par parcours"),
        [
            _("Parcours"),
            _("Associations inscrites"),
            _("Personnes annoncées"),
            _("Inscriptions aux ateliers"),
            _("Présents"),
            _("Communes du territoire touchées"),
            _("Part du territoire"),
        ],
        chart_series=[(1, _("Associations inscrites")), (3, _("Inscriptions aux ateliers"))],
    )
    for journey in journeys:
        figures = per_journey.get(journey.pk, {})
        territory = {name.casefold() for name in journey.communes()}
        touched = len(territory & reached.get(journey.pk, set()))
        table.rows.append(
            [
                Link(journey.title, reverse("wagtailadmin_pages:edit", args=[journey.pk])),
                journey.associations,
                journey.announced or 0,
                figures.get("signups", 0),
                figures.get("present", 0),
                f"{touched} / {len(territory)}" if territory else "—",
                percent(touched / len(territory) if territory else None),
            ]
        )
    return table


def _communes_reached_per_journey(journeys, tallies):
    """{journey pk: the casefolded communes of its associations and of its workshops' participants}."""
    reached = {journey.pk: set() for journey in journeys}
    journey_communes = (
        JourneyRegistration.objects.filter(journey__in=list(reached))
        .filter(status=JourneyRegistration.Status.CONFIRMED)
        .values_list("journey_id", "commune")
        .order_by()  # the model's ordering would add its columns to the DISTINCT
        .distinct()
    )
    for journey_pk, commune in journey_communes:
        reached[journey_pk].add(commune.casefold())
    participant_communes = (
        ReachedName.objects.filter(tally__in=tallies.filter(journey__in=list(reached)), kind=ReachedName.Kind.COMMUNE)
        .values_list("tally__journey", "name")
        .distinct()
    )
    for journey_pk, commune in participant_communes:
        reached[journey_pk].add(commune.casefold())
    return reached


def stages_table(scope, now=None):
    """Sign-ups and present per stage of the journeys, for the workshops held."""
    rows = {
        row["stage"]: row
        for row in held_workshops(scope, now)
        .exclude(stage="")
        .values("stage")
        .annotate(workshops=Count("pk", filter=HAS_SIGNUPS), signups=Sum("signups"), present=Sum("present"))
        .order_by()
    }
    table = Table(
        "etapes",
        _("Par étape des parcours"),
        [_("Étape"), _("Ateliers"), _("Inscriptions"), _("Présents")],
        chart_series=[(2, _("Inscriptions")), (3, _("Présents"))],
    )
    for stage, label in Stage.choices:
        row = rows.get(stage, {})
        table.rows.append([label, row.get("workshops", 0), row.get("signups", 0), row.get("present", 0)])
    return table


def workshops_table(scope, now=None, page_number=None):
    """Per workshop held: its sign-ups, present, waiting list and satisfaction; with a page number, only the
    workshops of that page (a network holds thousands a year; the CSV gives them all). Their figures are their
    tallies; their titles come in one query, whatever their number."""
    tallies = held_workshops(scope, now).order_by("start", "workshop")
    table = Table(
        "ateliers",
        _("Par atelier"),
        [
            _("Date"),
            _("Atelier"),
            _("Commune"),
            _("Places"),
            _("Inscriptions"),
            _("Présents"),
            _("Liste d'attente"),
            _("Satisfaction moyenne (sur 5)"),
            _("Réponses"),
        ],
        chart_labels=1,
        chart_series=[(4, _("Inscriptions")), (5, _("Présents"))],
    )
    if page_number is not None:
        table.page = Paginator(tallies, WORKSHOPS_PER_PAGE).get_page(page_number)
        tallies = table.page.object_list
    tallies = list(tallies)
    workshops = WorkshopPage.objects.defer_streamfields().in_bulk([tally.workshop_id for tally in tallies])
    for tally in tallies:
        workshop = workshops[tally.workshop_id]
        table.rows.append(
            [
                timezone.localtime(tally.start).date(),
                Link(workshop.title, reverse("wagtailadmin_pages:edit", args=[workshop.pk])),
                workshop.commune,
                workshop.capacity,
                tally.signups,
                tally.present if tally.has_attendance else _("non relevé"),
                tally.waiting,
                decimal(tally.satisfaction),
                tally.satisfaction_answers,
            ]
        )
    return table


def sessions_table(scope, today=None):
    """Mobile sessions held per kind of offer, with the people met (a cancelled occurrence was not held)."""
    today = today or timezone.localdate()
    sessions = Permanence.objects.filter(
        date__gte=scope.start, date__lte=min(scope.end, today - datetime.timedelta(1)), is_cancelled=False
    )
    if scope.territory:
        sessions = sessions.filter(structure__territory__iexact=scope.territory)
    rows = {
        row["offer"]: row
        for row in sessions.values("offer").annotate(
            sessions=Count("pk"),
            people=Sum("people_met"),
            unreported=Count("pk", filter=Q(people_met__isnull=True)),
            communes=Count(Lower("commune"), distinct=True),
        )
    }
    table = Table(
        "permanences",
        _("Permanences mobiles, par type d'offre"),
        [_("Offre"), _("Permanences tenues"), _("Personnes rencontrées"), _("Sans bilan"), _("Communes")],
        chart_series=[(1, _("Permanences tenues")), (2, _("Personnes rencontrées"))],
    )
    for offer, label in Permanence.OFFER_CHOICES:
        row = rows.get(offer, {})
        table.rows.append(
            [label, row.get("sessions", 0), row.get("people") or 0, row.get("unreported", 0), row.get("communes", 0)]
        )
    return table


def structures_table(scope):
    """The relay structures of the map, per kind: those the public finds on the map."""
    structures = Structure.objects.filter(is_public=True)
    if scope.territory:
        structures = structures.filter(territory__iexact=scope.territory)
    counts = dict(structures.values_list("kind").annotate(count=Count("pk")))
    table = Table(
        "structures",
        _("Structures relais, par type"),
        [_("Type"), _("Structures")],
        chart_series=[(1, _("Structures"))],
    )
    for kind, label in Structure._meta.get_field("kind").choices:
        table.rows.append([label, counts.get(kind, 0)])
    return table


def journal(scope):
    """Shared journal entries dated within the period, and the competences they evidence."""
    entries = JournalEntry.objects.filter(_shared_entries(scope))
    # The evidence keeps its entry's date and visibility: it is counted from its own index, without reading the
    # evidence of every entry of the period.
    evidence = EvidencedCompetence.objects.filter(_shared_entries(scope, author="entry__author")).aggregate(
        competences=Count("competence", distinct=True), evidence=Count("pk")
    )
    return {"entries": entries.count(), **evidence}


def _shared_entries(scope, author="author"):
    """The shared journal entries dated within the scope, as a condition on the entries or on their evidence (which
    keeps their date and visibility); `author` is the way to the entry's author."""
    condition = Q(visibility__in=SHARED, date__gte=scope.start, date__lte=scope.end)
    if scope.territory:
        condition &= Q(**{f"{author}__member_profile__structure__territory__iexact": scope.territory})
    return condition


def diagnostics(scope):
    """Diagnostics completed within the period: in all, and in a guided interview with a professional."""
    days = DailyCount.objects.filter(date__gte=scope.start, date__lte=scope.end)
    totals = days.aggregate(taken=Sum("completed"), interview=Sum("completed", filter=Q(mode=Mode.INTERVIEW)))
    taken, interview = totals["taken"] or 0, totals["interview"] or 0
    return {"taken": taken, "interview": interview, "autonomous": taken - interview}


def diagnostic_table(scope):
    """Per question of the diagnostic, how many answers of each level within the period (the whole network's)."""
    answers = AnswerCount.objects.filter(date__gte=scope.start, date__lte=scope.end)
    counts = {
        (row["question"], row["level"]): row["total"]
        for row in answers.values("question", "level").annotate(total=Sum("count")).order_by()
    }
    table = Table(
        "diagnostic",
        _("Diagnostic numérique, par question"),
        [_("Question"), *(INTERVIEW_LABELS[level] for level in Level)],
    )
    for question in Question.objects.order_by("sort_order", "pk"):
        table.rows.append([question.text, *(counts.get((question.pk, level.value), 0) for level in Level)])
    return table


# The dashboard's tables by their slug (also their CSV's name), each computed from a scope and the moment.
TABLES = {
    "ateliers": workshops_table,
    "parcours": journeys_table,
    "etapes": stages_table,
    "permanences": lambda scope, now: sessions_table(scope, timezone.localdate(now)),
    "structures": lambda scope, now: structures_table(scope),
    "diagnostic": lambda scope, now: diagnostic_table(scope),
}


def dashboard(scope, now=None, page_number=1):
    """Everything the dashboard shows for a scope: its summary figures, then the tables behind them, the
    workshops' at the page asked for."""
    now = now or timezone.now()
    return {
        "participation": participation(scope, now),
        "reach": reach(scope, now),
        "journal": journal(scope),
        "diagnostics": diagnostics(scope),
        "tables": {
            slug: workshops_table(scope, now, page_number) if table is workshops_table else table(scope, now)
            for slug, table in TABLES.items()
        },
    }


def journey_report(journey, now=None):
    """What a journey's final report says in figures: its workshops held, their participation, its associations."""
    now = now or timezone.now()
    workshops = WorkshopPage.objects.child_of(journey).live().filter(start__lt=now)
    tallies = WorkshopTally.objects.filter(journey=journey, live=True, start__lt=now)
    associations = journey.registrations.filter(status__in=JOURNEY_COUNTED).aggregate(
        associations=Count("pk"), announced=Sum("participants")
    )
    held = (
        workshops.defer_streamfields()
        .annotate(signups=F("tally__signups"), present=F("tally__present"))
        .prefetch_related("tools_used")
        .order_by("start")
    )
    return {
        "workshops": list(held),
        "participation": participation_in(tallies),
        "associations": associations["associations"],
        "announced": associations["announced"] or 0,
    }
