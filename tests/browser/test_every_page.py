"""Every page type, for a visitor and for each demo role, on a phone (360 px) and a desktop (1280 px): nothing
scrolls sideways and axe-core finds no serious or critical violation.

Fast enough for every CI run: the demo is loaded once (a load costs some 20 s) and the roles take turns, each in its
own logged-in browser context; each page is loaded once and checked at both widths; axe-core skips what it already
checked at that width; every problem is collected so that one run lists them all."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.urls import reverse
from django.utils import timezone

from community.journal.models import JobProfilePage, JournalEntry, RecitPage
from community.places.models import Structure
from home.demo import DEMO_PASSWORD
from network.news.models import NewsPage
from network.prototypes.models import PrototypePage
from resources import history
from resources.models import ToolSheetPage, WikiPage
from tests.browser.conftest import AXE, blocking_violations
from workshops.models import JourneyPage, JourneyRegistration, Registration, WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = (360, 1280)
ROLES = [None, "admin", "contributrice", "animateur", "chargee", "coordinatrice"]
# Long enough to overflow a phone if nothing lets it wrap.
LONG_EMAIL = "marie-claude.delacroix-vandenberghe@association-des-habitants-du-bocage.example.org"
ANIMATORS = {"admin", "animateur", "coordinatrice"}
COORDINATORS = {"admin", "coordinatrice"}


def first_url(model):
    return model.objects.live().order_by("path").first().url


def page_with_a_change():
    """A wiki page with two published versions, so that its history has a diff to show."""
    page = WikiPage.objects.live().order_by("path").first()
    page.summary = (
        "Voir https://ressources.example.org/mediation-numerique/accompagner-les-demarches-en-ligne-pas-a-pas"
    )
    page.save_revision(user=User.objects.get(username="contributrice")).publish()
    entries = history.revisions(page, AnonymousUser())
    return page.url, f"{page.url}historique/?de={entries[1].id}&a={entries[0].id}"


def a_past_workshop():
    """The animator's past workshop with the most people, one of whom gave a long e-mail address."""
    workshop = (
        WorkshopPage.objects.live()
        .filter(animators__username="animateur", start__lt=timezone.now() - timedelta(days=1))
        .order_by("-start")
        .first()
    )
    registration = workshop.registrations.filter(status=Registration.Status.CONFIRMED).first()
    registration.email = LONG_EMAIL
    registration.save(update_fields=["email"])
    return workshop, registration


def public_paths():
    wiki, diff = page_with_a_change()
    workshop, registration = a_past_workshop()
    journey = JourneyPage.objects.live().order_by("path").first()
    journey_registration = JourneyRegistration.objects.filter(journey=journey).first()
    journey_registration.email = LONG_EMAIL
    journey_registration.save(update_fields=["email"])
    upcoming = WorkshopPage.objects.live().filter(start__gt=timezone.now()).order_by("start").first()
    paths = [
        "/",
        "/ressources/",
        wiki,
        f"{wiki}historique/",
        diff,
        "/outils/",
        first_url(ToolSheetPage),
        "/ateliers/",
        upcoming.url,
        workshop.url,  # with its memory
        "/parcours/",
        journey.url,
        "/actualites/",
        first_url(NewsPage),
        "/prototypes/",
        first_url(PrototypePage),
        "/charte/",
        "/mentions-legales/",
        "/recits/",
        "/referentiels-metiers/",
        "/competences/",
        "/carte/",
        reverse("places:structure", args=[Structure.objects.order_by("slug").first().slug]),
        "/recherche/?q=atelier",
        "/diagnostic/",
        "/lettre/",
        reverse("workshops:manage", args=[registration.token]),
        reverse("workshops:survey", args=[registration.token]),
        reverse("workshops:journey_manage", args=[journey_registration.token]),
    ]
    paths += [page.url for model in (RecitPage, JobProfilePage) if (page := model.objects.live().first())]
    return paths, workshop, journey


def member_paths(username, workshop, journey):
    entry = JournalEntry.objects.filter(author__username="chargee").first()
    paths = ["/journal/", "/journal/nouvelle/", "/journal/reseau/", "/journal/profil/", "/compte/profil/"]
    paths += ["/suivis/", "/annuaire/"]
    if username == "chargee":
        paths.append(entry.get_absolute_url())
    if username in ANIMATORS:
        paths += [
            reverse("workshops_management:registrations", args=[workshop.pk]),
            reverse("workshops_management:announcements", args=[workshop.pk]),
            reverse("workshops_management:journey_registrations", args=[journey.pk]),
        ]
    if username in COORDINATORS:
        paths += ["/tableau-de-bord/", "/tableau-de-bord/rapport-final/", "/tableau-de-bord/referentiels-metiers/"]
        paths += ["/journal/profils/", "/journal/profil/chargee/", "/journal/recit/", "/journal/cadre/"]
        paths.append("/compte/inviter/")
    return paths


# What axe-core checked once at a width need not be checked again there: a role's header on every page, the same
# public content seen by several roles. Forms' CSRF tokens and the login link's `next` change from one load to the next.
REGIONS = ["body > header", "main", "body > footer"]
REGIONS_HTML = """(selectors) => selectors.map((selector) => (document.querySelector(selector)?.outerHTML || "")
    .replace(/name="csrfmiddlewaretoken" value="[^"]*"/g, "").replace(/\\?next=[^"]*/g, ""))"""
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def overflow_of(page):
    """How far the page scrolls sideways, once the late styles (the Wagtail userbar's) have arrived."""
    if page.evaluate(OVERFLOW) > 0:
        page.wait_for_load_state("networkidle")
    return page.evaluate(OVERFLOW)


def problems_of(page, url, checked):
    """At each width: how far the page scrolls sideways, and the axe-core violations of what was not checked yet."""
    response = page.goto(url)
    if not response.ok:
        return [f"{url}: HTTP {response.status}"]
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        if (overflow := overflow_of(page)) > 0:
            found.append(f"{url} at {width} px: {overflow} px of horizontal scroll")
        shown = [(width, html) for html in page.evaluate(REGIONS_HTML, REGIONS)]
        known = [[selector] for selector, seen in zip(REGIONS, shown, strict=True) if seen in checked]
        checked.update(shown)
        violations = blocking_violations(page, {"exclude": known})
        found += [f"{url} at {width} px: {violation}" for violation in violations]
    return found


def log_in(page, site_url, username):
    page.goto(f"{site_url}/compte/login/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(lambda url: "/compte/login/" not in url)


def test_every_page_type_fits_a_phone_and_passes_axe_for_every_role(browser, site_url):
    public, workshop, journey = public_paths()
    checked, problems = set(), []
    for username in ROLES:
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
        context.add_init_script(AXE.axe_script)
        page = context.new_page()
        if username:
            log_in(page, site_url, username)
            paths = public + member_paths(username, workshop, journey)
        else:
            paths = [*public, "/compte/login/"]
        for path in paths:
            found = problems_of(page, f"{site_url}{path}", checked)
            problems += [f"{username or 'anonyme'} {problem}" for problem in found]
        context.close()
    assert not problems, "\n".join(problems)
