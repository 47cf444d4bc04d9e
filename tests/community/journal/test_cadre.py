"""The half-yearly cadre de référence: counts, validated levels, public excerpts, competences to acquire, changes."""

import datetime

import pytest

from community.competences import demo as competences_demo
from community.competences import frameworks
from community.competences.models import Competence
from community.journal import cadre, profile
from community.journal.models import EvidencedCompetence
from community.members.models import MemberProfile
from tests.community.journal.queries import own_queries
from tests.factories import JournalEntryFactory, UserFactory

pytestmark = pytest.mark.django_db

FIRST_HALF = cadre.Semester(2026, 1)


@pytest.fixture
def digcomp(db):
    return competences_demo.load_digcomp()


def evidence(author, code, visibility, date, title="Entrée", body="Un texte.", framework="digcomp"):
    entry = JournalEntryFactory(author=author, visibility=visibility, date=date, title=title, body=body)
    competence = Competence.objects.filter(area__framework__slug=framework, code=code).order_by("-pk").first()
    EvidencedCompetence.objects.create(entry=entry, competence=competence, level=3)
    return entry


def line(report, code):
    return next(line for area in report.areas for line in area.competences if line.code == code)


def test_semesters():
    assert cadre.Semester.containing(datetime.date(2026, 7, 1)) == cadre.Semester(2026, 2)
    assert cadre.Semester(2026, 1).previous() == cadre.Semester(2025, 2)
    assert cadre.Semester(2026, 2).previous() == cadre.Semester(2026, 1)
    assert cadre.Semester.parse("2026-2").end == datetime.date(2026, 12, 31)
    with pytest.raises(ValueError):
        cadre.Semester.parse("2026-3")


def test_counts_entries_and_people_never_private_ones(users, digcomp):
    march = datetime.date(2026, 3, 1)
    evidence(users["charge"], "2.4", "reseau", march)
    evidence(users["charge"], "2.4", "equipe", march)
    evidence(users["animator"], "2.4", "public", march)
    evidence(users["contributor"], "2.4", "prive", march)
    evidence(users["contributor"], "2.4", "public", datetime.date(2026, 7, 1))  # next half-year
    report = cadre.build_report(digcomp, FIRST_HALF)
    assert (line(report, "2.4").entries, line(report, "2.4").people) == (3, 2)
    assert (report.entries, report.people) == (3, 2)


def test_only_public_entries_are_quoted(users, digcomp):
    MemberProfile.objects.create(user=users["animator"], display_name="Théo A.")
    march = datetime.date(2026, 3, 1)
    evidence(users["charge"], "2.4", "reseau", march, title="Réseau seulement", body="Pas pour le rapport.")
    evidence(users["animator"], "2.4", "public", march, title="Publique", body="Citable ici.")
    examples = line(cadre.build_report(digcomp, FIRST_HALF), "2.4").examples
    assert examples == [("Publique", "Théo A.", march, "Citable ici.")]


def test_competences_nobody_evidences_are_to_acquire(users, digcomp):
    evidence(users["charge"], "2.4", "reseau", datetime.date(2026, 3, 1))
    report = cadre.build_report(digcomp, FIRST_HALF)
    assert len(report.to_acquire) == 20
    assert "2.4" not in [line.code for line in report.to_acquire]


def test_distribution_of_validated_levels_keeps_each_persons_latest(users, digcomp):
    competence = Competence.objects.get(area__framework=digcomp, code="2.4")
    other = UserFactory(role="Chargés de mission")
    profile.validate(users["charge"], competence, 2, users["coordinator"])
    profile.validate(users["charge"], competence, 4, users["coordinator"])
    profile.validate(other, competence, 4, users["coordinator"])
    report = cadre.build_report(digcomp, cadre.Semester.containing(datetime.date.today()))
    assert line(report, "2.4").levels == {4: 2}


