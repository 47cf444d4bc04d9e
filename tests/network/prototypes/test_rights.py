"""Who edits prototypes in the admin: coordinators all; a member those of their structure and the ones they made."""

import pytest
from wagtail.models import GroupPagePermission

from community.members.roles import CHARGES, CONTRIBUTORS, COORDINATORS, EDIT_PAGES, MANAGE_PAGES, grant_pages
from network.prototypes.wagtail_hooks import let_charges_add_prototypes

pytestmark = pytest.mark.django_db


@pytest.fixture
def prototype(home, index, make_prototype):
    # As the demo does: coordinators manage the whole site, chargés edit below the prototypes' index.
    grant_pages(COORDINATORS, home, MANAGE_PAGES)
    grant_pages(CHARGES, index, EDIT_PAGES)
    grant_pages(CONTRIBUTORS, index, EDIT_PAGES)  # even with the subtree's rights, not another's prototype
    return make_prototype()


def status(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


def test_chargés_edit_their_structures_prototypes_not_anothers(client, prototype, centres, member_of, coordinator):
    edit = f"/admin/pages/{prototype.pk}/edit/"
    assert status(client, member_of(centres["maker"]), edit) == 200
    assert status(client, member_of(centres["neighbour"]), edit) == 302
    assert status(client, member_of(centres["third"], role=CONTRIBUTORS), edit) == 302
    assert status(client, coordinator, edit) == 200


def test_chargés_add_prototypes_and_edit_the_ones_they_made(client, index, prototype, centres, member_of):
    author = member_of(centres["neighbour"])
    assert status(client, author, f"/admin/pages/add/prototypes/prototypepage/{index.pk}/") == 200
    prototype.owner = author
    prototype.save()
    assert status(client, author, f"/admin/pages/{prototype.pk}/edit/") == 200


def test_the_index_is_the_coordinators(client, index, prototype, centres, member_of, coordinator):
    assert status(client, member_of(centres["maker"]), f"/admin/pages/{index.pk}/edit/") == 302
    assert status(client, coordinator, f"/admin/pages/{index.pk}/edit/") == 200


def test_a_new_index_lets_chargés_add_prototypes(client, index, member_of, centres):
    charge = member_of(centres["maker"])
    assert status(client, charge, f"/admin/pages/add/prototypes/prototypepage/{index.pk}/") == 302
    let_charges_add_prototypes(None, index)  # Wagtail's after_create_page hook, as the admin calls it
    let_charges_add_prototypes(None, index)  # twice changes nothing
    assert GroupPagePermission.objects.filter(group__name=CHARGES, page=index).count() == len(EDIT_PAGES)
    assert status(client, charge, f"/admin/pages/add/prototypes/prototypepage/{index.pk}/") == 200
