"""A page restricted in Wagtail's privacy settings, or under a restricted section, reaches only those it names:
the public page cache never serves it, whether it was cached before the restriction or not."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ResourceIndexPageFactory, WikiPageFactory

pytestmark = pytest.mark.django_db

SECRET = "Compte rendu du conseil restreint"


@pytest.fixture
def section(home):
    index = ResourceIndexPageFactory(parent=home, title="Ressources", slug="ressources")
    page = WikiPageFactory(parent=index, title=SECRET, slug="conseil")
    return index, page


def restrict(page, kind):
    if kind == "password":
        return PageViewRestriction.objects.create(page=page, restriction_type="password", password="s3same")
    return PageViewRestriction.objects.create(page=page, restriction_type="login")


@pytest.mark.parametrize("kind", ["login", "password"])
@pytest.mark.parametrize("where", ["page", "section"])
@pytest.mark.parametrize("cached_before", [True, False])
def test_a_restricted_page_is_never_served_to_an_anonymous_visitor(client, section, kind, where, cached_before):
    index, page = section
    if cached_before:
        assert SECRET in client.get(page.url).content.decode()
    restrict(page if where == "page" else index, kind)
    for _ in range(2):  # and not the second time either, from the cache
        response = client.get(page.url)
        assert SECRET not in response.content.decode()
        if kind == "login":
            assert response.status_code == 302 and "login" in response["Location"]
        else:
            assert response.status_code == 200 and 'name="password"' in response.content.decode()


def test_the_people_it_names_still_read_it(client, section, users):
    _, page = section
    restrict(page, "login")
    client.force_login(users["contributor"])
    assert SECRET in client.get(page.url).content.decode()
