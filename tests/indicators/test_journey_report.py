"""A journey's final report: compiled by a coordinator, its texts written by people, its figures computed."""

import io

import pytest
from pypdf import PdfReader

from indicators.models import JourneyReportPage
from workshops.models import Registration

from .conftest import signup

PARTICIPATION = "2 ateliers tenus, 5 inscriptions de 4 personnes, 4 présences (80 %)."
ASSOCIATIONS = "2 associations inscrites au parcours, pour 10 personnes annoncées."


@pytest.fixture
def report(coordinator_client, world):
    response = coordinator_client.post("/tableau-de-bord/rapport-final/", {"parcours": world["journey"].pk})
    page = JourneyReportPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    page.conclusions = "<p>Les associations ont trouvé leurs outils.</p>"
    page.save_revision().publish()
    return page


def test_the_draft_takes_the_journeys_aims_and_waits_for_people_to_write(coordinator_client, world):
    coordinator_client.post("/tableau-de-bord/rapport-final/", {"parcours": world["journey"].pk})
    page = JourneyReportPage.objects.get()
    assert not page.live
    assert page.get_parent().specific == world["journey"]
    assert page.title == "Rapport final : DUNAR"
    assert "Un parcours pour les associations." in page.aims
    assert page.conclusions == page.recommendations == ""


def test_the_published_report_computes_its_figures(client, report, world):
    html = client.get(report.url).content.decode()
    assert PARTICIPATION in html and ASSOCIATIONS in html
    assert "Les associations ont trouvé leurs outils." in html
    # The lone workshop of Limousin is not the journey's; two of the journey's workshops were held.
    assert html.count("<tr><td>") == 2

    # Attendance taken after publication shows at once: nothing was typed, nothing is kept from before.
    late = signup(world["journey"].get_children().specific().first(), "zoe", attendance=Registration.Attendance.PRESENT)
    assert late.workshop.start.year == 2026
    assert "6 inscriptions de 5 personnes, 5 présences" in client.get(report.url).content.decode()


def test_the_report_downloads_as_pdf_with_the_funders_publicity(client, report):
    response = client.get(f"{report.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="rapport-final.pdf"' in response["Content-Disposition"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("Rapport final : DUNAR", "Calendrier des travaux réalisés", "Conclusions", "Page 1 sur"):
        assert expected in text
    assert " ".join(PARTICIPATION.split()) in " ".join(text.split())


def test_an_unknown_journey_is_said_on_the_form(coordinator_client, home):
    response = coordinator_client.post("/tableau-de-bord/rapport-final/", {"parcours": 999999})
    assert response.status_code == 400
    assert "Ce parcours n&#x27;existe pas ou n&#x27;est pas publié." in response.content.decode()
    assert not JourneyReportPage.objects.exists()


def test_the_journey_page_leads_to_its_published_report(client, coordinator_client, world):
    coordinator_client.post("/tableau-de-bord/rapport-final/", {"parcours": world["journey"].pk})
    assert "Le bilan du parcours" not in client.get(world["journey"].url).content.decode()  # a draft
    JourneyReportPage.objects.get().save_revision().publish()
    html = client.get(world["journey"].url).content.decode()
    assert '<li><a href="/parcours/dunar/rapport-final/">Rapport final : DUNAR</a></li>' in html
