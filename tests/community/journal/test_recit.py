"""The récit collectif: a coordinator compiles the entries shared in two months into a draft, edits, publishes."""

import datetime

import pytest

from community.journal import recit
from community.journal.models import RecitIndexPage, RecitPage
from community.members import roles
from community.members.models import MemberProfile
from tests.factories import JournalEntryFactory

pytestmark = pytest.mark.django_db

MARCH_APRIL = recit.Period.two_months_from(2026, 3)


@pytest.fixture
def index(home):
    page = RecitIndexPage(title="Récits collectifs", slug="recits")
    home.add_child(instance=page)
    page.save_revision().publish()
    roles.grant_pages(roles.COORDINATORS, home, roles.MANAGE_PAGES)
    return page


@pytest.fixture
def entries(users):
    MemberProfile.objects.create(user=users["charge"], display_name="Nadia B.")
    make = JournalEntryFactory
    return {
        "change": make(author=users["charge"], title="Agenda partagé", kind="changement-engage", visibility="reseau",
                       date=datetime.date(2026, 3, 5), body="Nous avons **changé** l'accueil."),
        "lever": make(author=users["charge"], title="Atelier à 16 h 30", kind="levier-trouve", visibility="public",
                      date=datetime.date(2026, 4, 30)),
        "obstacle": make(author=users["animator"], title="Wifi réparé", kind="frein-leve", visibility="reseau",
                         date=datetime.date(2026, 4, 2)),
        "private": make(author=users["charge"], title="Note privée", kind="frein-leve", visibility="prive",
                        date=datetime.date(2026, 3, 10)),
        "team": make(author=users["charge"], title="Note d'équipe", kind="frein-leve", visibility="equipe",
                     date=datetime.date(2026, 3, 11)),
        "before": make(author=users["charge"], title="Trop tôt", kind="frein-leve", visibility="reseau",
                       date=datetime.date(2026, 2, 28)),
        "after": make(author=users["charge"], title="Trop tard", kind="frein-leve", visibility="reseau",
                      date=datetime.date(2026, 5, 1)),
    }  # fmt: skip


def excerpt_titles(page):
    return {block.value["heading"]: [e["title"] for e in block.value["excerpts"]] for block in page.sections}


def test_a_period_is_two_whole_months():
    assert recit.Period(datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)) == MARCH_APRIL
    december = recit.Period.two_months_from(2026, 12)
    assert december.end == datetime.date(2027, 1, 31)


def test_compile_gathers_shared_entries_of_the_period_grouped_by_kind(index, entries, users):
    page = recit.compile_recit(MARCH_APRIL, users["coordinator"])
    assert not page.live
    assert page.get_parent().specific == index
    assert excerpt_titles(page) == {
        "Les changements engagés": ["Agenda partagé"],
        "Les freins levés": ["Wifi réparé"],
        "Les leviers trouvés": ["Atelier à 16 h 30"],
    }
    first = page.sections[0].value["excerpts"][0]
    assert first["author"] == "Nadia B."
    assert first["entry_id"] == entries["change"].pk


def test_private_and_team_entries_never_reach_a_recit(index, entries, users):
    page = recit.compile_recit(MARCH_APRIL, users["coordinator"])
    text = str(list(page.sections.raw_data))
    assert "Note privée" not in text and "Note d'équipe" not in text


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 302)],
)
def test_only_coordinators_compile(client, index, entries, users, role, status):
    if users[role]:
        client.force_login(users[role])
    response = client.post("/journal/recit/", {"debut": "2026-03"})
    assert response.status_code == status
    assert RecitPage.objects.exists() == (role == "coordinator")


def test_the_coordinator_lands_in_the_editor_then_publishes_under_recits(client, index, entries, users):
    client.force_login(users["coordinator"])
    assert client.get("/journal/recit/").status_code == 200
    response = client.post("/journal/recit/", {"debut": "2026-03"})
    page = RecitPage.objects.get()
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/recits/recit-2026-03-2026-04/").status_code == 404  # a draft is not public yet
    page.save_revision(user=users["coordinator"]).publish()
    client.logout()
    html = client.get("/recits/recit-2026-03-2026-04/").content.decode()
    assert "Récit collectif" in html
    assert "Les changements engagés" in html
    assert "<strong>changé</strong>" in html
    assert "Nadia B." in html
    assert "/recits/recit-2026-03-2026-04/" in client.get("/recits/").content.decode()


def test_an_excerpt_leaves_the_published_recit_when_its_author_makes_the_entry_private(client, index, entries, users):
    page = recit.compile_recit(MARCH_APRIL, users["coordinator"])
    page.save_revision().publish()
    assert "Agenda partagé" in client.get(page.url).content.decode()
    entries["change"].visibility = "prive"
    entries["change"].save()
    html = client.get(page.url).content.decode()
    assert "Agenda partagé" not in html
    assert "Wifi réparé" in html


def test_a_bad_period_is_refused_in_french(client, index, users):
    client.force_login(users["coordinator"])
    response = client.post("/journal/recit/", {"debut": "mars"})
    assert response.status_code == 400
    assert "Saisissez un mois sous la forme 2026-03." in response.content.decode()
    assert not RecitPage.objects.exists()


def test_without_a_recits_page_the_coordinator_is_told(client, home, users):
    client.force_login(users["coordinator"])
    response = client.post("/journal/recit/", {"debut": "2026-03"})
    assert response.status_code == 409
    assert "Récits collectifs" in response.content.decode()


def test_compiling_twice_makes_two_drafts_with_distinct_addresses(index, entries, users):
    first = recit.compile_recit(MARCH_APRIL, users["coordinator"])
    second = recit.compile_recit(MARCH_APRIL, users["coordinator"])
    assert first.slug != second.slug


def test_the_demo_has_a_recits_page_and_a_journal_to_compile(demo_site, users):
    from django.contrib.auth import get_user_model

    chargee = get_user_model().objects.get(username="chargee")
    assert chargee.journal_entries.filter(visibility="prive").exists()
    start = datetime.date.today() - datetime.timedelta(days=40)
    page = recit.compile_recit(recit.Period.two_months_from(start.year, start.month))
    titles = [title for section in excerpt_titles(page).values() for title in section]
    assert "Un agenda partagé pour l'accueil" in titles
    assert "Peur de mal faire devant la direction" not in titles


def test_the_demo_accounts_have_profiles_with_structures(demo_site):
    profile = MemberProfile.objects.select_related("structure").get(user__username="chargee")
    assert profile.structure is not None
    assert profile.display_name == "Nadia Benali"


@pytest.mark.parametrize("month", ["0000-01", "1999-12", "9999-12", "2100-12"])
def test_a_month_out_of_range_is_a_400_in_french(client, home, users, month):
    client.force_login(users["coordinator"])
    response = client.post("/journal/recit/", {"debut": month})
    assert response.status_code == 400
    assert "Choisissez un mois entre 2000-01 et 2100-11." in response.content.decode()
    assert not RecitPage.objects.exists()
