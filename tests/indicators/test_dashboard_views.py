"""The dashboard as a coordinator reads it: a period and a territory in the address, figures, tables and CSV."""

import pytest

from indicators import figures
from workshops.models import Registration

from ..factories import RegistrationFactory, WorkshopIndexPageFactory, WorkshopPageFactory
from .conftest import at


def test_the_dashboard_shows_the_figures_of_the_chosen_scope(coordinator_client, world):
    response = coordinator_client.get("/tableau-de-bord/?du=2026-01-01&au=2026-06-30&territoire=Touraine")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Du 1er janvier 2026 au 30 juin 2026 — Touraine" in html
    assert '<dt><a href="#ateliers">Ateliers tenus</a></dt><dd>2</dd>' in html
    assert '<dt><a href="#ateliers">Taux de présence</a></dt><dd>80 %' in html
    assert 'href="/tableau-de-bord/ateliers.csv?du=2026-01-01&amp;au=2026-06-30&amp;territoire=Touraine"' in html
    assert '<option value="Touraine" selected>Touraine</option>' in html


def test_without_a_choice_the_dashboard_shows_the_current_year(coordinator_client, home):
    response = coordinator_client.get("/tableau-de-bord/")
    assert response.status_code == 200
    assert "tout le réseau" in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("du=1900-01-01", "Choisissez une date entre 2000 et 2100."),
        ("au=0000-01-01", "Saisissez une date valide."),
        ("du=2026-06-01&au=2026-01-01", "La fin de la période doit suivre son début."),
        ("du=pas-une-date", "Saisissez une date valide."),
        ("territoire=Nulle+part", "Choisissez un territoire de la liste."),
    ],
)
def test_a_bad_choice_answers_400_in_french(coordinator_client, home, query, message):
    response = coordinator_client.get(f"/tableau-de-bord/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert coordinator_client.get(f"/tableau-de-bord/ateliers.csv?{query}").status_code == 400


def test_a_table_downloads_as_csv_for_french_spreadsheets(coordinator_client, home):
    index = WorkshopIndexPageFactory(parent=home)
    workshop = WorkshopPageFactory(parent=index, title='=HYPERLINK("http://evil")', start=at(3, 3))
    RegistrationFactory(workshop=workshop, attendance=Registration.Attendance.PRESENT)
    response = coordinator_client.get("/tableau-de-bord/ateliers.csv?du=2026-01-01&au=2026-06-30")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="ateliers-2026-01-01-2026-06-30.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffDate;Atelier;Commune;Places;Inscriptions;Présents;")
    assert '2026-03-03;"\'=HYPERLINK(""http://evil"")";Langeais;12;1;1;0;—;0' in text


def test_an_unknown_table_is_404(coordinator_client, home):
    assert coordinator_client.get("/tableau-de-bord/inconnu.csv").status_code == 404


def test_each_chart_is_an_svg_named_for_the_table_that_follows(coordinator_client, world):
    html = coordinator_client.get("/tableau-de-bord/?du=2026-01-01&au=2026-06-30").content.decode()
    start = html.index('aria-labelledby="etapes-graphique"')
    chart = html[start : html.index("</svg>", start)]
    assert "Graphique « Par étape des parcours » : ses données sont dans le tableau qui suit." in chart
    # Sensibilisation: 3 sign-ups, the longest bar; 2 present; Diagnostic: 2 and 2.
    assert 'class="series-0" x="230" y="30.0" width="330.0"' in chart
    assert 'class="series-1" x="230" y="52.0" width="220.0"' in chart
    assert "<script" not in chart and "style=" not in chart


def test_the_workshops_table_is_shown_a_page_at_a_time_and_its_csv_holds_them_all(
    coordinator_client, world, monkeypatch
):
    monkeypatch.setattr(figures, "WORKSHOPS_PER_PAGE", 2)
    scope = "du=2026-01-01&au=2026-06-30"

    def workshop_rows(html):
        table = html[html.index('id="ateliers"') : html.index('id="parcours"')]
        return table.count("<tr><td>")

    first = coordinator_client.get(f"/tableau-de-bord/?{scope}").content.decode()
    assert workshop_rows(first) == 2
    assert "Lignes 1 à 2 sur 3 : le CSV les donne toutes." in first
    assert f'href="?{scope.replace("&", "&amp;")}&amp;page=2#ateliers" rel="next"' in first
    assert f'href="/tableau-de-bord/ateliers.csv?{scope.replace("&", "&amp;")}"' in first
    second = coordinator_client.get(f"/tableau-de-bord/?{scope}&page=2").content.decode()
    assert workshop_rows(second) == 1
    assert "Lignes 3 à 3 sur 3" in second
    assert '<dt><a href="#ateliers">Ateliers tenus</a></dt><dd>3</dd>' in second  # the figures are the period's
    csv = coordinator_client.get(f"/tableau-de-bord/ateliers.csv?{scope}").content.decode("utf-8")
    assert len(csv.strip().splitlines()) == 1 + 3
