"""The prototype library at /prototypes/: its cards, its GET filters, its pages, and queries that do not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.prototypes.models import Adoption

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(make_prototype, centres):
    return {
        "borne": make_prototype(title="La borne d'accueil", domain="accueil", status="adopte"),
        "devoirs": make_prototype(title="Les devoirs à distance", domain="education", status="en-test"),
        "parents": make_prototype(
            title="Le carnet des parents", domain="parentalite", status="idee", structure=centres["third"]
        ),
    }


def titles(response):
    return [prototype.title for prototype in response.context["prototypes"]]


def test_the_index_lists_the_prototypes_with_domain_status_structure_and_adoptions(client, library, centres):
    Adoption.objects.create(prototype=library["borne"], structure=centres["neighbour"])
    response = client.get("/prototypes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(response) == ["La borne d'accueil", "Le carnet des parents", "Les devoirs à distance"]
    assert "3 prototypes" in html
    assert "Accueil · Adopté · Maison de quartier Beaujardin" in html
    assert "Adopté par 1 structure" in html and "Pas encore adopté" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("domaine=education", ["Les devoirs à distance"]),
        ("etat=adopte", ["La borne d'accueil"]),
        ("structure=csc-agora", ["Le carnet des parents"]),
        ("domaine=accueil&structure=mq-beaujardin", ["La borne d'accueil"]),
        ("domaine=parentalite&structure=mq-beaujardin", []),
    ],
)
def test_filters(client, library, query, expected):
    response = client.get(f"/prototypes/?{query}")
    assert titles(response) == expected
    if not expected:
        assert "Aucun prototype ne correspond à ces critères." in response.content.decode()


def test_the_structure_filter_offers_only_structures_with_prototypes(client, library):
    choices = dict(client.get("/prototypes/").context["filter_form"].fields["structure"].choices)
    assert set(choices) == {"", "mq-beaujardin", "csc-agora"}


def test_an_invalid_filter_is_explained_in_french_and_ignored(client, library):
    response = client.get("/prototypes/?domaine=cuisine")
    assert len(titles(response)) == 3
    assert "Ce domaine n&#x27;existe pas" in response.content.decode()


def test_drafts_are_not_listed(client, library):
    library["borne"].unpublish()
    assert "La borne d'accueil" not in titles(client.get("/prototypes/"))


def test_pagination_keeps_the_filters(client, make_prototype):
    for number in range(14):
        make_prototype(title=f"Éducation {number:02d}", domain="education")
    response = client.get("/prototypes/?domaine=education")
    html = response.content.decode()
    assert "Page 1 sur 2" in html
    assert 'href="?domaine=education&amp;page=2"' in html
    assert len(titles(client.get("/prototypes/?domaine=education&page=2"))) == 2


def count_queries(client, url):
    client.get(url)  # warms the site's caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_listing_costs_the_same_queries_for_3_or_12_prototypes(client, make_prototype, centres):
    made = [make_prototype(domain="education") for _ in range(3)]
    Adoption.objects.create(prototype=made[0], structure=centres["neighbour"])
    small = count_queries(client, "/prototypes/?domaine=education")
    for _ in range(9):
        prototype = make_prototype(domain="education", structure=centres["third"])
        Adoption.objects.create(prototype=prototype, structure=centres["neighbour"])
    assert count_queries(client, "/prototypes/?domaine=education") == small
