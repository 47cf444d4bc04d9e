"""The query budget of the key requests (issue 16): a public page built for an anonymous visitor out of the page
cache costs at most ten queries, and every key request makes as many queries on a small data set as on a larger one.
Counts are pinned exactly, so that a regression shows, and the same number for both sizes proves that nothing is
read once an item.

A public page is measured as a running site builds it once its page cache has been dropped (by a publication, say):
the whole cache is emptied, so that no copy of the page can be served; then another page reads again what every
page shares and keeps it (settings, menu, footer, private sections, site root paths), as the site's first visitor
after the drop would; then the page is requested. The same page with the cache left empty is pinned too.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from community.competences.models import Competence
from community.journal.models import EvidencedCompetence
from community.members.roles import ANIMATORS, CHARGES, CONTRIBUTORS, COORDINATORS
from community.organisation.models import OrganisationSettings
from home.demo import emblems
from home.search import PER_PAGE
from resources.models import ToolSheetPage
from tests.community.places import factories as places
from tests.factories import (
    CompetenceFactory,
    JournalEntryFactory,
    JourneyIndexPageFactory,
    JourneyPageFactory,
    RegistrationFactory,
    ResourceIndexPageFactory,
    StandardPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    UserFactory,
    WikiPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    publish_revision,
)
from tests.network.news.factories import NewsIndexPageFactory, NewsPageFactory
from workshops import tallies
from workshops.models import (
    JourneyPage,
    JourneyRegistration,
    JourneyStage,
    Registration,
    SatisfactionResponse,
    Stage,
    WorkshopIndexPage,
)

pytestmark = pytest.mark.django_db

BUDGET = 10
SMALL, LARGE = 2, 12
# A page every page shares everything with but its own content: it reads the shared fragments again.
SHARED_FRAGMENTS_PAGE = "/mentions-legales/"
INTERNAL = "organisation-interne"


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(captured)  # now: the next request resets the query log


def uncached_page_queries(client, url, params=None):
    """The queries of `url` built out of the page cache, the fragments every page shares read again first."""
    client.get(url, params or {})  # its images' renditions, made once for good
    cache.clear()
    client.get(SHARED_FRAGMENTS_PAGE)
    return count_queries(client, url, params)


def empty_cache_queries(client, url, params=None):
    """The queries of `url` with the whole cache empty: the shared fragments are read again too."""
    client.get(url, params or {})
    cache.clear()
    return count_queries(client, url, params)


# --- The site, with `size` of everything the key pages list -----------------------------------------------------------


def images(count):
    return [Image.objects.create(title=f"Photo {n}", file=get_test_image_file(f"photo-{n}.png")) for n in range(count)]


def body(titles, photos):
    """A text linking to these wiki pages, then the photos."""
    links = " ".join(f"[[{title}]]" for title in titles)
    return [
        ("markdown", f"Voir aussi {links}."),
        *(("image", {"image": photo, "alt": "Une photo"}) for photo in photos),
    ]


def authored(page, authors):
    """The page with a published revision by each of these authors."""
    for author in authors:
        publish_revision(page, author)
    return page


def build_site(home, size):
    """The public site: every listing holds `size` items, every page `size` tags, authors, photos, links."""
    site = {}
    organisation = OrganisationSettings.for_site(home.get_site())
    organisation.funders.create(
        name="Union européenne — FEDER", mention="Cofinancé par le FEDER.", emblem=emblems.eu_emblem()
    )
    StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales")
    StandardPageFactory(parent=home, title="Accessibilité", slug="accessibilite")
    authors = [UserFactory(role=CONTRIBUTORS) for _ in range(size)]
    tags = [f"theme-{n}" for n in range(size)]
    photos = images(size)

    wiki = ResourceIndexPageFactory(parent=home, show_in_menus=True)
    guide = WikiPageFactory(parent=wiki, title="Guide", slug="guide")
    linked = [
        WikiPageFactory(parent=guide, title=f"Tableur partagé {n}", summary="Un tableur.").title for n in range(size)
    ]
    page = WikiPageFactory(parent=guide, title="Bienvenue", slug="bienvenue", body=body(linked, photos))
    page.tags.add(*tags)
    site["wiki"] = authored(page, authors).url  # three levels down: /ressources/guide/bienvenue/

    sheets = ToolSheetIndexPageFactory(parent=home, show_in_menus=True)
    competences = [CompetenceFactory() for _ in range(size)]
    for n in range(size):
        sheet = ToolSheetPageFactory(parent=sheets, title=f"Outil {n}", category=INTERNAL, steps=body(linked[:1], []))
        sheet.tags.add("réunion", *tags)
        sheet.competences.set(competences)
        authored(sheet, authors[:1])
    site["sheet"] = authored(sheet, authors).url

    now = timezone.now()
    agenda = WorkshopIndexPageFactory(parent=home, show_in_menus=True)
    animators = [UserFactory(role=ANIMATORS) for _ in range(size)]
    for n in range(size):
        workshop = WorkshopPageFactory(parent=agenda, title=f"Atelier {n}", start=now + datetime.timedelta(days=n + 1))
        workshop.tags.add(*tags)
        workshop.save_revision().publish()
    workshop.animators.set(animators)
    workshop.tools_used.set(ToolSheetPage.objects.child_of(sheets))
    workshop.save_revision().publish()
    RegistrationFactory.create_batch(size, workshop=workshop)
    site["workshop"] = workshop.url
    past = now - datetime.timedelta(days=30)
    memory = WorkshopPageFactory(
        parent=agenda,
        title="Atelier passé",
        start=past,
        end=past + datetime.timedelta(hours=3),
        memory_public=body(linked, []),
        memory_media=[("photo", {"image": photo, "alt": "Une photo"}) for photo in photos],
    )
    memory.animators.set(animators)
    memory.tools_used.set(ToolSheetPage.objects.child_of(sheets))
    memory.tags.add(*tags)
    memory.save_revision().publish()
    site["memory"] = memory.url

    journeys = JourneyIndexPageFactory(parent=home, show_in_menus=True)
    journey = JourneyPageFactory(parent=journeys, is_open=True)
    for kind in (Stage.AWARENESS, Stage.DIAGNOSIS, Stage.TRAINING):
        JourneyStage.objects.create(journey=journey, kind=kind, description="Une étape.")
    for n in range(size):
        WorkshopPageFactory(
            parent=journey, title=f"Étape {n}", stage=Stage.TRAINING, start=now + datetime.timedelta(days=n + 1)
        )
    site["journey"] = journey.url
    site["journey workshop"] = journey.get_children().last().url

    news = NewsIndexPageFactory(parent=home)
    for n in range(size):
        NewsPageFactory(parent=news, title=f"Nouvelle {n}", date=now.date() - datetime.timedelta(days=n))

    for _ in range(size):
        places.permanence(places.structure(services=["demarches"]))
    return site


# --- Public pages, for an anonymous visitor ---------------------------------------------------------------------------

# (name, address or key of the site, parameters): queries out of the page cache, and with the whole cache empty.
PUBLIC_PAGES = {
    "home": ("/", None, 5, 14),
    "wiki page": ("wiki", None, 6, 15),
    "tool sheets, filtered": ("/outils/", {"categorie": INTERNAL, "mot_cle": "réunion"}, 6, 15),
    "tool sheet": ("sheet", None, 5, 14),
    "workshops": ("/ateliers/", None, 5, 14),
    "workshop, with its sign-up form": ("workshop", None, 4, 13),
    "workshop's memory": ("memory", None, 8, 17),
    "workshop of a journey": ("journey workshop", None, 5, 14),
    "journey": ("journey", None, 4, 13),
    "map": ("/carte/", None, 5, 14),
    "map, near a postcode": ("/carte/", {"pres_de": "59300", "service": "demarches", "rayon": "50"}, 4, 13),
    "map's GeoJSON": ("/carte/lieux.geojson", None, 2, 4),
    "search": ("/recherche/", {"q": "outil"}, 4, 13),
    "search, filtered": ("/recherche/", {"q": "outil", "type": "fiche-outil", "mot_cle": "réunion"}, 4, 13),
}


@pytest.fixture(params=[SMALL, LARGE], ids=["small", "large"])
def public_site(request, home):
    return build_site(home, request.param)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_public_page_out_of_the_page_cache_costs_its_pinned_queries_whatever_the_data(client, public_site, name):
    address, params, queries, with_empty_cache = PUBLIC_PAGES[name]
    url = public_site.get(address, address)
    assert uncached_page_queries(client, url, params) == queries
    assert empty_cache_queries(client, url, params) == with_empty_cache


def test_search_results_of_several_kinds_cost_one_query_a_kind_whatever_their_number(client, public_site):
    """Each kind of page on the results page is read in one query: which kinds make the first ten results is the
    search engine's ranking, which differs between databases, so the count is checked against the kinds shown."""
    queries = uncached_page_queries(client, "/recherche/", {"q": "tableur"})
    hits = client.get("/recherche/", {"q": "tableur"}).context["outcome"].results
    assert len({hit.kind for hit in hits}) > 1 or len(hits) == PER_PAGE
    assert queries == 3 + len({hit.kind for hit in hits}) <= BUDGET


