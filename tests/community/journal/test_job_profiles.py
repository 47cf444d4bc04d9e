"""The yearly job profile note: per role, the competences most evidenced and validated, compiled as a draft page
that a coordinator edits and publishes; and the coordinators' dashboard that leads to it."""

import datetime
from html import escape

import pytest

from community.competences.models import CompetenceValidation
from community.journal import job_profiles
from community.journal.models import EvidencedCompetence, JobProfileIndexPage, JobProfilePage
from community.members.models import MemberProfile, Role
from tests.factories import PASSWORD, CompetenceFactory, JournalEntryFactory, UserFactory

pytestmark = pytest.mark.django_db

# Validations are dated when they are made: the note of this year sees them.
YEAR = datetime.date.today().year


@pytest.fixture
def competences(db):
    return {code: CompetenceFactory(code=code, title=f"Compétence {code}") for code in ("A1", "A2", "B1", "B2")}


def member(username, role):
    user = UserFactory(username=username, role="Chargés de mission")
    MemberProfile.objects.create(user=user, display_name=username.title(), role=role)
    return user


@pytest.fixture
def innovators(db):
    return [member(f"innovation{n}", Role.INNOVATION) for n in range(3)]


def evidence(author, competence, *, visibility="reseau", day=datetime.date(YEAR, 3, 1)):
    entry = JournalEntryFactory(author=author, visibility=visibility, date=day)
    EvidencedCompetence.objects.create(entry=entry, competence=competence, level=3)


def validate(member, competence, level, coordinator):
    return CompetenceValidation.objects.create(
        member=member, competence=competence, level=level, validated_by=coordinator
    )


def codes(lines):
    return [line.competence.code for line in lines]


def test_competences_rank_by_people_then_validations_then_entries(competences, innovators):
    first, second, third = innovators
    for person in innovators:
        evidence(person, competences["A1"])
    evidence(first, competences["A2"])
    evidence(second, competences["A2"])
    evidence(first, competences["B1"])
    evidence(first, competences["B1"])
    evidence(third, competences["B2"])
    coordinator = UserFactory(username="coord", role="Coordinateurs")
    validate(third, competences["B2"], 4, coordinator)

    lines = job_profiles.role_competences(Role.INNOVATION, YEAR)

    assert codes(lines) == ["A1", "A2", "B2", "B1"]
    a1 = lines[0]
    assert (len(a1.people), len(a1.entries)) == (3, 3)


def test_private_entries_other_roles_and_other_years_do_not_count(competences, innovators):
    evidence(innovators[0], competences["A1"], visibility="prive")
    evidence(innovators[0], competences["A2"], day=datetime.date(YEAR - 1, 12, 31))
    animator = member("animation", Role.ANIMATION)
    evidence(animator, competences["B1"])
    evidence(innovators[1], competences["B2"], visibility="equipe")

    assert codes(job_profiles.role_competences(Role.INNOVATION, YEAR)) == ["B2"]
    assert codes(job_profiles.role_competences(Role.ANIMATION, YEAR)) == ["B1"]


def test_each_person_counts_with_their_latest_validation(competences, innovators):
    coordinator = UserFactory(username="coord", role="Coordinateurs")
    validate(innovators[0], competences["A1"], 2, coordinator)
    validate(innovators[0], competences["A1"], 5, coordinator)

    (line,) = job_profiles.role_competences(Role.INNOVATION, YEAR)
    assert line.validated == {innovators[0].pk: 5}


def test_the_ranking_costs_the_same_queries_whatever_the_entries(
    competences, innovators, django_assert_max_num_queries
):
    evidence(innovators[0], competences["A1"])
    with django_assert_max_num_queries(10) as few:
        job_profiles.role_competences(Role.INNOVATION, YEAR)
    for n, competence in enumerate(list(competences.values()) * 5):
        evidence(innovators[n % 3], competence)
    with django_assert_max_num_queries(len(few.captured_queries)):
        job_profiles.role_competences(Role.INNOVATION, YEAR)


