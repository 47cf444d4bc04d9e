"""Who writes news: animators and coordinators add, edit and publish them; contributors and chargés do not."""

import datetime

import pytest

from community.members import roles
from tests.network.news.factories import NewsIndexPageFactory, news

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    index = NewsIndexPageFactory(parent=home)
    # As the demo grants them (home/demo): animators on the news, coordinators on the whole site.
    roles.grant_pages(roles.ANIMATORS, index)
    roles.grant_pages(roles.COORDINATORS, home, roles.MANAGE_PAGES)
    return index


@pytest.mark.parametrize(
    ("role", "may_write"),
    [("animator", True), ("coordinator", True), ("contributor", False), ("charge", False)],
)
def test_who_may_add_edit_and_publish_news(client, index, users, role, may_write):
    item = news(index, "Une nouvelle", datetime.date(2026, 11, 10))
    user = users[role]
    page_rights = item.permissions_for_user(user)
    assert index.permissions_for_user(user).can_add_subpage() is may_write
    assert page_rights.can_edit() is may_write
    assert page_rights.can_publish() is may_write

    client.force_login(user)
    response = client.get(f"/admin/pages/add/news/newspage/{index.pk}/")
    assert response.status_code == (200 if may_write else 302)


def test_the_index_itself_is_the_coordinators(index, users):
    for role, manages in (("animator", False), ("coordinator", True)):
        rights = index.permissions_for_user(users[role])
        assert rights.can_add_subpage()
        assert rights.can_edit() is manages
        assert rights.can_unpublish() is manages
        assert rights.can_delete() is manages


def test_an_animator_publishes_a_news_item_from_the_admin(client, index, users):
    client.force_login(users["animator"])
    response = client.post(
        f"/admin/pages/add/news/newspage/{index.pk}/",
        {
            "title": "Atelier de Noël",
            "slug": "atelier-de-noel",
            "date": "2026-12-01",
            "summary": "Un atelier festif.",
            "image_alt": "",
            "body-count": "0",
            "tags": "fêtes",
            "licence": "cc-by-sa-4.0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert client.get("/actualites/atelier-de-noel/").status_code == 200
