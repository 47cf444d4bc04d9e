"""What every page shares, kept in the shared cache (core/fragments.py): read once, and never shown stale once what
it holds is edited. Each test reads a page once (the fragments are kept), edits, and reads an address that was never
served (so the page cache cannot answer) to see the fragment built again."""

import pytest
from wagtail.models import PageViewRestriction

from community.organisation.models import OrganisationSettings
from core import fragments
from core.pages import pages, restricted_sections
from home.demo import emblems
from resources.models import WikiPage
from tests.factories import ResourceIndexPageFactory, StandardPageFactory, WikiPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wiki(home):
    index = ResourceIndexPageFactory(parent=home, show_in_menus=True)
    return [WikiPageFactory(parent=index, title=f"Page {n}", slug=f"page-{n}") for n in range(4)]


def html(client, page):
    return client.get(page.url).content.decode()


def test_a_fragment_is_built_once_then_read_from_the_cache(django_assert_num_queries, home):
    built = []
    assert fragments.get("topic", "name", lambda: built.append(1) or "value") == "value"
    with django_assert_num_queries(0):
        assert fragments.get("topic", "name", lambda: built.append(1) or "other") == "value"
    assert built == [1]


def test_forgetting_a_topic_makes_its_fragments_stale_now_and_once_committed(django_capture_on_commit_callbacks):
    fragments.get("topic", "name", lambda: "before")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        fragments.forget("topic")
    assert fragments.get("topic", "name", lambda: "during") == "during"
    for callback in callbacks:  # a page built during the edit's transaction does not outlive its commit
        callback()
    assert fragments.get("topic", "name", lambda: "after") == "after"


def test_the_menu_follows_publishing_renaming_and_unpublishing(client, home, wiki):
    StandardPageFactory(parent=home, title="Agenda", slug="agenda", live=False)
    assert ">Ressources</a>" in html(client, wiki[0])
    agenda = home.get_children().get(slug="agenda").specific
    agenda.show_in_menus = True
    agenda.title = "Agenda du réseau"
    agenda.save_revision().publish()
    assert ">Agenda du réseau</a>" in html(client, wiki[1])
    agenda.refresh_from_db()
    agenda.unpublish()
    assert ">Agenda du réseau</a>" not in html(client, wiki[2])


def test_the_footer_follows_the_legal_pages_the_funders_and_the_settings(client, home, wiki):
    assert "Cofinancé par le FSE" not in html(client, wiki[0])
    organisation = OrganisationSettings.for_site(home.get_site())
    funder = organisation.funders.create(name="FSE+", mention="Cofinancé par le FSE+.", emblem=emblems.eu_emblem())
    organisation.save()  # saves its funders, as the admin's form does
    legal = StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales", live=False)
    legal.save_revision().publish()
    page = html(client, wiki[1])
    assert "Cofinancé par le FSE+." in page and 'alt="FSE+"' in page and 'href="/mentions-legales/"' in page
    funder.mention = "Cofinancé par l'Union européenne (FSE+)."
    funder.save()
    organisation.name = "Réseau des centres sociaux"
    organisation.save()
    legal.refresh_from_db()
    legal.unpublish()
    page = html(client, wiki[2])
    assert "Cofinancé par l&#x27;Union européenne (FSE+)." in page and "Réseau des centres sociaux" in page
    assert 'href="/mentions-legales/"' not in page
    funder.delete()
    assert "FSE+" not in html(client, wiki[3])


def test_public_follows_restrictions_added_removed_and_pages_moved(home, wiki):
    index = wiki[0].get_parent()
    private = ResourceIndexPageFactory(parent=home, title="Réservé", slug="reserve")
    assert set(pages().type(WikiPage).public().values_list("pk", flat=True)) == {page.pk for page in wiki}
    restriction = PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert restricted_sections() == [(private.path, private.depth)]
    wiki[3].move(private, pos="last-child")
    assert set(WikiPage.objects.public()) == set(wiki[:3])
    PageViewRestriction.objects.create(page=wiki[0], restriction_type="login")
    assert set(WikiPage.objects.public()) == set(wiki[1:3])
    restriction.delete()
    assert set(WikiPage.objects.child_of(index).public()) == set(wiki[1:3])
    assert WikiPage.objects.public().filter(pk=wiki[3].pk).exists()


def test_a_page_restricted_after_its_privacy_was_kept_is_not_served(client, home, wiki):
    assert client.get(wiki[0].url).status_code == 200
    PageViewRestriction.objects.create(page=wiki[1].get_parent(), restriction_type="login")
    response = client.get(wiki[1].url)
    assert response.status_code == 302 and "login" in response["Location"]
