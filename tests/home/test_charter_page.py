"""The charter page (/charte/): the network's text and the structures that signed it, for everyone; one per site;
what it lists stays fresh in the page cache; a site whose charter was a plain page keeps it as a charter page."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from community.places.models import CharterSignature
from home.models import CharterPage, StandardPage
from tests.community.places import factories as make
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def charter_page(home, **fields):
    page = CharterPage(title="Charte du réseau", slug="charte", body=[("markdown", "Nous **accueillons** tous.")])
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def sign(structure, role="présidente", signed_on=datetime.date(2025, 3, 14)):
    return CharterSignature.objects.create(structure=structure, signed_on=signed_on, signatory_role=role)


def test_the_charter_lists_its_signatories_with_date_and_role(client, home):
    charter_page(home)
    sign(make.structure(name="Centre Dutemple", commune="Valenciennes", slug="cs-dutemple"), "directeur du centre")
    sign(make.structure(name="Le Lien", commune="Cinq-Mars-la-Pile"), "présidente", datetime.date(2025, 5, 2))
    sign(make.structure(name="Lieu caché", is_public=False))
    make.structure(name="Centre non signataire")
    html = client.get("/charte/").content.decode()
    assert "<strong>accueillons</strong>" in html
    assert "2 structures signataires" in html
    assert '<a href="/carte/cs-dutemple/">Centre Dutemple</a>' in html
    assert "Signée le 14 mars 2025 ; signataire : directeur du centre." in html
    assert "Cinq-Mars-la-Pile" in html and "Signée le 2 mai 2025 ; signataire : présidente." in html
    assert "Lieu caché" not in html and "Centre non signataire" not in html
    assert "Zoé Referente" not in html  # the referents stay in the members' directory


def test_a_charter_without_signatories_says_so(client, home):
    charter_page(home)
    assert "encore signé la charte." in client.get("/charte/").content.decode()


def test_listing_signatories_takes_the_same_queries_for_3_or_30(client, home, users):
    charter_page(home)
    client.force_login(users["contributor"])  # past the page cache
    counts = []
    for total in (3, 30):
        while CharterSignature.objects.count() < total:
            sign(make.structure())
        client.get("/charte/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/charte/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_a_new_signature_or_a_renamed_signatory_shows_through_the_page_cache(client, home):
    charter_page(home)
    assert "Centre Dutemple" not in client.get("/charte/").content.decode()
    structure = make.structure(name="Centre Dutemple")
    signature = sign(structure)
    assert "Centre Dutemple" in client.get("/charte/").content.decode()
    structure.name = "Centre social Dutemple"
    structure.save()
    assert "Centre social Dutemple" in client.get("/charte/").content.decode()
    signature.delete()
    assert "Centre social Dutemple" not in client.get("/charte/").content.decode()


def test_one_charter_per_site_right_under_the_home_page(home):
    assert CharterPage.can_create_at(home)
    charter = charter_page(home)
    assert not CharterPage.can_create_at(home)
    assert CharterPage.allowed_subpage_models() == []
    assert charter.pk in StandardPage.objects.child_of(home).values_list(
        "pk", flat=True
    )  # still among the pages of the footer


def test_a_plain_charter_page_becomes_a_charter_page_in_place(client, home):
    old = StandardPageFactory(parent=home, title="Charte du réseau", slug="charte", body=[("markdown", "Nos valeurs.")])
    old.save_revision().publish()
    other = StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales")
    migration = importlib.import_module("home.migrations.0004_charte_becomes_charter_page")
    migration.convert(apps, None)
    page = Page.objects.get(pk=old.pk).specific
    assert type(page) is CharterPage and page.url == "/charte/"
    assert type(Page.objects.get(pk=other.pk).specific) is StandardPage
    sign(make.structure(name="Centre Dutemple"))
    html = client.get("/charte/").content.decode()
    assert "Nos valeurs." in html and "Centre Dutemple" in html
    # Its history still publishes as a charter page.
    page.get_latest_revision().publish()
    assert type(Page.objects.get(pk=old.pk).specific) is CharterPage
    migration.convert(apps, None)  # twice changes nothing
    assert CharterPage.objects.count() == 1


def test_the_demo_builds_the_charter_with_signatories(client, demo_site):
    page = Page.objects.get(url_path="/accueil/charte/").specific
    assert isinstance(page, CharterPage)
    html = client.get("/charte/").content.decode()
    assert "Centre social Dutemple" in html and "directrice du centre social" in html
    assert CharterSignature.objects.count() >= 3
    assert all("@" not in s.signatory_role for s in CharterSignature.objects.all())
