"""Shared fixtures: a site with its home page, role users, the e-mail queue, the browser set-up, and the check
that every workshop's tally stays exact."""

import os
import shutil

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from community.members.roles import ANIMATORS, CHARGES, CONTRIBUTORS, COORDINATORS
from tests.factories import HomePageFactory, UserFactory
from tests.mail_queue import SMTP
from tests.tallies import stale_tallies

# Property tests check behaviour, not speed: a busy CI machine must not fail them on the time a draw takes.
hypothesis_settings.register_profile("behaviour", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("behaviour")

# Playwright's sync API runs an event loop in the test thread; Django must still allow its ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROLE_GROUPS = {"contributor": CONTRIBUTORS, "animator": ANIMATORS, "charge": CHARGES, "coordinator": COORDINATORS}


def pytest_runtest_setup(item):
    """Every test that commits (a transactional test) must bring back, when it ends, what the migrations made: the
    flush that empties its database otherwise makes the content types anew under other ids, and the next test of
    the worker that restores the migrated data (serialized rollback) fails on a duplicate key."""
    if _commits_without_restoring(item):
        pytest.fail("a transactional test must ask for serialized_rollback=True (tests/conftest.py)", pytrace=False)


def _commits_without_restoring(item):
    marker = item.get_closest_marker("django_db")
    options = marker.kwargs if marker else {}
    fixtures = set(getattr(item, "fixturenames", ()))
    commits = options.get("transaction") or fixtures & {"transactional_db", "live_server"}
    restores = options.get("serialized_rollback") or "django_db_serialized_rollback" in fixtures
    return commits and not restores


@pytest.fixture(autouse=True, scope="session")
def _own_exports_directory(tmp_path_factory):
    """The open-data files of this run in a directory of its own: another run on the machine, writing the same
    files, would remove them (core/export_files.py)."""
    with override_settings(EXPORTS_CACHE_DIR=tmp_path_factory.mktemp("exports")):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty page cache (the locmem cache outlives a test's transaction)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _tallies_stay_exact(request):
    """After each test that used the database (the browser's aside), every workshop's tally says what its sign-ups
    say: whatever path a test takes to change sign-ups, one that forgets to count its workshop again fails it."""
    uses_database = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if not uses_database or "live_server" in request.fixturenames:
        yield
        return
    request.getfixturevalue("db")  # so that the check runs before the database is rolled back
    yield
    # Unless the test left its transaction broken by a database error it expected: nothing can be read any more.
    if not connection.needs_rollback:
        assert stale_tallies() == {}


@pytest.fixture
def home(db):
    """The site's home page, as the default site's root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Gare centrale"}
    )
    return home


@pytest.fixture
def users(db):
    """One user per role (and an anonymous None), for permission matrices."""
    made = {role: UserFactory(username=role, role=group) for role, group in ROLE_GROUPS.items()}
    return {"anonymous": None, **made}


@pytest.fixture
def database_queue():
    """Tasks wait in the database, as in production, instead of running at once."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


@pytest.fixture
def server_down(monkeypatch):
    """The mail server refuses connections; `server_down.undo()` brings it back."""

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(SMTP, refuse)
    return monkeypatch


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it."""
    from home import demo

    demo.load()
    return Site.objects.get(is_default_site=True).root_page.specific


# --- Browser tests: the system Chromium, never a downloaded one ---------------------------------------------------


def pytest_terminal_summary(terminalreporter):
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "BROWSER TEST SKIPPED" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(
            f"WARNING: {len(skipped)} browser tests were skipped (no Chromium). CI runs them.", red=True, bold=True
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """The system Chromium: browser tests skip loudly without it, and fail when REQUIRE_BROWSER=1."""
    if not os.path.exists(CHROMIUM):
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {message}")
        pytest.skip(f"BROWSER TEST SKIPPED, {message}")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }
