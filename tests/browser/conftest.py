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


@pytest.fixture
def assert_accessible(page):
    """Fails on any serious or critical axe-core violation of the current page."""
    axe = Axe()

    def check():
        results = axe.run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, "\n".join(
            f"{v['impact']}: {v['id']} — {v['help']} ({[n['target'] for n in v['nodes']]})" for v in blocking
        )

    return check
