"""A member's own data: the export of everything kept about them, the erasure of their journal or of their account."""

import datetime
import json
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Revision

from community.badges import openbadges
from community.badges.models import BadgeAssertion
from community.competences.models import CompetenceValidation
from community.journal import profile, recit, rights
from community.journal.models import EvidencedCompetence, JournalEntry, JournalEntryTag, JournalTag, RecitIndexPage
from community.members import roles
from community.members.models import Invitation, MemberProfile, Role, hash_token
from community.members.roles import CHARGES
from tests.factories import PASSWORD, CompetenceFactory, JournalEntryFactory, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

EXPORT = "/compte/mes-donnees.json"
ERASE_JOURNAL = "/compte/effacer-mon-journal/"
ERASE_ACCOUNT = "/compte/effacer-mon-compte/"
MARCH_5 = datetime.date(2026, 3, 5)


@pytest.fixture
def competence(db):
    return CompetenceFactory(code="2.4", title="Collaborer grâce aux technologies numériques")


@pytest.fixture
def coordinator(users):
    MemberProfile.objects.create(user=users["coordinator"], display_name="Camille Coord", role=Role.COORDINATOR)
    return users["coordinator"]


@pytest.fixture
def lea(coordinator, competence):
    user = UserFactory(username="lea", email="lea@exemple.org", role=CHARGES)
    MemberProfile.objects.create(user=user, display_name="Léa Exemple", role=Role.INNOVATION, bio="Tiers-lieu.")
    Invitation.objects.create(
        email=user.email,
        role=Role.INNOVATION,
        invited_by=coordinator,
        token_hash=hash_token("jeton-de-lea"),
        expires_at=timezone.now(),
        accepted_at=timezone.now(),
        user=user,
    )
    private = JournalEntryFactory(author=user, title="Ma note privée", body="Rien que pour moi.")
    private.tags.add("tiers-lieu", "wifi")
    EvidencedCompetence.objects.create(entry=private, competence=competence, level=3)
    shared = JournalEntryFactory(
        author=user,
        title="Agenda partagé",
        kind="changement-engage",
        visibility="reseau",
        date=datetime.date(2026, 3, 5),
    )
    shared.tags.add("agenda")
    validation = profile.validate(user, competence, 4, coordinator, "Atelier du 12 mars.")
    openbadges.issue_badge(validation, coordinator)
    return user


@pytest.fixture
def nadia(coordinator, competence):
    user = UserFactory(username="nadia", email="nadia@exemple.org", role=CHARGES)
    MemberProfile.objects.create(user=user, display_name="Nadia B.", role=Role.ANIMATION)
    JournalEntryFactory(author=user, title="Secret de Nadia", body="Privé.").tags.add("nadia-seule")
    JournalEntryFactory(
        author=user, title="Wifi réparé", kind="frein-leve", visibility="reseau", date=datetime.date(2026, 4, 2)
    ).tags.add("wifi")
    validation = profile.validate(user, competence, 2, coordinator, "Bien vu.")
    openbadges.issue_badge(validation, coordinator)
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


# --- Export --------------------------------------------------------------------------------------------------------


def test_the_export_holds_the_members_account_journal_validations_and_badges(lea, nadia):
    data = json.loads(rights.export(lea))
    assert data["account"]["username"] == "lea"
    assert data["account"]["email"] == "lea@exemple.org"
    assert data["account"]["date_joined"]
    assert data["profile"] == {
        "display_name": "Léa Exemple",
        "role": "charge-innovation",
        "role_label": "Chargé·e d'innovation numérique",
        "structure": None,
        "bio": "Tiers-lieu.",
    }
    assert [invitation["invited_by"] for invitation in data["invitations"]] == ["Camille Coord"]
    entries = {entry["title"]: entry for entry in data["journal"]}
    assert set(entries) == {"Ma note privée", "Agenda partagé"}
    assert entries["Ma note privée"]["tags"] == ["tiers-lieu", "wifi"]
    assert entries["Ma note privée"]["body"] == "Rien que pour moi."
    assert entries["Ma note privée"]["competences"][0]["level"] == 3
    assert entries["Ma note privée"]["visibility"] == "prive"
    assert entries["Ma note privée"]["consents_to_recits"] is False
    assert entries["Agenda partagé"]["consents_to_recits"] is True
    [received] = data["competence_validations"]["received"]
    assert (received["code"], received["level"], received["validated_by"]) == ("2.4", 4, "Camille Coord")
    assert data["competence_validations"]["given"] == []
    [badge] = data["badges"]
    assert (badge["code"], badge["level"], badge["revoked"]) == ("2.4", 4, False)
    assert badge["issued_on"]


