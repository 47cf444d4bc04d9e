"""The four roles, created by migration, and what each may edit (a permission matrix over the admin)."""

import pytest
from django.contrib.auth.models import Group

from community.members.roles import ROLES
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

# Which demo page each role may open in the editor: wiki and tool sheets for contributors and chargés,
# the workshops they animate for animators (tests/permissions/ checks another's), everything for coordinators.
EDIT_MATRIX = {
    "/ressources/bienvenue/": {"contributor", "charge", "coordinator"},
    "/outils/etherpad/": {"contributor", "charge", "coordinator"},
    "/parcours/dunar-pays-loire-nature/atelier-ecrire-a-plusieurs/": {"animator", "coordinator"},
    "/charte/": {"coordinator"},
}


def test_migration_creates_the_four_roles_with_admin_access():
    for name in ROLES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


def test_only_coordinators_may_change_the_site_settings():
    assert Group.objects.get(name="Coordinateurs").permissions.filter(codename="change_organisationsettings").exists()
    for name in ("Contributeurs", "Animateurs", "Chargés de mission"):
        assert not Group.objects.get(name=name).permissions.filter(codename="change_organisationsettings").exists()


@pytest.mark.parametrize("url", EDIT_MATRIX)
@pytest.mark.parametrize("role", ["anonymous", "contributor", "animator", "charge", "coordinator"])
def test_page_editor_permission_matrix(client, demo_site, users, role, url):
    from wagtail.models import Page

    page = Page.objects.get(url_path=f"/accueil{url}")
    if role == "animator" and hasattr(page.specific, "animators"):
        page.specific.animators.add(users["animator"])
        page.specific.save()
    if users[role]:
        client.force_login(users[role])
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif role in EDIT_MATRIX[url]:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/admin/" in response["Location"]
    public = client.get(url).content.decode()
    assert ("page-actions" in public) == (role in EDIT_MATRIX[url])


@pytest.mark.parametrize("role", ["contributor", "animator", "charge", "coordinator"])
def test_members_log_in_through_the_account_page(client, users, role):
    response = client.post("/compte/login/", {"username": role, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wrong_password_gives_a_french_error(client, users):
    response = client.post("/compte/login/", {"username": "contributor", "password": "mauvais"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()


def test_login_without_next_goes_home_and_logout_returns_home(client, users):
    response = client.post("/compte/login/", {"username": "animator", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    response = client.post("/compte/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session