def test_changes_since_the_previous_half_year_follow_competences_across_versions(users, digcomp):
    evidence(users["charge"], "2.4", "reseau", datetime.date(2025, 10, 1))  # against version 2.2
    new = frameworks.new_version(digcomp, "2026-1", datetime.date(2026, 1, 1))
    evidence(users["charge"], "2.4", "reseau", datetime.date(2026, 2, 1))  # against the new version
    evidence(users["charge"], "2.4", "reseau", datetime.date(2026, 3, 1))
    evidence(users["charge"], "1.1", "reseau", datetime.date(2026, 3, 1))
    report = cadre.build_report(new, FIRST_HALF)
    assert (line(report, "2.4").entries, line(report, "2.4").previous_entries) == (2, 1)
    assert [line.code for line in report.newly_evidenced] == ["1.1"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 200)],
)
def test_only_coordinators_read_the_report(client, home, users, digcomp, role, status):
    if users[role]:
        client.force_login(users[role])
    assert client.get("/journal/cadre/").status_code == status
    assert client.get("/journal/cadre/?format=pdf").status_code == status


def test_html_and_pdf_report(client, home, users, digcomp):
    evidence(users["charge"], "2.4", "public", datetime.date(2026, 3, 1), title="Publique", body="Citable ici.")
    evidence(users["charge"], "2.4", "prive", datetime.date(2026, 3, 2), title="Secret", body="Zorglub-prive")
    client.force_login(users["coordinator"])
    html = client.get(f"/journal/cadre/?referentiel={digcomp.pk}&semestre=2026-1").content.decode()
    assert "Collaborer au moyen des technologies numériques" in html
    assert "Citable ici." in html
    assert "Zorglub-prive" not in html and "Secret" not in html
    assert "Compétences à acquérir" in html
    response = client.get(f"/journal/cadre/?referentiel={digcomp.pk}&semestre=2026-1&format=pdf")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="cadre-de-reference-digcomp-2026-1.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    assert b"Citable ici." in response.content
    assert b"Zorglub" not in response.content


def test_the_report_writes_counts_and_dates_as_french_does(client, home, users, digcomp):
    evidence(users["charge"], "2.4", "public", datetime.date(2026, 3, 1), body="Citable ici.")
    evidence(users["charge"], "2.4", "reseau", datetime.date(2025, 10, 1))  # the previous half-year
    evidence(users["animator"], "2.4", "reseau", datetime.date(2025, 10, 2))
    client.force_login(users["coordinator"])
    html = client.get(f"/journal/cadre/?referentiel={digcomp.pk}&semestre=2026-1").content.decode()
    assert "1 entrée partagée, par 1 personne." in html
    assert "2 entrées, 2 personnes" in html
    assert "1er mars 2026" in html


def test_a_bad_semester_is_explained_in_french(client, home, users, digcomp):
    client.force_login(users["coordinator"])
    response = client.get(f"/journal/cadre/?referentiel={digcomp.pk}&semestre=2026-3")
    assert response.status_code == 400
    assert "Saisissez un semestre sous la forme 2026-1 ou 2026-2." in response.content.decode()


@pytest.mark.parametrize("count", [1, 10])
def test_report_queries_do_not_grow(client, home, users, digcomp, count):
    for n in range(count):
        evidence(users["charge"], ["1.1", "2.4", "5.1"][n % 3], "public", datetime.date(2026, 3, 1 + n))
        profile.validate(
            users["charge"], Competence.objects.get(area__framework=digcomp, code="2.4"), 3, users["coordinator"]
        )
    client.force_login(users["coordinator"])
    url = f"/journal/cadre/?referentiel={digcomp.pk}&semestre=2026-1"
    # The same with one evidenced competence as with three and ten entries: the framework, evidence, previous
    # half-year's, validations, areas and competences are a query each.
    assert own_queries(client, url) == OWN_REPORT_QUERIES


OWN_REPORT_QUERIES = 9


@pytest.mark.parametrize("semester", ["0000-1", "2000-1", "9999-2", "0001-2"])
def test_a_semester_out_of_range_is_a_400_in_french(client, home, users, semester):
    digcomp, _ = competences_demo.load()
    client.force_login(users["coordinator"])
    response = client.get(f"/journal/cadre/?referentiel={digcomp.pk}&semestre={semester}")
    assert response.status_code == 400
    assert "Les années vont de 2001 à 2100." in response.content.decode()
