"""An entry edited in two places at once (two tabs, two devices): merged apart, refused with both versions (409)."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from community.competences import demo as competences_demo
from community.competences.models import Competence
from community.journal.models import EvidencedCompetence, JournalEntry
from tests.factories import JournalEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(client, home, users):
    client.force_login(users["charge"])
    entry = JournalEntryFactory(
        author=users["charge"], title="Atelier parentalité", body="Les parents sont venus.", visibility="prive"
    )
    entry.tags.add("parentalité")
    return entry


def entry_form(response):
    """The entry form's data as the browser posts it (the page holds other forms: search, log out)."""
    html = response.content.decode()
    return next(data for index in range(5) if "title" in (data := querydict_from_html(html, form_index=index)))


def open_form(client, entry):
    response = client.get(f"/journal/{entry.pk}/modifier/")
    assert response.status_code == 200
    return entry_form(response)


def submit(client, entry, data, **changes):
    data = data.copy()
    for name, value in changes.items():
        data[name] = value
    return client.post(f"/journal/{entry.pk}/modifier/", data)


def test_changes_to_different_fields_are_both_kept(client, entry):
    first, second = open_form(client, entry), open_form(client, entry)
    assert submit(client, entry, first, title="Atelier parentalité du mardi").status_code == 302

    response = submit(client, entry, second, body="Les parents sont venus nombreux.", tags="parentalité, accueil")

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.body) == ("Atelier parentalité du mardi", "Les parents sont venus nombreux.")
    assert sorted(entry.tags.names()) == ["accueil", "parentalité"]


def test_tags_changed_on_one_side_only_are_kept(client, entry):
    first, second = open_form(client, entry), open_form(client, entry)
    submit(client, entry, first, tags="parentalité, numérique")

    assert submit(client, entry, second, title="Autre titre").status_code == 302
    assert sorted(JournalEntry.objects.get(pk=entry.pk).tags.names()) == ["numérique", "parentalité"]


def test_the_same_field_changed_in_both_is_refused_with_both_versions_and_the_typed_text_kept(client, entry):
    first, second = open_form(client, entry), open_form(client, entry)
    submit(client, entry, first, body="Version du premier onglet.")

    response = submit(client, entry, second, body="Version du second onglet.")

    assert response.status_code == 409
    html = response.content.decode()
    assert "Version enregistrée entre-temps : « Version du premier onglet. »" in html
    assert "Votre version : « Version du second onglet. »" in html
    assert "Version du second onglet.</textarea>" in html
    assert JournalEntry.objects.get(pk=entry.pk).body == "Version du premier onglet."


def test_submitting_again_after_the_conflict_saves(client, entry):
    first, second = open_form(client, entry), open_form(client, entry)
    submit(client, entry, first, body="Version du premier onglet.")
    refused = submit(client, entry, second, body="Les deux versions, réconciliées.")

    response = client.post(f"/journal/{entry.pk}/modifier/", entry_form(refused))

    assert response.status_code == 302
    assert JournalEntry.objects.get(pk=entry.pk).body == "Les deux versions, réconciliées."


def test_competences_added_elsewhere_are_kept_when_left_alone_here(client, entry):
    competences_demo.load_digcomp()
    first, second = open_form(client, entry), open_form(client, entry)
    collaborate = Competence.objects.get(area__framework__slug="digcomp", code="2.4")
    assert (
        submit(client, entry, first, **{"competences-0-competence": collaborate.pk, "competences-0-level": "3"})
    ).status_code == 302

    assert submit(client, entry, second, title="Modifiée ailleurs").status_code == 302

    assert list(EvidencedCompetence.objects.filter(entry=entry).values_list("competence", "level")) == [
        (collaborate.pk, 3)
    ]
    assert JournalEntry.objects.get(pk=entry.pk).title == "Modifiée ailleurs"


def test_competences_changed_in_both_are_refused(client, entry):
    competences_demo.load_digcomp()
    first, second = open_form(client, entry), open_form(client, entry)
    collaborate = Competence.objects.get(area__framework__slug="digcomp", code="2.4")
    submit(client, entry, first, **{"competences-0-competence": collaborate.pk, "competences-0-level": "3"})

    response = submit(client, entry, second, **{"competences-0-competence": collaborate.pk, "competences-0-level": "5"})

    assert response.status_code == 409
    assert "Compétences mises en évidence" in response.content.decode()
    assert list(EvidencedCompetence.objects.filter(entry=entry).values_list("level", flat=True)) == [3]


def test_paragraphs_of_the_body_changed_apart_are_both_kept(client, entry):
    text = "Les parents sont venus.\r\n\r\nIls ont posé des questions.\r\n\r\nOn reviendra."
    submit(client, entry, open_form(client, entry), body=text)
    first, second = open_form(client, entry), open_form(client, entry)
    submit(client, entry, first, body=text.replace("Les parents", "Douze parents"))

    response = submit(client, entry, second, body=text.replace("On reviendra.", "On reviendra en mai."))

    assert response.status_code == 302
    assert JournalEntry.objects.get(pk=entry.pk).body.replace("\r\n", "\n") == (
        "Douze parents sont venus.\n\nIls ont posé des questions.\n\nOn reviendra en mai."
    )


def test_what_was_changed_elsewhere_survives_the_reconciled_resubmission(client, entry):
    first, second = open_form(client, entry), open_form(client, entry)
    submit(client, entry, first, title="Titre changé ailleurs", body="Version du premier onglet.")
    refused = submit(client, entry, second, body="Les deux, réconciliées.")
    assert refused.status_code == 409

    response = client.post(f"/journal/{entry.pk}/modifier/", entry_form(refused))

    assert response.status_code == 302
    saved = JournalEntry.objects.get(pk=entry.pk)
    assert (saved.title, saved.body) == ("Titre changé ailleurs", "Les deux, réconciliées.")
