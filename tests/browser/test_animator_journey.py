"""An animator, after the day: prints the attendance sheet, marks who came, and publishes the workshop's memory;
an association then joins the whole journey from its timeline."""

import re

import pytest
from playwright.sync_api import expect

from core.french import elide
from home.demo import DEMO_PASSWORD
from workshops.models import JourneyRegistration, Registration, WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEY_PATH = "/parcours/dunar-pays-loire-nature/"
WORKSHOP_PATH = JOURNEY_PATH + "appui-sur-site-2/"
MEMORY = "Nous avons installé **un agenda partagé** pour les bénévoles de l'amicale."


def log_in_as_animator(page, site_url):
    page.goto(f"{site_url}/compte/login/?next={WORKSHOP_PATH}")
    page.get_by_label("Nom d’utilisateur").fill("animateur")
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(f"{site_url}{WORKSHOP_PATH}")


def test_animator_prints_the_sheet_marks_attendance_and_publishes_the_memory(
    page, site_url, screenshot, assert_accessible
):
    log_in_as_animator(page, site_url)
    page.get_by_role("link", name="Voir les inscrits et noter les présences").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inscrits")
    assert_accessible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Feuille d'émargement (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")

    workshop = WorkshopPage.objects.get(slug="appui-sur-site-2")
    people = list(workshop.registrations.filter(status=Registration.Status.CONFIRMED))
    first, second = people[0], people[1]
    page.get_by_role("group", name=f"Présence {elide('de', first.first_name)} {first.last_name}").get_by_label(
        "présent·e"
    ).check()
    page.get_by_role("group", name=f"Présence {elide('de', second.first_name)} {second.last_name}").get_by_label(
        "absent·e"
    ).check()
    page.get_by_role("button", name="Enregistrer les présences").click()
    expect(page.get_by_text("Les présences sont enregistrées.")).to_be_visible()
    screenshot("animateur-presences")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attendance, second.attendance) == ("present", "absent")

    # The memory is written in the Wagtail editor, reached from the public page.
    page.goto(f"{site_url}{WORKSHOP_PATH}")
    page.get_by_role("link", name="Modifier cette page").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    memory = page.locator('[data-contentpath="memory_public"]')
    memory.get_by_role("button", name="Insérer un bloc").first.click()
    page.get_by_role("option", name="Texte (Markdown)").click()
    memory.locator("textarea").first.fill(MEMORY)
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("a été publiée")).to_be_visible()

    page.goto(f"{site_url}{WORKSHOP_PATH}")
    section = page.get_by_role("region", name="Mémoire de l'atelier")
    expect(section.locator("strong")).to_have_text("un agenda partagé")
    expect(section.get_by_role("link", name=re.compile("CC BY-SA 4.0"))).to_be_visible()
    screenshot("animateur-memoire")


def test_an_association_joins_the_journey_from_its_timeline(page, site_url, screenshot, assert_accessible):
    page.goto(f"{site_url}{JOURNEY_PATH}")
    expect(page.locator(".timeline-next")).to_contain_text("Prochaine étape")
    assert_accessible()

    form = page.locator("#inscription form")
    form.get_by_label("Association ou structure").fill("Club de randonnée des Trois Vallées")
    form.get_by_label("Commune de la structure").select_option("Mazières-de-Touraine")
    form.get_by_label("Personne à contacter").fill("Rémi Caron")
    form.get_by_label("Adresse e-mail").fill("rando@example.org")
    form.get_by_label("Nombre de personnes").fill("4")
    form.get_by_label("Vos besoins").fill("Un agenda commun des sorties.")
    form.get_by_role("checkbox", name="J'accepte que ces informations servent à gérer mon inscription").check()
    form.get_by_role("button", name="Inscrire notre association").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre association est inscrite")
    assert_accessible()
    screenshot("parcours-inscription")
    registration = JourneyRegistration.objects.get(email="rando@example.org")
    assert (registration.commune, registration.participants) == ("Mazières-de-Touraine", 4)
