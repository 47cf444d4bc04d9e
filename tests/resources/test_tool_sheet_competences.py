"""A tool sheet names the competences it exercises, linked to their page; the competence page lists the sheet."""

import pytest

from tests.factories import CompetenceFactory, ToolSheetIndexPageFactory, ToolSheetPageFactory

pytestmark = pytest.mark.django_db


def test_the_sheet_and_the_competence_link_each_other(client, home):
    competence = CompetenceFactory(code="2.4", title="Collaborer au moyen des technologies numériques")
    sheet = ToolSheetPageFactory(parent=ToolSheetIndexPageFactory(parent=home), title="Écrire à plusieurs")
    sheet.competences.add(competence)
    sheet.save_revision().publish()

    html = client.get(sheet.url).content.decode()
    assert "Compétences exercées" in html
    assert f'<a href="{competence.get_absolute_url()}">2.4 Collaborer au moyen des technologies numériques</a>' in html
    assert sheet.title in client.get(competence.get_absolute_url()).content.decode()


def test_a_sheet_without_competences_says_nothing_of_them(client, home):
    sheet = ToolSheetPageFactory(parent=ToolSheetIndexPageFactory(parent=home))
    assert "Compétences exercées" not in client.get(sheet.url).content.decode()
