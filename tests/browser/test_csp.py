"""Under the Content-Security-Policy, the public pages, the map and the admin's editors run without a violation."""

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_PASSWORD
from resources.models import WikiPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Chromium reports each blocked script, style, image or connection in the console, and as an event.
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} (${where})`);
});
"""


@pytest.fixture
def watched(page, site_url, settings):
    # The userbar's scripts are served from WAGTAILADMIN_BASE_URL: here, the live server.
    settings.WAGTAILADMIN_BASE_URL = site_url
    page.add_init_script(LISTEN)
    console = []
    page.on("console", lambda message: console.append(message.text))

    def violations():
        in_console = [text for text in console if "Content Security Policy" in text]
        return in_console + page.evaluate("window.cspViolations || []")

    return violations


def visit(page, url):
    response = page.goto(url)
    policy = response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    return policy


def test_the_home_page_and_the_map_run_under_the_public_policy(page, site_url, watched):
    for path in ("/", "/carte/"):
        policy = visit(page, f"{site_url}{path}")
        assert "script-src 'self';" in f"{policy};"
        assert "'unsafe-inline'" not in policy
    # The map, its Leaflet and its tiles come once asked for: loaded by the script, under the same policy.
    page.get_by_role("button", name="Afficher la carte").click()
    expect(page.locator("#carte .leaflet-marker-icon").first).to_be_attached()
    assert watched() == []


def test_the_admin_s_editors_and_image_chooser_run_under_the_admin_policy(page, site_url, watched):
    visit(page, f"{site_url}/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1).first).to_be_visible()

    wiki = WikiPage.objects.get(slug="bienvenue")
    visit(page, f"{site_url}/admin/pages/{wiki.pk}/edit/")
    page.locator(".c-sf-add-button:visible").first.click()
    page.get_by_role("option", name="Image").first.click()
    page.get_by_role("button", name="Choisir une image").first.click()
    expect(page.locator(".modal").get_by_role("heading", name="Choisir une image")).to_be_visible()
    page.keyboard.press("Escape")

    visit(page, f"{site_url}/admin/snippets/competences/framework/")
    page.locator("a[href*='/admin/snippets/competences/framework/edit/']").first.click()
    page.wait_for_load_state("networkidle")
    # The public page seen from the userbar of a signed-in editor.
    visit(page, f"{site_url}{wiki.url}")
    expect(page.locator("wagtail-userbar")).to_be_attached()
    assert watched() == []
