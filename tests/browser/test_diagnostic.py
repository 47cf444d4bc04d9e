"""A visitor takes the diagnostic on a phone without JavaScript, reads the result with mobile sessions near their
commune, and asks for it by e-mail; a professional uses the guided interview."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from network.diagnostic.models import DailyCount, PendingEmail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def take_the_diagnostic(page, site_url):
    """From the home page to the result, near Couesmes; an answer forgotten first."""
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="Où en êtes-vous avec le numérique ?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Diagnostic numérique : où en êtes-vous ?")
    questions = page.locator("fieldset.question")
    expect(questions).to_have_count(12)
    assert no_horizontal_scroll(page)

    page.get_by_role("button", name="Voir mon résultat").click()
    expect(page.locator("#erreurs")).to_contain_text("Il manque des réponses")

    answers = ["Je sais le faire seul·e", "Avec un peu d'aide", "Pas encore", "Je ne sais pas ce que c'est"]
    for number, question in enumerate(questions.all()):
        question.get_by_text(answers[number % 4], exact=True).click()
    page.get_by_label("Votre commune ou votre code postal").fill("Couesmes")
    page.get_by_role("button", name="Voir mon résultat").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre résultat")
    expect(page.get_by_role("heading", name="Ce que vous savez déjà faire")).to_be_visible()
    expect(page.get_by_role("heading", name="Ce que vous pourriez apprendre ensuite")).to_be_visible()
    expect(page.get_by_role("heading", name="Permanences mobiles près de Couesmes")).to_be_visible()
    expect(page.locator(".session").first).to_contain_text("Couesmes")
    expect(page.get_by_role("heading", name="Les prochains ateliers")).to_be_visible()
    assert no_horizontal_scroll(page)


def ask_for_it_by_e_mail(page):
    page.get_by_label("Votre adresse e-mail").fill("zoe@example.org")
    page.get_by_role("button", name="M'envoyer le résultat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("C'est parti !")


def test_someone_takes_the_diagnostic_on_a_phone_without_javascript(browser, site_url, settings):
    settings.WAGTAILADMIN_BASE_URL = site_url
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        take_the_diagnostic(page, site_url)
        ask_for_it_by_e_mail(page)
    finally:
        context.close()
    assert [message.to for message in mail.outbox] == [["zoe@example.org"]]
    assert "Permanences mobiles près de Couesmes" in mail.outbox[0].body
    assert not PendingEmail.objects.exists()
    assert DailyCount.objects.get().completed == 1


def test_the_same_pages_pass_axe_on_a_phone(page, site_url, settings, assert_accessible, screenshot):
    """axe-core needs JavaScript to run: the same journey, checked page by page."""
    settings.WAGTAILADMIN_BASE_URL = site_url
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/diagnostic/")
    assert_accessible()
    take_the_diagnostic(page, site_url)
    assert_accessible()
    screenshot("diagnostic-resultat")
    ask_for_it_by_e_mail(page)
    assert_accessible()


def test_the_guided_interview_reads_well(page, site_url, assert_accessible, screenshot):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/diagnostic/")
    page.get_by_role("link", name="Vous accompagnez quelqu'un ? Passez en entretien accompagné").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Diagnostic numérique : entretien accompagné")
    expect(page.get_by_role("heading", name="Comment écouter")).to_be_visible()
    expect(page.locator("fieldset.question").first).to_contain_text("Le fait seul·e")
    assert no_horizontal_scroll(page)
    assert_accessible()
    screenshot("diagnostic-entretien")
