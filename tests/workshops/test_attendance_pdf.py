"""The attendance sheet: a PDF of the confirmed people, with signature columns and the funders' publicity."""

import io

import pytest
import wagtail_factories
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Site

from community.organisation.models import OrganisationSettings
from tests.factories import PASSWORD, RegistrationFactory
from workshops import pdf
from workshops.models import Registration, WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet_workshop(workshop, users):
    workshop.animators.add(users["animator"])
    workshop.place = "Médiathèque"
    workshop.save()
    users["animator"].first_name, users["animator"].last_name = "Paula", "Animatrice"
    users["animator"].save()
    RegistrationFactory(workshop=workshop, first_name="Aline", last_name="Durand", structure="Centre social Nord")
    RegistrationFactory(workshop=workshop, first_name="Bruno", last_name="Petit", status=Registration.Status.WAITING)
    RegistrationFactory(workshop=workshop, first_name="Denis", last_name="Blanc", status=Registration.Status.CANCELLED)
    return workshop


@pytest.fixture
def funder(home):
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.funders.create(
        name="Union européenne",
        mention="Projet cofinance par le FEDER",
        emblem=wagtail_factories.ImageFactory(title="Emblème"),
    )
    organisation.save()
    return organisation


def set_times(workshop, start_hour, end_hour):
    day = timezone.localtime(workshop.start).replace(hour=start_hour, minute=0)
    WorkshopPage.objects.filter(pk=workshop.pk).update(start=day, end=day.replace(hour=end_hour))
    workshop.refresh_from_db()


def test_the_sheet_lists_the_confirmed_people_and_the_funders(client, users, sheet_workshop, funder):
    client.login(username="animator", password=PASSWORD)
    response = client.get(f"/ateliers-gestion/{sheet_workshop.pk}/emargement.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    content = response.content
    assert content.startswith(b"%PDF")
    assert b"(Durand)" in content and b"(Aline)" in content and b"Centre social Nord" in content
    assert b"Petit" not in content and b"Blanc" not in content
    assert b"Projet cofinance par le FEDER" in content
    assert b"Paula Animatrice" in content
    assert b"/Subtype /Image" in content  # the funder's emblem is drawn


def test_one_signature_column_within_a_half_day(sheet_workshop):
    set_times(sheet_workshop, 9, 12)
    assert pdf.half_days(sheet_workshop) == ["Signature"]
    set_times(sheet_workshop, 14, 17)
    assert pdf.half_days(sheet_workshop) == ["Signature"]


def test_a_full_day_is_signed_morning_and_afternoon(sheet_workshop):
    set_times(sheet_workshop, 9, 17)
    assert pdf.half_days(sheet_workshop) == ["Matin", "Après-midi"]
    content = pdf.attendance_sheet(sheet_workshop)
    assert b"(Matin)" in content


def test_a_missing_emblem_file_does_not_break_the_sheet(sheet_workshop, funder):
    emblem = funder.funders.get().emblem
    emblem.file.storage.delete(emblem.file.name)
    content = pdf.attendance_sheet(sheet_workshop)
    assert b"Projet cofinance par le FEDER" in content


def test_an_empty_workshop_still_gives_a_sheet(workshop):
    assert pdf.attendance_sheet(workshop).startswith(b"%PDF")


def pages_text(content):
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_each_emblem_is_named_with_its_fund(sheet_workshop, funder):
    first_page = pages_text(pdf.attendance_sheet(sheet_workshop))[0]
    assert "Union européenne" in first_page


def test_every_page_carries_the_mentions_and_its_number(sheet_workshop, funder):
    for n in range(40):
        RegistrationFactory(workshop=sheet_workshop, last_name=f"Nom{n:02}")
    pages = pages_text(pdf.attendance_sheet(sheet_workshop))
    assert len(pages) >= 4
    for number, text in enumerate(pages, 1):
        assert "Projet cofinance par le FEDER" in text
        assert f"Page {number} sur {len(pages)}" in text


def test_blank_numbered_rows_wait_for_those_who_come_without_signing_up(sheet_workshop):
    text = "\n".join(pages_text(pdf.attendance_sheet(sheet_workshop)))
    # Aline Durand is row 1; rows 2 to 6 are blank, before the animators' signature.
    assert "\n1\nDurand\nAline\nCentre social Nord\n2\n3\n4\n5\n6\nAnimé par : Paula Animatrice\n" in text


def test_the_animators_signature_never_stands_alone_on_a_page(sheet_workshop):
    for people in range(1, 30):
        RegistrationFactory(workshop=sheet_workshop, last_name=f"Nom{people:02}")
        pages = pages_text(pdf.attendance_sheet(sheet_workshop))
        last_row = str(1 + people + pdf.BLANK_ROWS)  # Aline Durand, the people added, the blank rows
        (signed,) = [text for text in pages if "Signature de l'animateur" in text]
        assert last_row in [line.strip() for line in signed.splitlines()], f"{people} people: the signature alone"
