"""The demo places: the 19 centres sociaux of the Valenciennes document, Pays Loire Nature associations, and
mobile sessions in rural communes (one weekly series); loading twice adds nothing, and the demo exports validate."""

import pytest

from community.places import demo, opendata
from community.places.models import Permanence, PermanenceSeries, Structure

pytestmark = pytest.mark.django_db


def test_demo_places_are_loaded_once(home):
    demo.load()
    demo.load()
    assert (
        Structure.objects.filter(territory__in=["Valenciennes Métropole", "Porte du Hainaut", "Lens-Liévin"]).count()
        == 19
    )
    assert Structure.objects.filter(territory=demo.PAYS_LOIRE_NATURE).count() == len(demo.ASSOCIATIONS)
    assert Permanence.objects.filter(series__isnull=True).count() == len(demo.SESSIONS)
    # One weekly series of twelve sessions, one of them moved and one cancelled.
    (weekly,) = PermanenceSeries.objects.all()
    occurrences = list(weekly.occurrences.select_related("series"))
    assert len(occurrences) == 12
    assert [o.is_moved for o in occurrences].count(True) == 1
    assert [o.is_cancelled for o in occurrences].count(True) == 1
    dutemple = Structure.objects.get(slug="cs-dutemple")
    assert (dutemple.address, dutemple.postcode, dutemple.commune) == (
        "Place des Charbonniers",
        "59300",
        "Valenciennes",
    )
    assert dutemple.referent_email.endswith("@example.org")


def test_demo_sessions_are_past_with_people_met_or_upcoming(home):
    demo.load()
    past = Permanence.objects.past()
    assert past.exists() and all(p.people_met for p in past)
    assert (
        Permanence.objects.upcoming().filter(people_met__isnull=True).count() == Permanence.objects.upcoming().count()
    )
    assert Permanence.objects.upcoming().filter(commune="Couesmes").exists()


def test_every_demo_place_has_coordinates_and_exports_valid_rows(home):
    demo.load()
    assert not Structure.objects.filter(latitude__isnull=True).exists()
    rows = [opendata.row(s) for s in opendata.exported_structures()]
    assert len(rows) == 24
    assert all(opendata.validate(row) == [] for row in rows)
