"""The journal de bord: writing, tagging, competences, filters, search, editing, deleting, exports."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from community.competences import demo as competences_demo
from community.competences.models import Competence
from community.journal import entries
from community.journal.models import EvidencedCompetence, JournalEntry
from tests.community.journal.queries import own_queries
from tests.factories import JournalEntryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def digcomp(db):
    return competences_demo.load_digcomp()


@pytest.fixture
def charge(client, users):
    client.force_login(users["charge"])
    return users["charge"]


def competence(code, slug="digcomp"):
    return Competence.objects.get(area__framework__slug=slug, code=code)


def entry_data(**changes):
    data = {
        "date": "2026-03-12",
        "title": "Atelier parentalité",
        "kind": "levier-trouve",
        "body": "Les parents sont venus **nombreux**.",
        "tags": "parentalité, e-administration",
        "visibility": "reseau",
        "competences-TOTAL_FORMS": "3",
        "competences-INITIAL_FORMS": "0",
        "competences-MIN_NUM_FORMS": "0",
        "competences-MAX_NUM_FORMS": "12",
    }
    data.update(changes)
    return data


def test_a_charge_writes_an_entry_with_tags_and_a_competence(client, home, charge, digcomp):
    collaborate = competence("2.4")
    response = client.post(
        "/journal/nouvelle/", entry_data(**{"competences-0-competence": collaborate.pk, "competences-0-level": "3"})
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get()
    assert response["Location"] == f"/journal/{entry.pk}/"
    assert entry.author == charge
    assert entry.visibility == "reseau"
    assert sorted(entry.tags.names()) == ["e-administration", "parentalité"]
    assert list(entry.evidence.values_list("competence__code", "level")) == [("2.4", 3)]
    html = client.get(response["Location"]).content.decode()
    assert "<strong>nombreux</strong>" in html
    assert "Collaborer au moyen des technologies numériques" in html


def test_a_new_entry_is_private_by_default(client, home, charge):
    assert JournalEntry().visibility == "prive"
    html = client.get("/journal/nouvelle/").content.decode()
    assert 'value="prive" required id="id_visibility_0" checked' in html or (
        'value="prive"' in html and "checked" in html.split('value="prive"')[1].split(">")[0]
    )


def test_nothing_typed_is_lost_on_a_validation_error(client, home, charge, digcomp):
    data = entry_data(
        title="",
        date="pas une date",
        body="Un long texte que je ne veux pas retaper.",
        **{"competences-0-competence": competence("1.1").pk, "competences-0-level": ""},
    )
    response = client.post("/journal/nouvelle/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Un long texte que je ne veux pas retaper." in html
    assert 'value="parentalité, e-administration"' in html
    assert "Indiquez le niveau que vous estimez avoir atteint." in html
    assert f'<option value="{competence("1.1").pk}" selected>' in html
    assert 'value="reseau"' in html and "rien de ce que vous avez écrit n" in html
    assert not JournalEntry.objects.exists()


def test_an_over_long_body_is_refused_in_french_and_nothing_is_saved(client, home, charge, digcomp):
    response = client.post("/journal/nouvelle/", entry_data(body="[" * 2_000_000))
    assert response.status_code == 400
    assert "au plus 20000 caractères" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_a_level_beyond_the_framework_is_refused(client, home, charge):
    _, charge_framework = competences_demo.load()
    data = entry_data(
        **{"competences-0-competence": competence("A1", charge_framework.slug).pk, "competences-0-level": "6"}
    )
    response = client.post("/journal/nouvelle/", data)
    assert response.status_code == 400
    assert "Ce référentiel compte 4 niveaux" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_a_competence_option_starts_with_its_own_label_under_its_area(client, home, charge, digcomp):
    # A closed select on a phone shows only the chosen option: the competence, not the framework's name.
    select = BeautifulSoup(client.get("/journal/nouvelle/").content, "html.parser").find(
        "select", attrs={"name": "competences-0-competence"}
    )
    groups = select.find_all("optgroup")
    assert len(groups) == 5 and groups[0]["label"].startswith("1. ")
    assert f"— {digcomp.name} ({digcomp.version})" in groups[0]["label"]
    first = groups[0].find("option")
    assert first.get_text() == str(competence("1.1"))
    assert first["value"] == str(competence("1.1").pk)
    codes = [option.get_text().split()[0] for option in groups[1].find_all("option")]
    assert codes == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]


def test_the_same_competence_twice_is_refused(client, home, charge, digcomp):
    pk = competence("1.1").pk
    data = entry_data(
        **{
            "competences-0-competence": pk,
            "competences-0-level": "2",
            "competences-1-competence": pk,
            "competences-1-level": "3",
        }
    )
    response = client.post("/journal/nouvelle/", data)
    assert response.status_code == 400
    assert "déjà indiquée plus haut" in response.content.decode()


def test_editing_keeps_competences_of_an_archived_version(client, home, charge, digcomp):
    from community.competences import frameworks

    entry = JournalEntryFactory(author=charge)
    old = competence("1.1")
    EvidencedCompetence.objects.create(entry=entry, competence=old, level=2)
    frameworks.new_version(digcomp, "2026-2", datetime.date(2026, 7, 1))
    data = entry_data(
        title="Modifiée",
        **{
            "competences-TOTAL_FORMS": "4",
            "competences-INITIAL_FORMS": "1",
            "competences-0-id": entry.evidence.get().pk,
            "competences-0-entry": entry.pk,
            "competences-0-competence": old.pk,
            "competences-0-level": "4",
        },
    )
    response = client.post(f"/journal/{entry.pk}/modifier/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Modifiée"
    assert list(entry.evidence.values_list("competence", "level")) == [(old.pk, 4)]


def test_removing_a_competence_from_an_entry(client, home, charge, digcomp):
    entry = JournalEntryFactory(author=charge)
    evidence = EvidencedCompetence.objects.create(entry=entry, competence=competence("1.1"), level=2)
    data = entry_data(
        **{
            "competences-TOTAL_FORMS": "1",
            "competences-INITIAL_FORMS": "1",
            "competences-0-id": evidence.pk,
            "competences-0-entry": entry.pk,
            "competences-0-competence": competence("1.1").pk,
            "competences-0-level": "2",
            "competences-0-DELETE": "on",
        }
    )
    assert client.post(f"/journal/{entry.pk}/modifier/", data).status_code == 302
    assert not entry.evidence.exists()


def titles(response):
    return [entry.title for entry in response.context["entries"]]


def test_the_list_shows_ones_own_entries_newest_first(client, home, charge):
    JournalEntryFactory(author=charge, title="Ancienne", date=datetime.date(2026, 1, 5))
    JournalEntryFactory(author=charge, title="Récente", date=datetime.date(2026, 4, 5))
    JournalEntryFactory(title="D'une autre personne", visibility="public")
    assert titles(client.get("/journal/")) == ["Récente", "Ancienne"]


def test_filters_by_kind_tag_competence_and_period(client, home, charge, digcomp):
    first = JournalEntryFactory(author=charge, title="Frein", kind="frein-leve", date=datetime.date(2026, 2, 1))
    first.tags.add("accueil")
    second = JournalEntryFactory(author=charge, title="Levier", kind="levier-trouve", date=datetime.date(2026, 5, 1))
    second.tags.add("parentalité")
    EvidencedCompetence.objects.create(entry=second, competence=competence("2.4"), level=3)
    assert titles(client.get("/journal/?type=frein-leve")) == ["Frein"]
    assert titles(client.get(f"/journal/?mot_cle={second.tags.get().slug}")) == ["Levier"]
    assert titles(client.get(f"/journal/?competence={competence('2.4').pk}")) == ["Levier"]
    assert titles(client.get("/journal/?du=2026-01-01&au=2026-03-01")) == ["Frein"]


def test_invalid_filters_are_explained_in_french_beside_the_field_and_ignored(client, home, charge):
    JournalEntryFactory(author=charge, title="Seule")
    response = client.get("/journal/?type=inconnu&du=demain&mot_cle=jamais-vu")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce type d&#x27;entrée n&#x27;existe pas." in html
    assert "Saisissez une date valide" in html
    assert "Vous n&#x27;avez aucune entrée avec ce mot-clé." in html
    assert titles(response) == ["Seule"]
    response = client.get("/journal/?du=2026-05-01&au=2026-01-01")
    assert "La fin de la période précède son début." in response.content.decode()


def test_search_finds_words_in_ones_own_entries_only(client, home, charge):
    JournalEntryFactory(author=charge, title="Café numérique", body="Les habitants ont aimé.")
    JournalEntryFactory(author=charge, title="Autre", body="Rien à voir.")
    JournalEntryFactory(title="Café numérique ailleurs", visibility="public")
    assert titles(client.get("/journal/?q=café")) == ["Café numérique"]
    assert titles(client.get("/journal/?q=habitants aimé")) == ["Café numérique"]


def test_an_author_edits_and_deletes_with_a_confirmation(client, home, charge):
    entry = JournalEntryFactory(author=charge, title="À supprimer")
    response = client.get(f"/journal/{entry.pk}/supprimer/")
    assert response.status_code == 200
    assert "À supprimer" in response.content.decode()
    assert JournalEntry.objects.filter(pk=entry.pk).exists()
    response = client.post(f"/journal/{entry.pk}/supprimer/")
    assert response.status_code == 302
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("visibility", ["reseau", "public"])
def test_nobody_else_edits_or_deletes_an_entry_they_can_read(client, home, users, visibility):
    entry = JournalEntryFactory(author=users["charge"], visibility=visibility)
    client.force_login(users["coordinator"])
    assert client.get(f"/journal/{entry.pk}/").status_code == 200
    assert client.get(f"/journal/{entry.pk}/modifier/").status_code == 403
    assert client.post(f"/journal/{entry.pk}/supprimer/").status_code == 403
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_exports_hold_ones_own_journal_in_markdown_and_json(client, home, charge, digcomp):
    mine = JournalEntryFactory(author=charge, title="Ma note privée", body="Un *secret* à moi.")
    mine.tags.add("accueil")
    EvidencedCompetence.objects.create(entry=mine, competence=competence("2.4"), level=3)
    JournalEntryFactory(title="L'entrée d'une autre", visibility="public")
    response = client.get("/journal/export.md")
    assert response["Content-Type"].startswith("text/markdown")
    assert 'filename="journal-de-bord.md"' in response["Content-Disposition"]
    text = response.content.decode()
    assert "## 2026-03-10 — Ma note privée" in text
    assert "Un *secret* à moi." in text
    assert "accueil" in text and "2.4 Collaborer" in text and "niveau 3" in text
    assert "L'entrée d'une autre" not in text
    data = json.loads(client.get("/journal/export.json").content)
    assert [entry["title"] for entry in data["entries"]] == ["Ma note privée"]
    assert data["entries"][0]["competences"][0] == {
        "framework": "digcomp",
        "version": "2.2",
        "code": "2.4",
        "title": "Collaborer au moyen des technologies numériques",
        "level": 3,
    }
    assert data["entries"][0]["tags"] == ["accueil"]


def test_the_markdown_export_does_not_escape_what_was_written(client, home, charge):
    JournalEntryFactory(author=charge, title='Guillemets "et" <chevrons>', body="a < b & c")
    text = client.get("/journal/export.md").content.decode()
    assert 'Guillemets "et" <chevrons>' in text and "a < b & c" in text


def test_the_body_goes_through_the_sanitizing_pipeline(client, home, charge):
    entry = JournalEntryFactory(author=charge, body="<script>alert(1)</script>[lien](javascript:alert(1))")
    html = client.get(f"/journal/{entry.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    assert 'href="javascript:' not in html


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 200), ("animator", 200), ("charge", 200), ("coordinator", 200)],
)
def test_the_journal_is_for_members(client, home, users, role, status):
    if users[role]:
        client.force_login(users[role])
    for path in ("/journal/", "/journal/nouvelle/", "/journal/export.md", "/journal/export.json"):
        assert client.get(path).status_code == status


def test_a_logged_in_person_without_a_role_gets_a_403(client, home):
    client.force_login(UserFactory(username="sans-role"))
    assert client.get("/journal/").status_code == 403


def test_journal_pages_are_not_cached_nor_indexed(client, home, charge):
    response = client.get("/journal/")
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def make_entries(author, count, competences_list):
    for n in range(count):
        entry = JournalEntryFactory(author=author, title=f"Entrée {n}")
        entry.tags.add(f"mot{n}", "commun")
        for level, comp in enumerate(competences_list, start=1):
            EvidencedCompetence.objects.create(entry=entry, competence=comp, level=level)


@pytest.mark.parametrize("count", [1, 15])
def test_listing_queries_do_not_grow(client, home, charge, digcomp, count):
    make_entries(charge, count, [competence("1.1"), competence("2.4")])
    # The same with one entry as with fifteen: the count, entries, their tags and competences, the filters' choices.
    assert own_queries(client, "/journal/") == 8
    assert own_queries(client, "/journal/reseau/") == 3


def test_operations_visible_entries_follow_the_rules(home, users):
    private = JournalEntryFactory(author=users["charge"], visibility="prive")
    public = JournalEntryFactory(author=users["charge"], visibility="public")
    assert set(entries.visible_entries(users["charge"])) == {private, public}
    assert set(entries.visible_entries(users["coordinator"])) == {public}
