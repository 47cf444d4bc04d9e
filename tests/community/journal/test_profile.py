"""The competence profile: evidence per competence as the viewer may see it, and coordinators' validations."""

import datetime

import pytest

from community.competences import demo as competences_demo
from community.competences.models import Competence, CompetenceValidation
from community.journal import profile
from community.journal.models import EvidencedCompetence
from community.members.models import MemberProfile
from tests.community.journal.queries import own_queries
from tests.factories import JournalEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def digcomp(db):
    return competences_demo.load_digcomp()


def competence(code):
    return Competence.objects.get(area__framework__slug="digcomp", code=code)


def evidence(author, code, level, visibility="reseau", title=None, date=datetime.date(2026, 3, 1)):
    entry = JournalEntryFactory(author=author, visibility=visibility, date=date, **({"title": title} if title else {}))
    EvidencedCompetence.objects.create(entry=entry, competence=competence(code), level=level)
    return entry


def test_the_profile_gathers_entries_latest_and_highest_level(home, users, digcomp):
    charge = users["charge"]
    evidence(charge, "2.4", 2, title="Première", date=datetime.date(2026, 1, 10))
    evidence(charge, "2.4", 4, title="Meilleure", date=datetime.date(2026, 2, 10))
    evidence(charge, "2.4", 3, title="Dernière", date=datetime.date(2026, 3, 10))
    evidence(charge, "1.1", 1)
    rows = {row.competence.code: row for row in profile.profile(charge, charge)}
    assert set(rows) == {"1.1", "2.4"}
    assert len(rows["2.4"].evidence) == 3
    assert rows["2.4"].latest.title == "Dernière"
    assert rows["2.4"].highest_level == 4


def test_the_owner_counts_private_entries_a_coordinator_does_not(home, users, digcomp):
    charge = users["charge"]
    evidence(charge, "2.4", 5, visibility="prive", title="Note privée")
    evidence(charge, "2.4", 2, visibility="reseau", title="Note partagée")
    own = {row.competence.code: row for row in profile.profile(charge, charge)}
    assert own["2.4"].highest_level == 5
    seen = {row.competence.code: row for row in profile.profile(charge, users["coordinator"])}
    assert seen["2.4"].highest_level == 2
    assert [entry.title for entry in seen["2.4"].entries] == ["Note partagée"]


def test_own_profile_page(client, home, users, digcomp):
    evidence(users["charge"], "2.4", 3, visibility="prive", title="Ma note")
    client.force_login(users["charge"])
    html = client.get("/journal/profil/").content.decode()
    assert "Collaborer au moyen des technologies numériques" in html
    assert "Ma note" in html
    assert "pas encore validé" in html
    assert "Valider ce niveau" not in html


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 302), ("coordinator", 200)],
)
def test_only_coordinators_see_someone_elses_profile(client, home, users, digcomp, role, status):
    if users[role]:
        client.force_login(users[role])
    # The charge looking at their own profile by name is sent to /journal/profil/.
    assert client.get("/journal/profil/charge/").status_code == status
    assert client.get("/journal/profils/").status_code == (
        200 if role == "coordinator" else 302 if role == "anonymous" else 403
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 302)],
)
def test_only_coordinators_validate(client, home, users, digcomp, role, status):
    member = users["animator"] if role == "charge" else users["charge"]
    if users[role]:
        client.force_login(users[role])
    data = {"competence": competence("2.4").pk, "level": "3", "comment": "Vu en atelier."}
    assert client.post(f"/journal/profil/{member.username}/valider/", data).status_code == status
    assert CompetenceValidation.objects.exists() == (role == "coordinator")


def test_a_coordinator_validates_from_the_profile_and_it_shows_who_when_and_why(client, home, users, digcomp):
    evidence(users["charge"], "2.4", 3)
    MemberProfile.objects.create(user=users["coordinator"], display_name="Inès Coordination", role="coordinateur")
    client.force_login(users["coordinator"])
    html = client.get("/journal/profil/charge/").content.decode()
    assert "Valider ce niveau" in html
    data = {"competence": competence("2.4").pk, "level": "3", "comment": "Atelier du 12 mars très réussi."}
    response = client.post("/journal/profil/charge/valider/", data)
    assert response.status_code == 302
    assert response["Location"] == "/journal/profil/charge/"
    validation = CompetenceValidation.objects.get()
    assert (validation.member, validation.level, validation.validated_by) == (users["charge"], 3, users["coordinator"])
    client.force_login(users["charge"])
    html = client.get("/journal/profil/").content.decode()
    assert "par Inès Coordination" in html
    assert "Atelier du 12 mars très réussi." in html


def test_the_latest_validation_counts(home, users, digcomp):
    evidence(users["charge"], "2.4", 3)
    profile.validate(users["charge"], competence("2.4"), 2, users["coordinator"])
    profile.validate(users["charge"], competence("2.4"), 4, users["coordinator"])
    (row,) = profile.profile(users["charge"], users["charge"])
    assert row.validation.level == 4


def test_bad_validations_are_refused_in_french(client, home, users, digcomp):
    client.force_login(users["coordinator"])
    response = client.post("/journal/profil/charge/valider/", {"competence": competence("2.4").pk, "level": "12"})
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in response.content.decode()
    _, charge_framework = competences_demo.load()
    a1 = Competence.objects.get(area__framework=charge_framework, code="A1")
    response = client.post("/journal/profil/charge/valider/", {"competence": a1.pk, "level": "6"})
    assert response.status_code == 400
    assert "Ce référentiel compte 4 niveaux." in response.content.decode()
    assert not CompetenceValidation.objects.exists()


def test_a_refused_validation_leads_to_the_rows_own_field(client, home, users, digcomp):
    evidence(users["charge"], "2.4", 3)
    client.force_login(users["coordinator"])
    row = competence("2.4").pk
    html = client.post("/journal/profil/charge/valider/", {"competence": row, "level": "12"}).content.decode()
    assert "<title>Erreur : " in html
    assert f'<a href="#level-{row}">Niveau validé : Sélectionnez un choix valide' in html
    assert f'<select name="level" id="level-{row}">' in html


def test_a_coordinator_does_not_validate_themself(client, home, users, digcomp):
    client.force_login(users["coordinator"])
    response = client.post("/journal/profil/coordinator/valider/", {"competence": competence("2.4").pk, "level": "2"})
    assert response.status_code == 403
    assert not CompetenceValidation.objects.exists()


@pytest.mark.parametrize("count", [1, 12])
def test_profile_queries_do_not_grow(client, home, users, digcomp, count):
    for n in range(count):
        evidence(
            users["charge"], ["1.1", "2.4", "3.1"][n % 3], 2, date=datetime.date(2026, 1, 1) + datetime.timedelta(n)
        )
        profile.validate(users["charge"], competence("2.4"), 2, users["coordinator"], "ok")
    client.force_login(users["coordinator"])
    # As many queries with one competence row as with three, and a dozen entries and validations.
    assert own_queries(client, "/journal/profil/charge/") == OWN_PROFILE_QUERIES


OWN_PROFILE_QUERIES = 10
