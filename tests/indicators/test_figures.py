"""Every figure of the dashboard, pinned to a value counted by hand on a known data set, edge cases included."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.journal.models import JournalEntry
from community.places.models import Permanence
from indicators import figures
from workshops.models import Registration, SatisfactionResponse, Stage

from ..community.places.factories import permanence
from ..factories import JourneyPageFactory, WorkshopPageFactory
from .conftest import FIRST_HALF, NOW, TOURAINE, at, journey_signup, signup


def test_participation_of_the_whole_network(world):
    assert figures.participation(FIRST_HALF, NOW) == {
        "workshops": 3,
        "workshops_without_attendance": 1,
        "signups": 7,  # cancelled and waiting apart; the erased sign-up keeps its proof
        "people": 6,  # alice twice counts once; the erased sign-up is someone
        "present": 4,
        "attendance_rate": 4 / 5,  # the lone workshop, never taken, says nothing
        "waiting": 1,
        "satisfaction": 4.0,
        "satisfaction_answers": 3,
    }


def test_participation_of_one_territory(world):
    assert figures.participation(TOURAINE, NOW) == {
        "workshops": 2,
        "workshops_without_attendance": 0,
        "signups": 5,
        "people": 4,
        "present": 4,
        "attendance_rate": 4 / 5,
        "waiting": 1,
        "satisfaction": 4.0,
        "satisfaction_answers": 2,
    }


def test_a_workshop_not_yet_held_is_not_counted(world):
    assert figures.participation(FIRST_HALF, at(4, 1))["workshops"] == 1


def test_associations_and_communes_reached(world):
    # Jardins (also the journey's "jardins"), Repair café, Club de l'amitié, Comité des fêtes; the cancelled
    # association "Partis" of Luynes never counts, but Luynes was reached by a participant.
    assert figures.reach(FIRST_HALF, NOW) == {"associations": 4, "communes": 5}
    assert figures.reach(TOURAINE, NOW) == {"associations": 3, "communes": 4}


def test_journeys_table(world):
    table = figures.journeys_table(FIRST_HALF, NOW)
    (row,) = table.rows
    # Langeais and Cinq-Mars-la-Pile by the associations, Luynes by a participant: Mazières-de-Touraine is missing.
    assert [str(cell) for cell in row] == ["DUNAR", "2", "10", "5", "4", "3 / 4", "75 %"]
    assert row[0].url == f"/admin/pages/{world['journey'].pk}/edit/"


def test_stages_table(world):
    rows = {row[0]: row[1:] for row in figures.stages_table(FIRST_HALF, NOW).rows}
    assert rows[Stage.AWARENESS.label] == [1, 3, 2]
    assert rows[Stage.DIAGNOSIS.label] == [1, 2, 2]
    assert rows[Stage.TRAINING.label] == [0, 0, 0]


def test_workshops_table(world):
    rows = figures.workshops_table(FIRST_HALF, NOW).rows
    assert [[str(cell) for cell in row[3:]] for row in rows] == [
        ["12", "3", "2", "1", "4,0", "2"],
        ["12", "2", "2", "0", "—", "0"],
        ["12", "2", "non relevé", "0", "4,0", "1"],
    ]
    assert rows[2][0] == datetime.date(2026, 5, 5)
    assert rows[2][2] == "Limoges"


def test_mobile_sessions_table(world):
    rows = {row[0]: row[1:] for row in figures.sessions_table(FIRST_HALF, NOW.date()).rows}
    assert rows[dict(Permanence.OFFER_CHOICES)[Permanence.ASSISTANCE]] == [2, 12, 1, 1]
    assert rows[dict(Permanence.OFFER_CHOICES)[Permanence.TRAINING]] == [1, 5, 0, 1]
    assert rows[dict(Permanence.OFFER_CHOICES)[Permanence.FREE_ACCESS]] == [0, 0, 0, 0]
    touraine = {row[0]: row[1] for row in figures.sessions_table(TOURAINE, NOW.date()).rows}
    assert touraine[dict(Permanence.OFFER_CHOICES)[Permanence.TRAINING]] == 0


def test_a_cancelled_session_was_not_held(world):
    session = Permanence.objects.filter(date__lt=NOW.date(), offer=Permanence.TRAINING).first()
    session.is_cancelled = True
    session.save()
    rows = {row[0]: row[1:] for row in figures.sessions_table(FIRST_HALF, NOW.date()).rows}
    assert rows[dict(Permanence.OFFER_CHOICES)[Permanence.TRAINING]][0] == 0


def test_a_session_of_today_is_not_yet_held(world):
    rows = figures.sessions_table(FIRST_HALF, datetime.date(2026, 3, 1)).rows
    assert rows[0][1] == 1


def test_relay_structures_are_the_public_ones(world):
    counts = {row[0]: row[1] for row in figures.structures_table(FIRST_HALF).rows}
    assert counts["Centre social"] == 1 and counts["Association"] == 1
    touraine = {row[0]: row[1] for row in figures.structures_table(TOURAINE).rows}
    assert touraine["Association"] == 0  # the private place of Touraine is not a relay


def test_private_journal_entries_are_never_counted(world):
    assert figures.journal(FIRST_HALF) == {"entries": 2, "competences": 2, "evidence": 3}
    assert figures.journal(TOURAINE) == {"entries": 1, "competences": 2, "evidence": 2}


def test_an_entry_made_private_or_dated_elsewhere_takes_its_evidence_along(world):
    shared = JournalEntry.objects.get(visibility="reseau")
    shared.visibility = "prive"
    shared.save()
    assert figures.journal(FIRST_HALF) == {"entries": 1, "competences": 1, "evidence": 1}
    shared.visibility, shared.date = "reseau", datetime.date(2025, 12, 31)
    shared.save()
    assert figures.journal(FIRST_HALF) == {"entries": 1, "competences": 1, "evidence": 1}
    shared.date = datetime.date(2026, 3, 3)
    shared.save()
    assert figures.journal(FIRST_HALF) == {"entries": 2, "competences": 2, "evidence": 3}


def test_the_territories_to_choose_from(world):
    assert figures.territories() == ["Limousin", "Touraine"]


def _queries(scope):
    with CaptureQueriesContext(connection) as queries:
        figures.dashboard(scope, NOW)
    return len(queries)


def test_the_dashboard_makes_as_many_queries_whatever_it_counts(world):
    before = _queries(FIRST_HALF)
    journey, lone = world["journey"], world["lone"]
    for n in range(5):
        workshop = WorkshopPageFactory(parent=journey, start=at(5, 10 + n), structure=world["centre"])
        for m in range(3):
            signup(workshop, f"nouvelle{n}-{m}", attendance=Registration.Attendance.PRESENT)
        journey_signup(JourneyPageFactory(parent=journey.get_parent()), f"Asso {n}", "Luynes", 2)
        permanence(world["centre"], date=datetime.date(2026, 5, 10 + n), people_met=n)
        signup(lone, f"seule{n}")
    assert _queries(FIRST_HALF) == before


def test_an_average_opinion_is_rounded_as_it_is_not_as_a_float_would(home):
    """87 points in 20 answers make 4.35, shown 4,4: divided exactly, as PostgreSQL averages (a float makes 4.3499…)."""
    workshop = WorkshopPageFactory(parent=home, start=at(3, 1), end=at(3, 1) + datetime.timedelta(hours=3))
    for n, score in enumerate([5] * 7 + [4] * 13):
        SatisfactionResponse.objects.create(registration=signup(workshop, f"p{n}"), score=score)
    assert figures.participation(FIRST_HALF, NOW)["satisfaction"] == Decimal("4.35")
    (row,) = figures.workshops_table(FIRST_HALF, NOW).rows
    assert row[7] == "4,4"
