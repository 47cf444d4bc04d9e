"""The steering committee's pack: a quarter's figures beside the year's, for a territory, in one PDF."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from indicators import pack
from indicators.pack import Quarter

from .conftest import NOW


def text_of(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2026-T1", datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        ("2026-t2", datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        ("2024-T3", datetime.date(2024, 7, 1), datetime.date(2024, 9, 30)),
        ("2026-T4", datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),
    ],
)
def test_a_quarter_is_read_from_its_name(text, start, end):
    quarter = Quarter.parse(text)
    assert (quarter.start, quarter.end, str(quarter)) == (start, end, text.upper())


@pytest.mark.parametrize("text", ["2026-T5", "2026-T0", "1999-T4", "2101-T1", "T2-2026", "", "2026"])
def test_a_quarter_out_of_shape_is_refused(text):
    with pytest.raises(ValueError):
        Quarter.parse(text)


def test_the_pack_puts_the_quarter_beside_the_year(world):
    text = text_of(pack.committee_pack(Quarter(2026, 2), "Touraine", now=NOW))
    assert "Comité de pilotage — Touraine — 2e trimestre 2026" in text
    assert "Du 01/04/2026 au 30/06/2026" in text
    assert "Page 1 sur 1" in text
    # (indicator, the quarter: the second workshop of DUNAR only, the year: both), counted by hand.
    expected = [
        ("Communes touchées", "3", "4"),
        ("Associations touchées", "3", "3"),
        ("Ateliers tenus", "1", "2"),
        ("Inscriptions", "2", "5"),
        ("Personnes différentes", "2", "4"),
        ("Présents", "2", "4"),
        ("Taux de présence", "100 %", "80 %"),
        ("En liste d'attente", "0", "1"),
        ("Satisfaction moyenne (sur 5)", "— (0)", "4,0 (2)"),
        ("Permanences : Assistance (démarches, dépannage)", "0", "2"),
        ("Personnes rencontrées en permanence", "0", "12"),
        ("Structures relais", "1", "1"),
        ("Entrées partagées du journal de bord", "0", "1"),
    ]
    for line in expected:
        assert "\n".join(line) in text, line
    assert "DUNAR" in text.split("Les parcours du trimestre")[1]


def test_a_coordinator_downloads_the_pack(coordinator_client, world):
    response = coordinator_client.get("/tableau-de-bord/comite-de-pilotage.pdf?trimestre=2026-T2&territoire=Touraine")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="comite-de-pilotage-touraine-2026-T2.pdf"' in response["Content-Disposition"]
    assert "Comité de pilotage — Touraine — 2e trimestre 2026" in text_of(response.content)


def test_the_dashboard_offers_the_pack_of_the_current_quarter(coordinator_client, world):
    html = coordinator_client.get("/tableau-de-bord/").content.decode()
    assert 'action="/tableau-de-bord/comite-de-pilotage.pdf"' in html
    assert f'name="trimestre" value="{Quarter.containing(datetime.date.today())}"' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("trimestre=2026-T5", "Saisissez un trimestre sous la forme 2026-T2, entre 2000 et 2100."),
        ("trimestre=", "Indiquez le trimestre, par exemple 2026-T2."),
        ("trimestre=2026-T1&territoire=Nulle+part", "Choisissez un territoire de la liste."),
    ],
)
def test_a_bad_quarter_is_said_on_the_form(coordinator_client, home, query, message):
    response = coordinator_client.get(f"/tableau-de-bord/comite-de-pilotage.pdf?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_command_writes_the_pack(world, tmp_path):
    call_command("committee_pack", trimestre="2026-T1", territoire="Touraine", dossier=str(tmp_path))
    written = tmp_path / "comite-de-pilotage-touraine-2026-T1.pdf"
    assert "1er trimestre 2026" in text_of(written.read_bytes())


@pytest.mark.parametrize("arguments", [{"trimestre": "2026-T9"}, {"trimestre": "2026-T1", "territoire": "Ailleurs"}])
def test_the_command_refuses_a_bad_choice(world, tmp_path, arguments):
    with pytest.raises(CommandError):
        call_command("committee_pack", dossier=str(tmp_path), **arguments)
    assert not list(tmp_path.iterdir())
