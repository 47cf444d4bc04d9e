"""The site search finds prototypes, by their problem too, and filters on them."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_search_finds_a_prototype_by_its_problem(client, make_prototype):
    make_prototype(title="Les devoirs à distance", problem="Les collégiens ne venaient plus l'hiver.")
    response = client.get("/recherche/?q=collégiens&type=prototype")
    assert response.status_code == 200
    hits = response.context["outcome"].results.object_list
    assert [hit.page.title for hit in hits] == ["Les devoirs à distance"]
    assert hits[0].kind == "prototype"
