"""A chargée writes a journal entry with a competence and a tag, shares it with the network, finds it, exports it."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.competences.models import Competence
from home.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Le café numérique du mardi"


def log_in(page, site_url, username, next_path="/journal/"):
    page.goto(f"{site_url}/compte/login/?next={next_path}")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def test_a_charge_writes_shares_finds_and_exports_an_entry(page, site_url, screenshot, assert_accessible):
    collaborate = Competence.objects.get(area__framework__slug="digcomp", code="2.4")
    log_in(page, site_url, "chargee")
    expect(page.get_by_role("heading", name="Mon journal de bord")).to_be_visible()
    assert_accessible()

    page.get_by_role("link", name="Écrire une entrée").click()
    expect(page.get_by_role("heading", name="Nouvelle entrée")).to_be_visible()
    assert_accessible()
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Type").select_option(label="Levier trouvé")
    page.get_by_label("Texte").fill("Les habitants ont **adopté** l'agenda partagé.")
    page.get_by_label("Mots-clés").fill("agenda")
    page.get_by_label("Réseau : les membres du réseau").check()
    page.locator("#id_competences-0-competence").select_option(str(collaborate.pk))
    # A missing level: the summary at the top links to the field, the field says so, and everything typed is kept.
    page.get_by_role("button", name="Enregistrer").click()
    summary_link = page.get_by_role("link", name=re.compile(r"^Niveau estimé : Indiquez le niveau"))
    expect(summary_link).to_have_attribute("href", "#id_competences-0-level")
    expect(page.get_by_text("Indiquez le niveau que vous estimez avoir atteint.", exact=True)).to_be_visible()
    expect(page.get_by_label("Titre")).to_have_value(TITLE)
    assert_accessible()
    page.locator("#id_competences-0-level").select_option("3")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page).to_have_url(re.compile(r"/journal/\d+/$"))
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.locator("strong", has_text="adopté")).to_be_visible()
    expect(page.get_by_text("Collaborer au moyen des technologies numériques")).to_be_visible()
    assert_accessible()
    screenshot("journal-entree")

    page.get_by_role("link", name="Mon journal de bord").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.get_by_label("Mot-clé").select_option(label="agenda")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Exporter mon journal (Markdown)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"— {TITLE}" in text and "2.4 Collaborer" in text

    page.get_by_role("link", name="Entrées partagées du réseau").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible()
    page.goto(f"{site_url}/journal/profil/")
    expect(page.get_by_role("link", name=re.compile("2.4 Collaborer"))).to_be_visible()
    assert_accessible()


def test_the_competence_framework_pages_are_accessible(page, site_url, assert_accessible):
    page.goto(f"{site_url}/competences/")
    page.get_by_role("link", name=re.compile("DigComp 2.2")).click()
    expect(page.get_by_text("Centre commun de recherche (JRC)")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name=re.compile("2.4 Collaborer")).click()
    expect(page.get_by_role("link", name=re.compile("Framadate"))).to_be_visible()
    assert_accessible()


def test_a_coordinator_compiles_and_publishes_a_recit(page, site_url, screenshot, assert_accessible):
    start = datetime.date.today() - datetime.timedelta(days=40)  # the demo chargée's oldest shared entry
    log_in(page, site_url, "coordinatrice", next_path="/journal/recit/")
    expect(page.get_by_role("heading", name="Compiler un récit collectif")).to_be_visible()
    assert_accessible()
    page.get_by_label("Premier mois de la période").fill(f"{start:%Y-%m}")
    page.get_by_role("button", name="Préparer le brouillon").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("a été publiée")).to_be_visible()
    page.goto(f"{site_url}/recits/")
    page.get_by_role("link", name=re.compile("Récit collectif")).click()
    expect(page.get_by_role("heading", name="Les changements engagés")).to_be_visible()
    expect(page.get_by_text("Un agenda partagé pour l'accueil")).to_be_visible()
    expect(page.get_by_text("Peur de mal faire")).to_have_count(0)  # the demo's private entry
    screenshot("recit-publie")
    assert_accessible()

    page.goto(f"{site_url}/journal/cadre/")
    expect(page.get_by_role("heading", name=re.compile("Cadre de référence"))).to_be_visible()
    assert_accessible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le cadre de référence (PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")


def test_a_coordinator_invites_and_the_person_creates_their_account(page, site_url, assert_accessible):
    log_in(page, site_url, "coordinatrice", next_path="/compte/inviter/")
    assert_accessible()
    page.get_by_label("Adresse e-mail de la personne invitée").fill("nouvelle.chargee@example.org")
    page.get_by_label("Rôle").select_option(label="Chargé·e d'animation numérique")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text("Invitation envoyée à nouvelle.chargee@example.org.")).to_be_visible()
    link = re.search(r"https?://\S+?(/compte/invitation/\S+/)", mail.outbox[-1].body).group(1)
    page.get_by_role("button", name="Se déconnecter").click()

    page.goto(f"{site_url}{link}")
    assert_accessible()
    page.get_by_label("Identifiant").fill("nouvelle")
    page.get_by_label("Nom affiché").fill("Lou Martin")
    page.locator("#id_password1").fill("un-train-peut-en-cacher-un-autre")
    page.locator("#id_password2").fill("un-train-peut-en-cacher-un-autre")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", name="Mon profil")).to_be_visible()
    expect(page.get_by_label("Nom affiché")).to_have_value("Lou Martin")
    assert_accessible()
