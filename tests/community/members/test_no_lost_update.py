"""One's profile edited in two places at once: merged apart, refused with both versions (409)."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from community.members.models import MemberProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, home, users):
    client.force_login(users["charge"])
    return users["charge"]


def profile_form(response):
    html = response.content.decode()
    return next(data for index in range(6) if "bio" in (data := querydict_from_html(html, form_index=index)))


def open_form(client):
    return profile_form(client.get("/compte/profil/"))


def submit(client, data, **changes):
    data = data.copy()
    for name, value in changes.items():
        data[name] = value
    return client.post("/compte/profil/", data)


def test_changes_to_different_fields_are_both_kept(client, member):
    first, second = open_form(client), open_form(client)
    assert submit(client, first, display_name="Camille M.").status_code == 302

    assert submit(client, second, bio="J'anime les ateliers du mardi.").status_code == 302

    profile = MemberProfile.objects.get(user=member)
    assert (profile.display_name, profile.bio) == ("Camille M.", "J'anime les ateliers du mardi.")


def test_the_same_field_changed_in_both_is_refused_then_saved_once_seen(client, member):
    first, second = open_form(client), open_form(client)
    submit(client, first, bio="Depuis le téléphone.")

    refused = submit(client, second, bio="Depuis l'ordinateur.")

    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Version enregistrée entre-temps : « Depuis le téléphone. »" in html
    assert "Votre version : « Depuis l&#x27;ordinateur. »" in html
    assert "Depuis l&#x27;ordinateur.</textarea>" in html
    assert MemberProfile.objects.get(user=member).bio == "Depuis le téléphone."

    assert client.post("/compte/profil/", profile_form(refused)).status_code == 302
    assert MemberProfile.objects.get(user=member).bio == "Depuis l'ordinateur."


def test_a_forged_snapshot_is_ignored(client, member):
    data = open_form(client)
    assert submit(client, data, merge_snapshot="forged", bio="Seul.").status_code == 302
    assert MemberProfile.objects.get(user=member).bio == "Seul."
