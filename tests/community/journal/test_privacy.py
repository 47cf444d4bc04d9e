"""Private journal entries are read by their author alone: not by another chargé, a coordinator, an administrator
or a visitor — in no list, detail, network view, profile, search, feed or export. Shared entries reach exactly the
people their visibility names."""

import pytest

from community.competences import demo as competences_demo
from community.competences.models import Competence
from community.journal.models import EvidencedCompetence, JournalEntry
from community.members.models import MemberProfile
from tests.community.places.factories import structure
from tests.factories import JournalEntryFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Zéphyrin-confidentiel"
VIEWERS = ["anonymous", "other_charge", "contributor", "animator", "coordinator", "superuser"]


@pytest.fixture
def people(users):
    centre = structure(name="Centre social de l'Arbrisseau")
    other_charge = UserFactory(username="autre-charge", role="Chargés de mission")
    superuser = UserFactory(username="racine", is_superuser=True, is_staff=True)
    # Same structure: a team entry would reach the other chargé, a private one never.
    for user in (users["charge"], other_charge, users["coordinator"]):
        MemberProfile.objects.create(user=user, display_name=user.username, structure=centre)
    return {**users, "other_charge": other_charge, "superuser": superuser}


@pytest.fixture
def secret_entry(home, people):
    competences_demo.load_digcomp()
    entry = JournalEntryFactory(author=people["charge"], title=f"{SECRET} titre", body=f"{SECRET} texte")
    entry.tags.add(f"{SECRET}-mot")
    competence = Competence.objects.get(area__framework__slug="digcomp", code="2.4")
    EvidencedCompetence.objects.create(entry=entry, competence=competence, level=7)
    return entry


def login(client, people, viewer):
    if people[viewer]:
        client.force_login(people[viewer])


@pytest.mark.parametrize("viewer", VIEWERS)
def test_someone_elses_private_entry_is_a_404(client, people, secret_entry, viewer):
    login(client, people, viewer)
    for path in (f"/journal/{secret_entry.pk}/", f"/journal/{secret_entry.pk}/modifier/"):
        response = client.get(path)
        assert response.status_code in ((302,) if viewer == "anonymous" and "modifier" in path else (404,))
        assert SECRET not in response.content.decode()
    response = client.post(f"/journal/{secret_entry.pk}/supprimer/")
    assert response.status_code == (302 if viewer == "anonymous" else 404)  # anonymous: sent to log in first
    assert JournalEntry.objects.filter(pk=secret_entry.pk).exists()


PLACES = [
    "/journal/",
    "/journal/reseau/",
    "/journal/export.md",
    "/journal/export.json",
    "/journal/profil/",
    "/journal/profil/charge/",
    "/journal/profils/",
    "/recherche/?q=texte",  # a word of the entry (the search page repeats the query itself)
    "/recherche/?q=titre",
    "/ressources/flux.atom",
    "/ressources/flux.rss",
    "/competences/digcomp/2.2/2.4/",
    "/sitemap.xml",
    # The admin's tag autocomplete, shared by the wiki, tool sheets and workshops, and per tag model.
    f"/admin/tag-autocomplete/?term={SECRET[:4]}",
    f"/admin/tag-autocomplete/journal/journaltag/?term={SECRET[:4]}",
]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_a_private_entry_appears_nowhere_for_anyone_else(client, people, secret_entry, viewer):
    login(client, people, viewer)
    for path in PLACES:
        response = client.get(path, follow=True)
        assert SECRET not in response.content.decode(), path


def test_the_author_does_see_it_everywhere_of_their_own(client, people, secret_entry):
    client.force_login(people["charge"])
    for path in ("/journal/", f"/journal/{secret_entry.pk}/", "/journal/export.md", "/journal/export.json"):
        assert SECRET in client.get(path).content.decode(), path
    assert "Collaborer au moyen" in client.get("/journal/profil/").content.decode()
    assert SECRET not in client.get("/journal/reseau/").content.decode()  # the network view shows shared entries


def test_a_coordinator_sees_no_evidence_from_private_entries(client, people, secret_entry):
    client.force_login(people["coordinator"])
    html = client.get("/journal/profil/charge/").content.decode()
    assert "Collaborer au moyen" not in html
    assert "Aucune compétence mise en évidence" in html


def test_journal_entries_are_not_in_the_admin(client, people, secret_entry):
    client.force_login(people["superuser"])
    assert client.get("/admin/snippets/journal/journalentry/").status_code == 404


# Who reads a shared entry: (visibility, viewer) -> readable?
READS = {
    "equipe": {"anonymous": False, "other_charge": True, "coordinator": True, "stranger": False, "contributor": False},
    "reseau": {"anonymous": False, "other_charge": True, "coordinator": True, "stranger": True, "contributor": True},
    "public": {"anonymous": True, "other_charge": True, "coordinator": True, "stranger": True, "contributor": True},
}


@pytest.mark.parametrize(
    ("visibility", "viewer", "readable"), [(v, w, r) for v, row in READS.items() for w, r in row.items()]
)
def test_shared_entries_reach_exactly_whom_their_visibility_names(client, home, people, visibility, viewer, readable):
    stranger = UserFactory(username="ailleurs", role="Chargés de mission")
    MemberProfile.objects.create(user=stranger, display_name="Ailleurs", structure=structure(name="Autre centre"))
    people = {**people, "stranger": stranger}
    entry = JournalEntryFactory(author=people["charge"], title=f"Partagée {visibility}", visibility=visibility)
    login(client, people, viewer)
    assert client.get(f"/journal/{entry.pk}/").status_code == (200 if readable else 404)
    assert (entry.title in client.get("/journal/reseau/").content.decode()) == readable
