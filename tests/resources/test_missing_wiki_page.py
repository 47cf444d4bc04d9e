"""A `[[lien]]` to a page that does not exist yet: a 404 page that offers creation only to those who may."""

import pytest

from community.members.roles import grant_pages
from tests.factories import ResourceIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "may_create"),
    [("anonymous", False), ("contributor", True), ("animator", False), ("charge", False), ("coordinator", True)],
)
def test_missing_page_offers_creation_to_those_who_may(client, home, users, role, may_create):
    index = ResourceIndexPageFactory(parent=home)
    grant_pages("Contributeurs", index)
    grant_pages("Coordinateurs", home)
    if users[role]:
        client.force_login(users[role])
    response = client.get("/ressources/page-a-creer/?titre=Accueillir")
    html = response.content.decode()
    assert response.status_code == 404
    assert "« Accueillir »" in html
    assert (f"/admin/pages/add/resources/wikipage/{index.pk}/" in html) == may_create