def test_the_export_holds_nothing_of_another_member(lea, nadia):
    text = rights.export(lea)
    for theirs in ("Secret de Nadia", "Wifi réparé", "nadia", "Nadia B.", "nadia-seule", "Bien vu."):
        assert theirs not in text


def test_a_coordinators_export_lists_the_validations_they_gave_without_naming_the_member(lea, coordinator):
    data = json.loads(rights.export(coordinator))
    [given] = data["competence_validations"]["given"]
    assert (given["code"], given["level"], given["comment"]) == ("2.4", 4, "Atelier du 12 mars.")
    assert "lea" not in json.dumps(given).lower()


def test_the_export_is_a_download_never_cached(lea):
    response = logged_in(lea).get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["account"]["username"] == "lea"


def test_the_profile_page_leads_to_the_export_and_both_erasures(lea):
    html = logged_in(lea).get("/compte/profil/").content.decode()
    assert EXPORT in html and ERASE_JOURNAL in html and ERASE_ACCOUNT in html


# --- Erasing the journal -------------------------------------------------------------------------------------------


def test_erasing_the_journal_deletes_the_entries_their_tags_and_keeps_the_account(lea, nadia):
    client = logged_in(lea)
    assert "mot de passe" in client.get(ERASE_JOURNAL).content.decode()
    response = client.post(ERASE_JOURNAL, {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/compte/profil/"
    assert not JournalEntry.objects.filter(author=lea).exists()
    assert not EvidencedCompetence.objects.filter(entry__author=lea).exists()
    assert not JournalEntryTag.objects.filter(content_object__author=lea).exists()
    # Her own tags are gone; the one Nadia uses too stays, as Nadia's.
    assert set(JournalTag.objects.values_list("name", flat=True)) == {"nadia-seule", "wifi"}
    assert "agenda" not in Client().get("/journal/reseau/").content.decode()
    # The account, its validation and badge stay; Nadia's journal is untouched.
    assert get_user_model().objects.filter(pk=lea.pk).exists()
    assert BadgeAssertion.objects.filter(validation__member=lea, revoked_at__isnull=True).exists()
    assert JournalEntry.objects.filter(author=nadia).count() == 2


# --- Erasing the account -------------------------------------------------------------------------------------------


def test_erasing_the_account_logs_out_and_removes_the_person(home, lea, nadia):
    badge = BadgeAssertion.objects.get(validation__member=lea)
    client = logged_in(lea)
    response = client.post(ERASE_ACCOUNT, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert "Votre compte et vos données sont effacés." in response.content.decode()
    assert not get_user_model().objects.filter(username="lea").exists()
    assert not MemberProfile.objects.filter(display_name="Léa Exemple").exists()
    assert not Invitation.objects.filter(email="lea@exemple.org").exists()
    assert not JournalEntry.objects.filter(title__in=["Ma note privée", "Agenda partagé"]).exists()
    assert not CompetenceValidation.objects.filter(comment="Atelier du 12 mars.").exists()
    assert client.get(f"/badges/{badge.uuid}.json").status_code == 404
    assert client.get(f"/badges/{badge.uuid}/").status_code == 404
    assert client.get("/compte/profil/").status_code == 302  # logged out
    # Nadia's data stays whole.
    assert JournalEntry.objects.filter(author=nadia).count() == 2
    assert BadgeAssertion.objects.filter(validation__member=nadia, revoked_at__isnull=True).count() == 1


def test_a_coordinators_erasure_keeps_the_validations_they_gave_without_their_name(lea, nadia, coordinator):
    nadia_badge = BadgeAssertion.objects.get(validation__member=nadia)
    rights.erase_account(coordinator)
    validation = CompetenceValidation.objects.get(member=nadia)
    assert (validation.level, validation.validated_by) == (2, None)
    html = logged_in(nadia).get("/journal/profil/").content.decode()
    assert "Camille Coord" not in html and "coordinator" not in html
    assert "un ancien membre du réseau" in html
    assert Client().get(f"/badges/{nadia_badge.uuid}.json").status_code == 200  # still valid
    # The people the coordinator invited keep their accounts.
    assert get_user_model().objects.filter(username="lea").exists()
    assert Invitation.objects.get(user=lea).invited_by is None


def test_the_admins_history_of_the_account_and_profile_goes_with_them(lea, coordinator):
    log(lea.member_profile, "wagtail.edit", user=coordinator)
    log(lea, "wagtail.edit", user=coordinator)
    log(coordinator.member_profile, "wagtail.edit", user=coordinator)
    rights.erase_account(lea)
    assert list(ModelLogEntry.objects.values_list("label", flat=True)) == ["Camille Coord"]


def test_pages_the_member_edited_stay_without_their_name(home, lea):
    page = StandardPageFactory(parent=home, owner=lea)
    page.save_revision(user=lea).publish()
    rights.erase_account(lea)
    page.refresh_from_db()
    assert page.live and page.owner is None
    assert not Revision.page_revisions.filter(object_id=str(page.pk), user__isnull=False).exists()


@pytest.fixture
def published_recit(home, lea, nadia, coordinator):
    index = RecitIndexPage(title="Récits collectifs", slug="recits")
    home.add_child(instance=index)
    index.save_revision().publish()
    roles.grant_pages(roles.COORDINATORS, home, roles.MANAGE_PAGES)
    page = recit.compile_recit(recit.Period.two_months_from(2026, 3), coordinator)
    page.save_revision(user=coordinator).publish()
    return page


def test_an_erased_members_excerpts_leave_the_recit_and_its_history(published_recit, lea):
    assert "Léa Exemple" in Client().get(published_recit.url).content.decode()
    rights.erase_account(lea)
    html = Client().get(published_recit.url).content.decode()
    assert "Agenda partagé" not in html and "Léa Exemple" not in html
    assert "Wifi réparé" in html and "Nadia B." in html  # the rest of the récit stays published
    stored = [published_recit.__class__.objects.get(pk=published_recit.pk).sections.raw_data]
    stored += [revision.content for revision in Revision.page_revisions.filter(object_id=str(published_recit.pk))]
    assert "Léa Exemple" not in str(stored) and "Agenda partagé" not in str(stored)
    assert "Nadia B." in str(stored)


def test_the_export_says_which_recits_quote_an_entry(published_recit, lea):
    entries = {entry["title"]: entry for entry in json.loads(rights.export(lea))["journal"]}
    assert [quote["title"] for quote in entries["Agenda partagé"]["quoted_in_recits"]] == [published_recit.title]
    assert entries["Ma note privée"]["quoted_in_recits"] == []


# --- Who may, and how -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [EXPORT, ERASE_JOURNAL, ERASE_ACCOUNT])
def test_anonymous_visitors_are_sent_to_log_in(lea, url):
    client = Client()
    for response in (client.get(url), client.post(url, {"password": PASSWORD})):
        assert response.status_code == 302 and "/compte/login/" in response["Location"]
    assert get_user_model().objects.filter(username="lea").exists()


@pytest.mark.parametrize("url", [ERASE_JOURNAL, ERASE_ACCOUNT])
def test_an_erasure_needs_the_csrf_token(lea, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lea)
    assert client.post(url, {"password": PASSWORD}).status_code == 403
    assert JournalEntry.objects.filter(author=lea).count() == 2


@pytest.mark.parametrize("url", [ERASE_JOURNAL, ERASE_ACCOUNT])
def test_a_wrong_password_erases_nothing(lea, url):
    client = logged_in(lea)
    response = client.post(url, {"password": "pas-le-bon"})
    assert response.status_code == 400
    assert "Ce mot de passe n'est pas le vôtre." in unescape(response.content.decode())
    assert JournalEntry.objects.filter(author=lea).count() == 2
    assert get_user_model().objects.filter(username="lea").exists()
    assert client.get("/compte/profil/").status_code == 200  # still logged in


@pytest.mark.parametrize("url", [ERASE_JOURNAL, ERASE_ACCOUNT])
def test_password_guesses_on_an_erasure_are_throttled_like_logins(lea, url, settings):
    # A session left open on a shared computer must not let someone try passwords until one erases the account.
    client = logged_in(lea)
    settings.AXES_ENABLED = True  # after the log-in: off for the rest of the suite (config/settings/test.py)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"password": "pas-le-bon"}, REMOTE_ADDR="192.0.2.9")
    response = client.post(url, {"password": PASSWORD}, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 429
    assert "Trop de tentatives" in unescape(response.content.decode())
    assert JournalEntry.objects.filter(author=lea).count() == 2
    assert get_user_model().objects.filter(username="lea").exists()
