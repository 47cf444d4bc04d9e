"""Reverting from the public history: those who may edit a page bring an older version back as a new revision,
nothing erased, with a reason that the history shows to everyone."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import Revision

from community.members import roles
from resources import history
from resources.models import WikiPage

from ..factories import ResourceIndexPageFactory, UserFactory, WikiPageFactory, publish_revision

pytestmark = pytest.mark.django_db

FIRST = "Les ateliers ont lieu le mardi."
SECOND = "Les ateliers ont lieu le mardi. ACHETEZ DES MONTRES"


@pytest.fixture
def wiki(home, users):
    wiki = ResourceIndexPageFactory(parent=home)
    roles.grant_pages(roles.CONTRIBUTORS, wiki)
    return wiki


@pytest.fixture
def page(wiki, users):
    """A page whose second version is a vandal's."""
    page = WikiPageFactory(parent=wiki, slug="horaires", title="Horaires", body=[("markdown", FIRST)])
    publish_revision(page, users["charge"])
    publish_revision(page, users["charge"], body=[("markdown", SECOND)])
    return page


def revision_number(page, number):
    return next(entry for entry in history.revisions(page) if entry.number == number)


def test_a_contributor_reverts_from_the_public_history_with_a_reason_everyone_reads(client, page, users):
    client.force_login(users["contributor"])
    target = revision_number(page, 1)
    history_page = BeautifulSoup(client.get("/ressources/horaires/historique/").content, "html.parser")
    assert history_page.find("a", href=f"/ressources/horaires/historique/retablir/{target.id}/")

    asked = client.get(f"/ressources/horaires/historique/retablir/{target.id}/")
    assert asked.status_code == 200
    assert "ACHETEZ DES MONTRES" in BeautifulSoup(asked.content, "html.parser").find("del").get_text()
    response = client.post(f"/ressources/horaires/historique/retablir/{target.id}/", {"reason": "Publicité"})

    assert response.status_code == 302 and response["Location"] == "/ressources/horaires/historique/"
    client.logout()
    assert "ACHETEZ" not in client.get("/ressources/horaires/").content.decode()
    entries = history.revisions(WikiPage.objects.get(pk=page.pk))
    assert len(entries) == 3  # nothing erased: the vandal's version is still in the history
    assert entries[0].summary == "Publication · retour à la version 1 · motif : Publicité"
    assert entries[0].author == users["contributor"].get_full_name()
    assert "motif : Publicité" in client.get("/ressources/horaires/historique/").content.decode()


def test_a_reason_is_required_and_bounded_in_french(client, page, users):
    client.force_login(users["contributor"])
    target = revision_number(page, 1)
    url = f"/ressources/horaires/historique/retablir/{target.id}/"
    count = Revision.objects.count()

    for reason in ("", "   ", "x" * 301):
        response = client.post(url, {"reason": reason})
        assert response.status_code == 400
        assert "motif" in BeautifulSoup(response.content, "html.parser").find(class_="errors").get_text()
    assert Revision.objects.count() == count


def test_the_live_version_cannot_be_brought_back(client, page, users):
    client.force_login(users["contributor"])
    live = revision_number(page, 2)
    url = f"/ressources/horaires/historique/retablir/{live.id}/"

    assert "déjà celle en ligne" in client.get(url).content.decode()
    response = client.post(url, {"reason": "Pour voir"})

    assert response.status_code == 409
    assert "déjà celle en ligne" in response.content.decode()


def test_only_those_who_may_edit_the_page_revert_it(client, page, users):
    target = revision_number(page, 1)
    url = f"/ressources/horaires/historique/retablir/{target.id}/"

    assert "/compte/login/" in client.get(url)["Location"]
    assert "retablir" not in client.get("/ressources/horaires/historique/").content.decode()
    for role in ("animator", "coordinator"):  # the coordinator has no right on this test's wiki
        client.force_login(users[role])
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": "Non"}).status_code == 403
    assert len(history.revisions(page)) == 2


def test_a_revision_of_another_page_or_unknown_is_not_found(client, page, wiki, users):
    other = WikiPageFactory(parent=wiki, slug="autre", title="Autre")
    foreign = publish_revision(other, users["charge"]).id
    client.force_login(users["contributor"])

    for revision_id in (foreign, 999999):
        assert client.get(f"/ressources/horaires/historique/retablir/{revision_id}/").status_code == 404


def test_who_may_edit_but_not_publish_leaves_a_draft(client, page, wiki, users):
    editor = UserFactory(username="redacteur")
    group = Group.objects.create(name="Rédaction")
    editor.groups.add(group)
    roles.grant_pages("Rédaction", wiki, ["add_page", "change_page"])
    target = revision_number(page, 1)
    client.force_login(editor)

    client.post(f"/ressources/horaires/historique/retablir/{target.id}/", {"reason": "Publicité"})

    page.refresh_from_db()
    assert "ACHETEZ" in page.specific.body.raw_data[0]["value"]  # still online, until a publisher publishes
    assert page.has_unpublished_changes
    assert "ACHETEZ" not in str(page.get_latest_revision_as_object().body.raw_data)
