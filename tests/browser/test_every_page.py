"""Every page type, for a visitor and for each demo role, on a phone (360 px) and a desktop (1280 px): nothing
scrolls sideways and axe-core finds no serious or critical violation.

One test per role: the demo is loaded once per role, each page once, checked at both widths, and every problem is
collected so that one run lists them all."""

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
from tests.browser.conftest import blocking_violations
from workshops.models import JourneyPage, JourneyRegistration, Registration, WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = (360, 1280)
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


def problems_of(page, url):
    response = page.goto(url)
    if not response.ok:
        return [f"{url}: {response.status}"]
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            found.append(f"{url} at {width} px: {overflow} px of horizontal scroll")
        found += [f"{url} at {width} px: {violation}" for violation in blocking_violations(page)]
    return found


@pytest.mark.parametrize("username", [None, "admin", "contributrice", "animateur", "chargee", "coordinatrice"])
def test_every_page_type_fits_a_phone_and_passes_axe(browser, site_url, username):
    paths, workshop, journey = public_paths()
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    page = context.new_page()
    if username:
        page.goto(f"{site_url}/compte/login/")
        page.get_by_label("Nom d’utilisateur").fill(username)
        page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(lambda url: "/compte/login/" not in url)
        paths += member_paths(username, workshop, journey)
    else:
        paths.append("/compte/login/")

    problems = [problem for path in paths for problem in problems_of(page, f"{site_url}{path}")]
    context.close()
    assert not problems, "\n".join(problems)
