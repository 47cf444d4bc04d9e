"""The known data set of the indicators' tests, counted by hand, and a signed-in coordinator."""

import datetime
import zoneinfo

import pytest

from community.members.models import MemberProfile
from community.members.roles import COORDINATORS
from community.places.models import Permanence
from indicators.figures import Scope
from workshops.models import JourneyRegistration, Registration, SatisfactionResponse, Stage

from ..community.places.factories import permanence, structure
from ..factories import (
    CompetenceFactory,
    JournalEntryFactory,
    JourneyIndexPageFactory,
    JourneyPageFactory,
    RegistrationFactory,
    UserFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 6, 30, 12, tzinfo=PARIS)
FIRST_HALF = Scope(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
TOURAINE = Scope(FIRST_HALF.start, FIRST_HALF.end, "Touraine")


def at(month, day):
    return datetime.datetime(2026, month, day, 10, tzinfo=PARIS)


def signup(workshop, name, **fields):
    return RegistrationFactory(
        workshop=workshop, first_name=name, **{"email": f"{name}@example.org", "structure": "Jardins", **fields}
    )


def journey_signup(journey, structure_name, commune, participants, status=JourneyRegistration.Status.CONFIRMED):
    return JourneyRegistration.objects.create(
        journey=journey,
        structure=structure_name,
        commune=commune,
        contact_name="Une personne",
        email=f"{commune}@example.org".lower(),
        participants=participants,
        status=status,
        consent_at=NOW,
    )


@pytest.fixture
def world(home):
    """Two territories; a journey of two workshops in Touraine, a lone workshop in Limousin whose attendance was
    never taken, workshops outside the period or unpublished; mobile sessions; shared and private journal entries."""
    centre = structure(name="Centre social A", territory="Touraine", kind="centre-social")
    asso = structure(name="Asso B", territory="Limousin", kind="association")
    structure(name="Lieu privé", territory="Touraine", kind="association", is_public=False)

    journeys = JourneyIndexPageFactory(parent=home)
    journey = JourneyPageFactory(
        parent=journeys, title="DUNAR", territory="Langeais\nCinq-Mars-la-Pile\nMazières-de-Touraine\nLuynes"
    )
    first = WorkshopPageFactory(parent=journey, start=at(3, 10), structure=centre, stage=Stage.AWARENESS)
    second = WorkshopPageFactory(parent=journey, start=at(4, 12), structure=centre, stage=Stage.DIAGNOSIS)
    workshops = WorkshopIndexPageFactory(parent=home)
    lone = WorkshopPageFactory(parent=workshops, start=at(5, 5), structure=asso, commune="Limoges")
    WorkshopPageFactory(parent=workshops, start=at(7, 15), structure=centre)  # after the period
    WorkshopPageFactory(parent=workshops, start=datetime.datetime(2025, 12, 1, tzinfo=PARIS), structure=centre)
    WorkshopPageFactory(parent=workshops, start=at(2, 2), structure=centre, live=False)
    for page in workshops.get_children().specific():
        if page.start != lone.start:
            RegistrationFactory(workshop=page, email="hors-champ@example.org")

    present, absent = Registration.Attendance.PRESENT, Registration.Attendance.ABSENT
    alice = signup(first, "alice", attendance=present)
    bob = signup(first, "bob", attendance=absent, commune="Luynes")
    signup(first, "carol", status=Registration.Status.CANCELLED)
    signup(first, "dan", status=Registration.Status.WAITING)
    signup(first, "eve", status=Registration.Status.ERASED, attendance=present, email="", structure="", commune="")
    signup(second, "alice", attendance=present)  # the same person, in a second workshop of the journey
    signup(second, "fred", attendance=present, commune="Tours", structure="Repair café")
    gina = signup(lone, "gina", commune="Limoges", structure="Club de l'amitié")
    signup(lone, "hugo", commune="Limoges", structure="Club de l'amitié")
    for registration, score in [(alice, 5), (bob, 3), (gina, 4)]:
        SatisfactionResponse.objects.create(registration=registration, score=score)

    journey_signup(journey, "jardins", "Langeais", 4)  # the same association as the participants', in lower case
    journey_signup(journey, "Comité des fêtes", "Cinq-Mars-la-Pile", 6)
    journey_signup(journey, "Partis", "Luynes", 3, status=JourneyRegistration.Status.CANCELLED)

    permanence(centre, date=datetime.date(2026, 2, 1), offer=Permanence.ASSISTANCE, people_met=12, commune="Ambillou")
    permanence(centre, date=datetime.date(2026, 3, 1), offer=Permanence.ASSISTANCE, commune="Ambillou")
    permanence(asso, date=datetime.date(2026, 4, 1), offer=Permanence.TRAINING, people_met=5, commune="Aixe")
    permanence(centre, date=datetime.date(2026, 8, 1), people_met=40)
    permanence(centre, date=datetime.date(2025, 11, 1), people_met=40)

    touraine_member, limousin_member = UserFactory(), UserFactory()
    MemberProfile.objects.create(user=touraine_member, display_name="Chargée A", structure=centre)
    MemberProfile.objects.create(user=limousin_member, display_name="Chargé B", structure=asso)
    one, two, three = CompetenceFactory(), CompetenceFactory(), CompetenceFactory()
    shared = JournalEntryFactory(author=touraine_member, visibility="reseau", date=datetime.date(2026, 3, 3))
    team = JournalEntryFactory(author=limousin_member, visibility="equipe", date=datetime.date(2026, 5, 3))
    private = JournalEntryFactory(author=touraine_member, visibility="prive", date=datetime.date(2026, 3, 4))
    old = JournalEntryFactory(author=touraine_member, visibility="public", date=datetime.date(2025, 3, 4))
    for entry, competences in [(shared, [one, two]), (team, [one]), (private, [three]), (old, [three])]:
        for competence in competences:
            entry.evidence.create(competence=competence, level=2)
    return {"journey": journey, "lone": lone, "centre": centre}


@pytest.fixture
def coordinator_client(client, db):
    client.force_login(UserFactory(role=COORDINATORS))
    return client
