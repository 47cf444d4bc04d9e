"""A coordinator issues an Open Badge for a validated level; anyone checks it, then the coordinator revokes it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from community.competences.models import Competence
from community.journal import profile
from tests.browser.test_journal import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_issue_check_and_revoke_a_badge(page, site_url, assert_accessible, screenshot):
    users = get_user_model().objects
    collaborate = Competence.objects.get(area__framework__slug="digcomp", code="2.4", area__framework__is_current=True)
    profile.validate(users.get(username="chargee"), collaborate, 3, users.get(username="coordinatrice"))

    log_in(page, site_url, "coordinatrice", "/journal/profil/chargee/")
    page.get_by_role("button", name="Émettre le badge").first.click()
    expect(page.get_by_text("Badge émis pour")).to_be_visible()
    assert_accessible()

    page.get_by_role("link", name="Voir le badge").first.click()
    expect(page.get_by_text("Ce badge est valide.")).to_be_visible()
    verification_url = page.url
    assert_accessible()
    page.get_by_label("Adresse e-mail").fill("nadia.benali@exemple.org")
    page.get_by_role("button", name="Vérifier").click()
    expect(page.get_by_text("Cette adresse correspond au titulaire du badge.")).to_be_visible()
    assert_accessible()
    screenshot("badge-verification")

    page.goto(f"{site_url}/journal/profil/chargee/")
    page.get_by_text("Révoquer", exact=True).first.click()
    page.get_by_label("Motif de la révocation (affiché publiquement)").first.fill("Validation faite par erreur.")
    page.get_by_role("button", name="Révoquer le badge").first.click()
    expect(page.get_by_text("Le badge est révoqué")).to_be_visible()

    page.goto(verification_url)
    expect(page.get_by_text("Ce badge a été révoqué : il n'est plus valide.")).to_be_visible()
    assert_accessible()
    # A third party, without an account, sees the same.
    visitor = page.context.browser.new_context().new_page()
    visitor.goto(verification_url)
    expect(visitor.get_by_text("Motif : Validation faite par erreur.")).to_be_visible()
    expect(visitor.get_by_text("Nadia Benali")).to_be_visible()
    visitor.context.close()