def test_a_page_type_a_site_holds_once_is_read_from_its_own_table(home):
    """The agenda a workshop page links to: ordered by the tree, SQLite walked every page in path order until it met
    it (5 ms at the bench's scale 10, and growing); ordered by its own key, it reads the one row of its table."""
    agenda = WorkshopIndexPageFactory(parent=home)
    with CaptureQueriesContext(connection) as captured:
        assert WorkshopIndexPage.objects.live().public().single() == agenda
    # After the private sections, read once for every page.
    own_key = 'ORDER BY "workshops_workshopindexpage"."page_ptr_id" ASC LIMIT 1'
    assert captured.captured_queries[-1]["sql"].endswith(own_key)


def test_every_public_page_keeps_within_the_budget():
    assert max(queries for _, _, queries, _ in PUBLIC_PAGES.values()) <= BUDGET


# --- Signed-in pages ------------------------------------------------------------------------------------------------


def journal_entries(author, count):
    competences = list(Competence.objects.all()[:2]) or [CompetenceFactory(), CompetenceFactory()]
    for n in range(count):
        entry = JournalEntryFactory(author=author, title=f"Entrée {n}", visibility="reseau")
        entry.tags.add(f"mot{n}", "commun")
        for level, competence in enumerate(competences, start=1):
            EvidencedCompetence.objects.create(entry=entry, competence=competence, level=level)


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_a_members_journal_costs_the_same_queries_whatever_its_entries(client, home, size):
    member = UserFactory(username="chargee", role=CHARGES)
    journal_entries(member, size)
    journal_entries(UserFactory(role=CHARGES), size)
    client.force_login(member)
    client.get(SHARED_FRAGMENTS_PAGE)
    assert count_queries(client, "/journal/") == 16
    assert count_queries(client, "/journal/reseau/") == 14