@pytest.fixture
def index(home):
    index = JobProfileIndexPage(title="Référentiels métiers", slug="referentiels-metiers")
    home.add_child(instance=index)
    return index


def test_compiling_makes_a_draft_with_one_block_per_competence(index, competences, innovators):
    evidence(innovators[0], competences["A1"])
    evidence(innovators[1], competences["A1"])

    page = job_profiles.compile_job_profile(Role.INNOVATION, YEAR)

    assert not page.live and page.get_parent().pk == index.pk
    assert page.title == f"Référentiel métier : Chargé·e d'innovation numérique ({YEAR})"
    (block,) = page.competences
    assert (block.value["code"], block.value["people"], block.value["entries"]) == ("A1", 2, 2)
    assert "3 membres de ce rôle" in page.intro
    # A second draft for the same year gets its own address.
    assert job_profiles.compile_job_profile(Role.INNOVATION, YEAR).slug != page.slug


def test_the_published_note_shows_its_competences(client, index, competences, innovators):
    evidence(innovators[0], competences["B1"])
    page = job_profiles.compile_job_profile(Role.INNOVATION, YEAR)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "B1 Compétence B1" in html
    assert "<dt>Personnes qui l'attestent</dt><dd>1</dd>" in html
    assert escape(page.title) in client.get(index.url).content.decode()


# --- The coordinators' pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 200)],
)
@pytest.mark.parametrize("path", ["/tableau-de-bord/", "/tableau-de-bord/referentiels-metiers/"])
def test_only_coordinators_reach_the_dashboard(client, users, role, status, path):
    if users[role]:
        client.login(username=role, password=PASSWORD)
    response = client.get(path)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/compte/login/")


@pytest.mark.parametrize("role", ["anonymous", "contributor", "animator", "charge"])
def test_nobody_else_can_compile(client, users, index, role):
    if users[role]:
        client.login(username=role, password=PASSWORD)
    client.post("/tableau-de-bord/referentiels-metiers/", {"role": Role.INNOVATION, "year": YEAR})
    assert not JobProfilePage.objects.exists()


def test_a_coordinator_compiles_and_lands_in_the_editor(client, users, index, competences, innovators):
    evidence(innovators[0], competences["A1"])
    client.login(username="coordinator", password=PASSWORD)
    response = client.post("/tableau-de-bord/referentiels-metiers/", {"role": Role.INNOVATION, "year": YEAR})
    page = JobProfilePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"


def test_a_wrong_role_or_year_is_explained_beside_its_field(client, users, index):
    client.login(username="coordinator", password=PASSWORD)
    response = client.post("/tableau-de-bord/referentiels-metiers/", {"role": Role.COORDINATOR, "year": "3000"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choisissez l&#x27;un des rôles de la liste." in html
    assert "L&#x27;année ne peut pas être à venir." in html
    assert not JobProfilePage.objects.exists()


def test_without_the_index_page_the_coordinator_is_told_why(client, users, home):
    client.login(username="coordinator", password=PASSWORD)
    response = client.post("/tableau-de-bord/referentiels-metiers/", {"role": Role.INNOVATION, "year": YEAR})
    assert response.status_code == 409
    assert "Référentiels métiers" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("contributor", {"Mon journal"}),
        ("animator", {"Mon journal"}),
        ("charge", {"Mon journal"}),
        ("coordinator", {"Mon journal", "Tableau de bord"}),
    ],
)
def test_the_header_leads_members_to_their_journal_and_coordinators_to_the_dashboard(client, home, users, role, links):
    client.login(username=role, password=PASSWORD)
    html = client.get("/").content.decode()
    shown = {label for label in ("Mon journal", "Tableau de bord") if f">{label}</a>" in html}
    assert shown == links


def test_visitors_see_no_member_links(client, home):
    html = client.get("/").content.decode()
    assert ">Mon journal</a>" not in html and ">Tableau de bord</a>" not in html
