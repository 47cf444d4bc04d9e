"""Browser fixtures: the demo site served by Django's live server, and an accessibility check with axe-core."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(autouse=True)
def _throttled_logins(settings):
    """The journeys log in through the real forms, with django-axes on as in production."""
    settings.AXES_ENABLED = True


@pytest.fixture
def site_url(live_server, demo_site):
    return live_server.url


@pytest.fixture
def screenshot(page):
    def take(name):
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


AXE = Axe()


def blocking_violations(page, context=None, options=None):
    """The serious and critical axe-core violations of the page as it is shown (or of the part `context` selects, with
    axe-core's `options`), one line each. axe-core is injected unless the page has it already (from an init script)."""
    if not page.evaluate("'axe' in window"):
        page.evaluate(AXE.axe_script)
    violations = page.evaluate(
        """async ([context, options]) => {
            // A run still in progress on this page (seen once under parallel load) makes axe.run throw « Axe is
            // already running »: wait for it, up to 10 s, as axe-core asks.
            for (let tries = 0; axe._running && tries < 200; tries++) {
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            return (await axe.run(context || document, options)).violations;
        }""",
        [context, {**(options or {}), "resultTypes": ["violations"]}],
    )
    return [
        f"{v['impact']}: {v['id']} — {v['help']} ({[n['target'] for n in v['nodes']]})"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


@pytest.fixture
def assert_accessible(page):
    """Fails on any serious or critical axe-core violation of the current page."""

    def check():
        blocking = blocking_violations(page)
        assert not blocking, "\n".join(blocking)

    return check


PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser, site_url, settings):
    """A 360 px wide screen with JavaScript off; the live server's e-mails link to it."""
    settings.WAGTAILADMIN_BASE_URL = site_url
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def fits_and_is_accessible(page):
    """The phone's page: no horizontal scroll, and axe-core (which needs JavaScript) on the same page opened in the
    test's JavaScript browser, as wide."""

    def check(phone):
        page.set_viewport_size(PHONE)
        page.goto(phone.url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), phone.url
        violations = blocking_violations(page)
        assert not violations, violations
        page.set_viewport_size({"width": 1280, "height": 800})

    return check
