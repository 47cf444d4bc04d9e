"""The home page: the collective's first door, in French, with the funders' footer on every page."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.organisation.models import OrganisationSettings
from home.demo import emblems
from tests.factories import (
    StandardPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_is_french_with_skip_link_and_landmarks(client, home):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html and "Aller au contenu" in html
    for landmark in ("<header", "<main", "<footer", 'aria-label="Navigation principale"'):
        assert landmark in html


def test_home_lists_next_workshops_not_past_ones_with_french_dates(client, home):
    index = WorkshopIndexPageFactory(parent=home)
    start = timezone.make_aware(datetime.datetime(2099, 12, 7, 9, 30))
    WorkshopPageFactory(parent=index, title="Atelier à venir", start=start, end=start + datetime.timedelta(hours=3))
    WorkshopPageFactory(
        parent=index,
        title="Atelier passé",
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )
    html = client.get("/").content.decode()
    assert "Atelier à venir" in html
    assert "Atelier passé" not in html
    assert "lundi 7 décembre 2099" in html


def test_home_lists_latest_tool_sheets_and_workshop_memories(client, home):
    sheets = ToolSheetIndexPageFactory(parent=home)
    ToolSheetPageFactory(parent=sheets, title="Écrire à plusieurs")
    index = WorkshopIndexPageFactory(parent=home)
    past = timezone.now() - datetime.timedelta(days=10)
    WorkshopPageFactory(
        parent=index,
        title="Soirée cultures numériques",
        start=past,
        end=past + datetime.timedelta(hours=2),
        memory_public=[("markdown", "Ce que nous avons vu.")],
    )
    WorkshopPageFactory(parent=index, title="Atelier sans mémoire", start=past, end=past + datetime.timedelta(hours=2))
    html = client.get("/").content.decode()
    assert "Écrire à plusieurs" in html
    assert "Soirée cultures numériques" in html
    assert "Atelier sans mémoire" not in html


def test_footer_of_every_page_shows_funders_emblems_and_mentions(client, home):
    organisation = OrganisationSettings.for_site(home.get_site())
    organisation.funders.create(
        name="Union européenne — FEDER",
        mention="Ce projet est cofinancé par l'Union européenne avec le FEDER.",
        emblem=emblems.eu_emblem(),
    )
    organisation.save()
    legal = StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales")
    for url in ("/", legal.url):
        html = client.get(url).content.decode()
        assert "Ce projet est cofinancé par l&#x27;Union européenne avec le FEDER." in html
        assert 'alt="Union européenne — FEDER"' in html
        assert 'href="/mentions-legales/"' in html


def test_a_funder_whose_emblem_file_is_missing_keeps_its_mention_and_the_page_up(client, home, caplog):
    organisation = OrganisationSettings.for_site(home.get_site())
    emblem = emblems.eu_emblem()
    organisation.funders.create(name="Union européenne — FSE", mention="Cofinancé par le FSE.", emblem=emblem)
    organisation.save()
    emblem.file.storage.delete(emblem.file.name)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cofinancé par le FSE." in html
    assert "funder-emblem" not in html
    assert "Union européenne — FSE has no file" in caplog.text


def test_main_navigation_lists_menu_pages_and_marks_the_current_one(client, home):
    sheets = ToolSheetIndexPageFactory(parent=home, show_in_menus=True)
    sheet = ToolSheetPageFactory(parent=sheets, title="Framadate")
    html = client.get(sheet.url).content.decode()
    assert '<a href="/outils/" aria-current="true">Fiches outils</a>' in html
    assert 'aria-current="page">Framadate</span>' in html  # the breadcrumb's last item
    # The menu drawn once for each section marks the section of each page (templatetags/navigation_tags.py).
    assert '<a href="/outils/" aria-current="page">Fiches outils</a>' in client.get(sheets.url).content.decode()
    assert '<a href="/outils/">Fiches outils</a>' in client.get(home.url).content.decode()
    assert '<a href="/outils/" aria-current="true">Fiches outils</a>' in client.get(sheet.url).content.decode()


def test_home_queries_do_not_grow_with_content(client, home, django_assert_max_num_queries):
    sheets = ToolSheetIndexPageFactory(parent=home, show_in_menus=True)
    index = WorkshopIndexPageFactory(parent=home, show_in_menus=True)

    def add_content(count):
        for _ in range(count):
            ToolSheetPageFactory(parent=sheets)
            WorkshopPageFactory(parent=index, memory_public=[("markdown", "Mémoire.")])

    add_content(2)
    with django_assert_max_num_queries(100) as small:
        client.get("/")
    add_content(20)
    cache.clear()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/")


def test_anonymous_pages_are_cached_until_something_is_published(client, home, django_assert_max_num_queries):
    sheets = ToolSheetIndexPageFactory(parent=home)
    with django_assert_max_num_queries(100) as first:
        client.get("/")
    with django_assert_max_num_queries(len(first.captured_queries) // 2) as cached:
        client.get("/")
    assert not any("toolsheet" in query["sql"] for query in cached.captured_queries)
    sheet = ToolSheetPageFactory(parent=sheets, title="Fiche toute neuve", live=False)
    sheet.save_revision().publish()
    assert "Fiche toute neuve" in client.get("/").content.decode()


def test_entry_points_lead_to_their_pages_read_once_until_the_tree_changes(client, home):
    """Each entry point names a page or an address. The pages named are read and the entry points drawn once, then
    kept (an uncached build of the home page reads none of them) until a page is published: a page renamed is
    followed."""
    sheets = ToolSheetIndexPageFactory(parent=home, title="Fiches outils")
    home.entry_points = [
        ("entry", {"title": "Trouver un outil", "text": "Des fiches pas à pas", "page": sheets, "url": ""}),
        ("entry", {"title": "Trouver un lieu", "text": "", "page": None, "url": "/carte/"}),
    ]
    home.save_revision().publish()
    html = client.get("/", {"sans-cache": 1}).content.decode()
    assert '<a href="/outils/">' in html and "Trouver un outil" in html and "Des fiches pas à pas" in html
    assert '<a href="/carte/">' in html
    with CaptureQueriesContext(connection) as again:
        assert "Trouver un outil" in client.get("/", {"sans-cache": 2}).content.decode()
    assert not [query for query in again.captured_queries if '"wagtailcore_page"."id" IN' in query["sql"]]
    sheets.slug = "boite-a-outils"
    sheets.save_revision().publish()
    assert '<a href="/boite-a-outils/">' in client.get("/", {"sans-cache": 3}).content.decode()


def test_a_preview_of_the_home_page_shows_the_drafts_entry_points(client, home):
    home.entry_points = [("entry", {"title": "Publiée", "text": "", "page": None, "url": "/carte/"})]
    home.save_revision().publish()
    assert "Publiée" in client.get("/", {"sans-cache": 1}).content.decode()
    home.entry_points = [("entry", {"title": "En brouillon", "text": "", "page": None, "url": "/carte/"})]
    draft = home.save_revision().as_object()
    preview = draft.make_preview_request()
    preview.render()
    assert "En brouillon" in preview.content.decode() and "Publiée" not in preview.content.decode()
    assert "Publiée" in client.get("/", {"sans-cache": 2}).content.decode()
