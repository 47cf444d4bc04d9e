"""The public history of wiki pages and tool sheets: revisions, authors, and the diff between two of them."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.members import roles
from resources import history

from ..factories import (
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    WikiPageFactory,
    publish_revision,
)

pytestmark = pytest.mark.django_db

BODY = "## Contribuer\n\n1. Connectez-vous.\n2. Suivez le lien.\n3. Enregistrez."


@pytest.fixture
def page(wiki, users):
    """A wiki page written by the chargée de mission, then corrected by the contributor."""
    page = WikiPageFactory(parent=wiki, slug="bienvenue", title="Bienvenue", body=[("markdown", BODY)])
    publish_revision(page, users["charge"], summary="Ce qu'est cet espace.")
    publish_revision(
        page, users["contributor"], body=[("markdown", BODY.replace("Suivez le lien.", "Suivez « Modifier »."))]
    )
    return page


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_history_lists_revisions_newest_first_with_authors_dates_and_summaries(client, page, users):
    html = soup(client.get("/ressources/bienvenue/historique/"))

    table = html.find("table", class_="history")
    assert table.caption.get_text(strip=True)
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 5
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")
    ]
    assert [row[0] for row in rows] == ["2 en ligne", "1"]
    assert [row[2] for row in rows] == [users["contributor"].get_full_name(), users["charge"].get_full_name()]
    assert rows[1][3] == "Création · Publication"
    assert rows[0][3] == "Publication"
    assert table.tbody.find("time")["datetime"].startswith("20")
    assert "@" not in str(html)


def test_dates_are_in_french(client, page):
    revision = page.revisions.order_by("created_at").first()
    revision.created_at = revision.created_at.replace(year=2026, month=8, day=3, hour=12)
    revision.save()
    assert "3 août 2026 à " in soup(client.get("/ressources/bienvenue/historique/")).get_text()


def test_the_form_compares_two_revisions_with_labelled_selects(client, page):
    html = soup(client.get("/ressources/bienvenue/historique/"))
    form = html.find("form", class_="compare-form")
    assert form["method"] == "get"
    for name in ("de", "a"):
        select = form.find("select", attrs={"name": name})
        assert form.find("label", attrs={"for": select["id"]}).get_text(strip=True)
        assert len(select.find_all("option")) == 2
    newest, oldest = (option["value"] for option in form.find("select", attrs={"name": "a"}).find_all("option"))
    assert form.find("select", attrs={"name": "de"}).find("option", selected=True)["value"] == oldest
    assert form.find("select", attrs={"name": "a"}).find("option", selected=True)["value"] == newest


def test_diff_shows_deleted_and_inserted_lines_with_words_not_only_colour(client, page):
    older, newer = [entry.id for entry in history.revisions(page)][::-1]

    html = soup(client.get(f"/ressources/bienvenue/historique/?de={older}&a={newer}"))

    diff = html.find("section", class_="diff")
    assert diff.h3.get_text() == "Contenu"
    deleted, inserted = diff.find("del"), diff.find("ins")
    assert deleted.get_text() == "Supprimé : −2. Suivez le lien."
    assert inserted.get_text() == "Ajouté : +2. Suivez « Modifier »."
    assert "1. Connectez-vous." in diff.get_text()  # context around the change
    assert "## Contribuer" not in diff.get_text()  # beyond the context
    assert len(diff.find_all("h3")) == 1  # title and summary did not change


def test_diff_of_the_title_and_summary(client, page, users):
    publish_revision(page, users["contributor"], title="Bienvenue à la gare", summary="Tout sur cet espace.")
    newest, previous = [entry.id for entry in history.revisions(page)][:2]

    diff = soup(client.get(f"/ressources/bienvenue/historique/?de={previous}&a={newest}")).find(
        "section", class_="diff"
    )

    assert [h3.get_text() for h3 in diff.find_all("h3")] == ["Titre", "Résumé"]
    assert [tag.get_text() for tag in diff.find_all("del")] == [
        "Supprimé : −Bienvenue",
        "Supprimé : −Ce qu'est cet espace.",
    ]
    assert diff.find("ins").get_text() == "Ajouté : +Bienvenue à la gare"


def test_a_title_change_and_a_revert_are_summarised(page, users):
    first = page.revisions.order_by("created_at").first()
    publish_revision(page, users["contributor"], title="Bienvenue à la gare")
    restored = first.as_object()
    restored.save_revision(user=users["contributor"], previous_revision=first, log_action=True).publish(
        previous_revision=first
    )

    summaries = [entry.summary for entry in history.revisions(page)]

    assert summaries[1] == "Publication · titre « Bienvenue » devenu « Bienvenue à la gare »"
    assert summaries[0] == "Publication · retour à la version 1 · titre « Bienvenue à la gare » devenu « Bienvenue »"


def test_a_revision_of_another_page_is_not_found(client, page, wiki, users):
    other = WikiPageFactory(parent=wiki, slug="autre", title="Autre")
    foreign = publish_revision(other, users["contributor"], summary="Ailleurs.").id
    own = history.revisions(page)[0].id

    assert client.get(f"/ressources/bienvenue/historique/?de={foreign}&a={own}").status_code == 404
    assert client.get(f"/ressources/bienvenue/historique/?de={own}&a=999999").status_code == 404
    assert client.get(f"/ressources/autre/historique/?de={foreign}&a={foreign}").status_code == 200


@pytest.mark.parametrize("query", ["de=abc&a=1", "de=1", "a=", "de=1.5&a=2"])
def test_ids_that_are_not_integers_are_a_bad_request(client, page, query):
    assert client.get(f"/ressources/bienvenue/historique/?{query}").status_code == 400


def test_drafts_are_shown_to_editors_only(client, page, wiki, users):
    roles.grant_pages(roles.CONTRIBUTORS, wiki)
    draft_page = page.get_latest_revision_as_object()
    draft_page.summary = "Un brouillon qui n'est pas encore public."
    draft = draft_page.save_revision(user=users["contributor"])
    live = history.revisions(page)[0].id

    assert [entry.id for entry in history.revisions(page)] == [live, live - 1]
    assert client.get(f"/ressources/bienvenue/historique/?de={live}&a={draft.id}").status_code == 404

    client.force_login(users["contributor"])
    entries = history.revisions(page, users["contributor"])
    assert entries[0].id == draft.id and entries[0].summary == "Brouillon"
    response = client.get(f"/ressources/bienvenue/historique/?de={live}&a={draft.id}")
    assert "Un brouillon qui n'est pas encore public." in soup(response).find("ins").get_text()


def test_tool_sheets_have_a_history_of_their_facts_and_steps(client, home, users):
    index = ToolSheetIndexPageFactory(parent=home)
    sheet = ToolSheetPageFactory(parent=index, slug="etherpad", title="Pad", steps=[("markdown", "1. Ouvrez.")])
    publish_revision(sheet, users["charge"], tool_name="Etherpad")
    publish_revision(sheet, users["contributor"], tool_name="Framapad", steps=[("markdown", "1. Ouvrez Framapad.")])
    newest, previous = [entry.id for entry in history.revisions(sheet)]

    diff = soup(client.get(f"/outils/etherpad/historique/?de={previous}&a={newest}")).find("section", class_="diff")

    assert [h3.get_text() for h3 in diff.find_all("h3")] == ["Outil", "Pas à pas"]
    assert diff.find_all("ins")[1].get_text() == "Ajouté : +1. Ouvrez Framapad."


def test_line_diff_keeps_a_little_context():
    old = "\n".join(f"ligne {n}" for n in range(10))
    new = old.replace("ligne 5", "ligne cinq")
    (hunk,) = history.line_diff(old, new)
    assert [(line.kind, line.text) for line in hunk] == [
        ("equal", "ligne 3"),
        ("equal", "ligne 4"),
        ("delete", "ligne 5"),
        ("insert", "ligne cinq"),
        ("equal", "ligne 6"),
        ("equal", "ligne 7"),
    ]


def _count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("logged_in", [False, True])
def test_history_and_diff_queries_do_not_grow_with_revisions(
    client, page, wiki, users, django_assert_max_num_queries, logged_in
):
    if logged_in:
        roles.grant_pages(roles.CONTRIBUTORS, wiki)
        client.force_login(users["contributor"])
    url = "/ressources/bienvenue/historique/"
    ids = [entry.id for entry in history.revisions(page)]
    few_list, few_diff = _count_queries(client, url), _count_queries(client, f"{url}?de={ids[1]}&a={ids[0]}")

    for number in range(10):
        publish_revision(page, users["charge" if number % 2 else "contributor"], summary=f"Version {number}.")
    assert len(history.revisions(page)) == 12
    ids = [entry.id for entry in history.revisions(page)]

    cache.clear()
    with django_assert_max_num_queries(few_list):
        client.get(url)
    cache.clear()
    with django_assert_max_num_queries(few_diff):
        client.get(f"{url}?de={ids[-1]}&a={ids[0]}")


def test_line_ends_from_the_browser_are_not_a_change(page, users):
    """Text areas come back from the admin with CRLF line ends: no diff for the same text."""
    publish_revision(page, users["contributor"], body=[("markdown", page.body[0].value.replace("\n", "\r\n"))])
    newest, previous = [entry.id for entry in history.revisions(page)][:2]
    assert history.diff(page, previous, newest) == []


def test_a_hidden_draft_title_does_not_leak_into_the_public_summary(page, wiki, users):
    roles.grant_pages(roles.CONTRIBUTORS, wiki)
    page.title = "Titre jamais publié"
    page.save_revision(user=users["contributor"])
    publish_revision(page, users["charge"], title="Bienvenue à tous")

    public = history.revisions(page)
    assert public[0].summary == "Publication · titre « Bienvenue » devenu « Bienvenue à tous »"
    assert public[0].previous_id == public[1].id
    editor = history.revisions(page, users["contributor"])
    assert editor[1].summary == "Brouillon · titre « Bienvenue » devenu « Titre jamais publié »"
