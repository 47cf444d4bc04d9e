"""Member accounts: login, logout, password reset, invitations by coordinators (no open registration), profile."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from community.members import accounts
from community.members.models import Invitation, MemberProfile, Role
from tests.community.places.factories import structure
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un-train-peut-en-cacher-un-autre"


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_login_and_logout_by_post(client, home, users):
    response = client.post("/compte/login/", {"username": "charge", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/compte/profil/").status_code == 200
    assert client.get("/compte/logout/").status_code == 405  # logging out needs a POST (no CSRF-able GET)
    assert client.post("/compte/logout/").status_code == 302
    assert client.get("/compte/profil/").status_code == 302


def test_wrong_password_is_refused_in_french(client, home, users):
    response = client.post("/compte/login/", {"username": "charge", "password": "faux"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()


def test_password_reset_sends_a_link_that_works(client, home, users):
    response = client.post("/compte/password_reset/", {"email": users["charge"].email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0])
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.login(username="charge", password=NEW_PASSWORD)


def test_there_is_no_open_registration(client, home):
    for path in ("/compte/inscription/", "/compte/register/", "/compte/signup/"):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 200)],
)
def test_only_coordinators_invite(client, home, users, role, status):
    if users[role]:
        client.force_login(users[role])
    assert client.get("/compte/inviter/").status_code == status
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/compte/inviter/", {"email": "nouvelle@example.org", "role": Role.INNOVATION})
    assert response.status_code == (302 if role == "coordinator" else status)
    assert Invitation.objects.exists() == (role == "coordinator")
    assert len(mail.outbox) == (1 if role == "coordinator" else 0)


def invite(client, users, email="nouvelle@example.org", role=Role.INNOVATION):
    client.force_login(users["coordinator"])
    with TestCase.captureOnCommitCallbacks(execute=True):  # the e-mail is enqueued once the invitation is saved
        client.post("/compte/inviter/", {"email": email, "role": role})
    client.logout()
    return link_in(mail.outbox[-1])


def accept_data(**changes):
    return {
        "username": "nouvelle",
        "display_name": "Nora Vasseur",
        "bio": "Chargée d'innovation au centre social.",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **changes,
    }


def test_an_invited_person_creates_their_account_in_the_group_of_their_role(client, home, users):
    link = invite(client, users)
    assert link.startswith("/compte/invitation/")
    assert "nouvelle@example.org" in client.get(link).content.decode()
    response = client.post(link, accept_data())
    assert response.status_code == 302
    assert response["Location"] == "/compte/profil/"
    user = get_user_model().objects.get(username="nouvelle")
    assert user.email == "nouvelle@example.org"
    assert list(user.groups.values_list("name", flat=True)) == ["Chargés de mission"]
    assert user.member_profile.display_name == "Nora Vasseur"
    assert user.member_profile.role == Role.INNOVATION
    assert "Nora Vasseur" in client.get("/compte/profil/").content.decode()  # logged in straight away


def test_an_invited_coordinator_joins_the_coordinators(client, home, users):
    link = invite(client, users, role=Role.COORDINATOR)
    client.post(link, accept_data())
    assert accounts.is_coordinator(get_user_model().objects.get(username="nouvelle"))


def test_a_used_link_gives_a_clear_410(client, home, users):
    link = invite(client, users)
    client.post(link, accept_data())
    client.logout()
    response = client.get(link)
    assert response.status_code == 410
    assert "déjà servi" in response.content.decode()
    assert client.post(link, accept_data(username="autre")).status_code == 410
    assert get_user_model().objects.filter(username="autre").count() == 0


def test_an_expired_link_gives_a_clear_410(client, home, users):
    link = invite(client, users)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(link)
    assert response.status_code == 410
    assert "a expiré" in response.content.decode()


def test_an_unknown_link_gives_a_clear_404(client, home):
    response = client.get("/compte/invitation/pas-un-vrai-jeton/")
    assert response.status_code == 404
    assert "Ce lien d&#x27;invitation n&#x27;existe pas" in response.content.decode()


def test_only_a_digest_of_the_token_is_stored(client, home, users):
    link = invite(client, users)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_a_new_invitation_replaces_the_pending_one(client, home, users):
    first = invite(client, users)
    second = invite(client, users)
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_form_errors_are_in_french_keep_what_was_typed_and_create_nothing(client, home, users):
    UserFactory(username="prise")
    link = invite(client, users)
    response = client.post(link, accept_data(username="prise", password2="autre-chose-encore"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cet identifiant est déjà pris" in html
    assert "Les deux mots de passe ne sont pas identiques" in html
    assert 'value="Nora Vasseur"' in html
    assert "Chargée d&#x27;innovation au centre social." in html
    assert not MemberProfile.objects.exists()
    assert client.get(link).status_code == 200  # the link still works


def test_a_weak_password_is_refused(client, home, users):
    link = invite(client, users)
    response = client.post(link, accept_data(password1="123", password2="123"))
    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="nouvelle").exists()


def test_no_invitation_for_an_address_that_has_an_account(client, home, users):
    client.force_login(users["coordinator"])
    response = client.post("/compte/inviter/", {"email": users["charge"].email, "role": Role.INNOVATION})
    assert response.status_code == 400
    assert "Un compte existe déjà pour cette adresse" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_member_edits_their_profile(client, home, users):
    client.force_login(users["charge"])
    response = client.post("/compte/profil/", {"display_name": "Camille R.", "bio": "Animatrice."})
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=users["charge"])
    assert (profile.display_name, profile.bio) == ("Camille R.", "Animatrice.")
    response = client.post("/compte/profil/", {"display_name": "", "bio": "Garde ceci."})
    assert response.status_code == 400
    assert "Garde ceci." in response.content.decode()
    profile.refresh_from_db()
    assert profile.display_name == "Camille R."


def test_a_member_cannot_choose_their_structure(client, home, users):
    """The structure opens its team entries: it comes from the invitation or a coordinator, never from the member."""
    ours, theirs = structure(name="Centre A"), structure(name="Centre B")
    MemberProfile.objects.create(user=users["charge"], display_name="Camille", structure=ours)
    client.force_login(users["charge"])
    response = client.post("/compte/profil/", {"display_name": "Camille", "bio": "", "structure": theirs.pk})
    assert response.status_code == 302
    assert MemberProfile.objects.get(user=users["charge"]).structure == ours
    html = client.get("/compte/profil/").content.decode()
    assert "Structure : Centre A" in html
    assert 'name="structure"' not in html


def test_the_profile_is_for_logged_in_people_only(client, home):
    response = client.get("/compte/profil/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
