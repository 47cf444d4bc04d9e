"""The public page cache: a copy served to anonymous visitors before any routing costs no query, reaches nobody
signed in, and goes stale as soon as the page, or anything a listing of it shows, is published, unpublished,
moved or deleted."""

import pytest
from django.test import Client
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from community.organisation.models import OrganisationSettings
from tests.community.places import factories as places
from tests.factories import StandardPageFactory, ToolSheetIndexPageFactory, ToolSheetPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheets(home):
    return ToolSheetIndexPageFactory(parent=home, title="Fiches outils", slug="outils")


@pytest.fixture
def sheet(sheets):
    return ToolSheetPageFactory(parent=sheets, title="Le pad collaboratif", slug="pad")


def test_a_copy_costs_no_query(client, sheet, django_assert_num_queries):
    assert "Le pad collaboratif" in client.get(sheet.url).content.decode()
    with django_assert_num_queries(0):
        response = client.get(sheet.url)
    assert response.status_code == 200
    assert "Le pad collaboratif" in response.content.decode()


def test_signed_in_people_never_get_the_copy(client, sheet, django_assert_max_num_queries):
    client.get(sheet.url)
    client.force_login(UserFactory())
    with django_assert_max_num_queries(100) as queries:
        client.get(sheet.url)
    assert any("toolsheet" in query["sql"] for query in queries.captured_queries)


def test_a_query_string_is_never_answered_from_the_copy(client, sheet, django_assert_max_num_queries):
    client.get(sheet.url)
    with django_assert_max_num_queries(100) as queries:
        client.get(f"{sheet.url}?mot=pad")
    assert queries.captured_queries


@pytest.mark.parametrize("change", ["publish", "unpublish", "move", "delete"])
def test_any_change_of_a_page_reaches_the_page_and_the_listings_showing_it(client, home, sheets, sheet, change):
    other = ToolSheetPageFactory(parent=sheets, title="Le tableur partagé", slug="tableur")
    elsewhere = ToolSheetIndexPageFactory(parent=home, title="Archives", slug="archives")
    assert "Le tableur partagé" in client.get(sheets.url).content.decode()
    assert client.get(other.url).status_code == 200
    if change == "publish":
        other.title = "Le tableur en ligne"
        other.save_revision().publish()
        assert "Le tableur en ligne" in client.get(other.url).content.decode()
    elif change == "unpublish":
        other.unpublish()
        assert client.get(other.url).status_code == 404
    elif change == "move":
        other.move(elsewhere, pos="last-child")
        assert client.get("/outils/tableur/")["Location"] == "/archives/tableur/"  # Wagtail's redirect
    else:
        other.delete()
        assert client.get(other.url).status_code == 404
    listing = client.get(sheets.url).content.decode()
    assert "Le pad collaboratif" in listing
    if change == "publish":
        assert "Le tableur en ligne" in listing
    elif change == "move":
        # The index lists every sheet (a site has one index): the listing follows the sheet to its new address.
        assert "/archives/tableur/" in listing and "/outils/tableur/" not in listing
    else:
        assert "Le tableur" not in listing


def test_a_private_response_is_never_kept(client, sheet, monkeypatch):
    """A view that calls its response private (a personal page under a public one) is served, never shared."""
    serve = type(sheet).serve

    def private_serve(page, request, *args, **kwargs):
        response = serve(page, request, *args, **kwargs)
        patch_cache_control(response, private=True)
        return response

    monkeypatch.setattr(type(sheet), "serve", private_serve)
    client.get(sheet.url)
    monkeypatch.undo()
    other = Client()
    assert "private" not in other.get(sheet.url).get("Cache-Control", "")


def test_a_copy_built_while_its_page_changes_is_never_served(client, sheet, monkeypatch):
    """A page published while another request builds it from the data before: that request's copy is not kept
    under the versions the publication made."""
    serve = type(sheet).serve

    def serve_then_publish(page, request, *args, **kwargs):
        response = serve(page, request, *args, **kwargs).render()
        monkeypatch.undo()
        page.title = "Le pad en ligne"
        page.save_revision().publish()
        return response

    monkeypatch.setattr(type(sheet), "serve", serve_then_publish)
    assert "Le pad collaboratif" in client.get(sheet.url).content.decode()
    assert "Le pad en ligne" in Client().get(sheet.url).content.decode()


def test_a_copy_keeps_the_headers_the_page_was_served_with(client, sheet):
    """A copy goes through none of the middlewares after the page cache: it carries their headers itself."""
    built = client.get(sheet.url)
    copy = Client().get(sheet.url)
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Content-Length"):
        assert copy[header] == built[header]
    assert copy.content == built.content


def test_an_edit_of_the_organisations_settings_reaches_every_copy(client, home, sheet):
    """The footer of every page shows the organisation and its funders (the publicity FEDER and FSE ask for)."""
    assert "Réseau des centres sociaux" not in client.get(sheet.url).content.decode()
    organisation = OrganisationSettings.for_site(home.get_site())
    organisation.name = "Réseau des centres sociaux"
    organisation.save()
    assert "Réseau des centres sociaux" in client.get(sheet.url).content.decode()


def test_a_new_home_page_for_the_site_is_served_at_once(client, home):
    assert client.get("/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.root_page = StandardPageFactory(parent=home, slug="nouvel-accueil", title="Nouvel accueil")
    site.save()
    assert "Nouvel accueil" in client.get("/").content.decode()


def test_the_map_is_shared_with_anonymous_visitors_until_a_session_changes(client, home, django_assert_num_queries):
    lieu = places.structure(name="Foyer rural")
    places.permanence(lieu, commune="Couesmes")
    assert "Couesmes" in client.get("/carte/").content.decode()
    with django_assert_num_queries(0):
        assert "Couesmes" in client.get("/carte/").content.decode()
    places.permanence(lieu, days=4, commune="Souvigné", postcode="37330")
    assert "Souvigné" in client.get("/carte/").content.decode()


def test_a_signed_in_persons_map_is_kept_by_nobody(client, home, django_assert_max_num_queries):
    client.force_login(UserFactory())
    client.get("/carte/")
    with django_assert_max_num_queries(100) as queries:
        response = client.get("/carte/")
    assert queries.captured_queries
    assert "no-store" in response["Cache-Control"]