def held_workshops(size):
    """`size` workshops held last week, in the site's journey (at a stage) or not, in a territory, each with `size`
    sign-ups of different people, associations and communes (present, absent, erased or waiting, some with an
    opinion); `size` associations signed up to the journey."""
    journey, agenda = JourneyPage.objects.get(), WorkshopIndexPage.objects.get()
    host = places.structure(territory="Touraine")
    week_ago = timezone.now() - datetime.timedelta(days=7)
    attendance = [Registration.Attendance.PRESENT, Registration.Attendance.ABSENT]
    for n in range(size):
        workshop = WorkshopPageFactory(
            parent=journey if n % 2 else agenda,
            stage=Stage.TRAINING if n % 2 else "",
            structure=host,
            start=week_ago + datetime.timedelta(hours=n),
        )
        for m in range(size):
            RegistrationFactory(
                workshop=workshop,
                structure=f"Association {m}",
                commune=f"Commune {n}-{m}",
                attendance=attendance[m % 2],
                status=Registration.Status.ERASED if m == 1 else Registration.Status.CONFIRMED,
            )
        for registration in workshop.registrations.filter(attendance=Registration.Attendance.PRESENT):
            SatisfactionResponse.objects.create(registration=registration, score=4)
        RegistrationFactory(workshop=workshop, status=Registration.Status.WAITING)
        JourneyRegistration.objects.create(
            journey=journey,
            structure=f"Association du parcours {n}",
            commune=f"Commune {n}",
            contact_name="Une personne",
            email=f"parcours-{n}@example.org",
            participants=3,
            consent_at=timezone.now(),
        )


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_a_coordinators_dashboard_costs_the_same_queries_whatever_it_counts(client, home, size):
    build_site(home, size)
    held_workshops(size)
    journal_entries(UserFactory(role=CHARGES), size)
    client.force_login(UserFactory(username="coordinatrice", role=COORDINATORS))
    today = timezone.localdate()
    scope = {"du": today - datetime.timedelta(days=30), "au": today}
    response = client.get("/tableau-de-bord/", scope)
    assert response.context["participation"]["signups"] == size * size  # as many as the data holds
    # The figures sum the workshops' tallies; the different people, names (both kinds) and competences come in one
    # query each; the workshops table: its count, then its page's tallies and titles.
    assert count_queries(client, "/tableau-de-bord/", scope) == 28


# --- The admin --------------------------------------------------------------------------------------------------------


@pytest.fixture
def coordinator(client):
    person = UserFactory(username="coordinatrice", role=COORDINATORS)
    client.force_login(person)
    return person


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_the_page_explorer_costs_the_same_queries_whatever_the_pages(client, home, size):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    agenda = WorkshopIndexPageFactory(parent=home)
    for n in range(size):
        WorkshopPageFactory(parent=agenda, title=f"Atelier {n}").save_revision(user=admin)
    url = f"/admin/pages/{agenda.pk}/"
    client.get(url)
    assert count_queries(client, url) == 26


@pytest.mark.parametrize("size", [SMALL, 500])
def test_a_workshops_sign_up_list_costs_the_same_queries_for_500_people(client, home, coordinator, size):
    workshop = WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=home), capacity=size)
    people = [
        Registration(
            workshop=workshop,
            first_name="Camille",
            last_name=f"Martin {n}",
            email=f"camille.{n}@example.org",
            structure="Centre social",
            commune="Langeais",
            consent_at=timezone.now(),
            status=Registration.Status.CONFIRMED if n % 5 else Registration.Status.WAITING,
        )
        for n in range(size)
    ]
    Registration.objects.bulk_create(people)
    tallies.recount([workshop.pk])  # a bulk insert sends no signal
    url = f"/ateliers-gestion/{workshop.pk}/"
    client.get(url)
    assert count_queries(client, url) == 13
    assert count_queries(client, "/admin/inscriptions/", {"q": "camille"}) == 10
