"""Signing up through the workshop page, and managing one's sign-up through the private link."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client
from django.utils import timezone

from home.cache import mark_cacheable
from workshops import signup
from workshops.models import Registration

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/ateliers/ecrire-a-plusieurs/inscription/"
DONE_URL = "/ateliers/ecrire-a-plusieurs/inscription/merci/"


@pytest.fixture
def form_data(person):
    def make(**fields):
        return {**person(), "consent": "on", **fields}

    return make


def post(client, data, ip="192.0.2.1"):
    return client.post(SIGNUP_URL, data, REMOTE_ADDR=ip)


def test_the_workshop_page_shows_the_form_and_the_places_left(client, workshop):
    response = client.get(workshop.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{SIGNUP_URL}"' in html
    assert "3 places disponibles" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'href="/confidentialite/"' in html
    assert 'autocomplete="email"' in html
    # The honeypot is out of sight, out of the accessibility tree and out of the tab order.
    assert re.search(r'<div class="visually-hidden" aria-hidden="true">\s*<label for="id_site_internet">', html)
    assert re.search(
        r'<input[^>]*name="site_internet"[^>]*tabindex="-1"|<input[^>]*tabindex="-1"[^>]*site_internet', html
    )


def test_the_places_shown_follow_every_sign_up_and_cancellation(client, workshop, person):
    assert "3 places disponibles" in client.get(workshop.url).content.decode()
    registration = signup.sign_up(workshop, person())
    assert "2 places disponibles" in client.get(workshop.url).content.decode()
    signup.cancel(registration)
    assert "3 places disponibles" in client.get(workshop.url).content.decode()


def form_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]


def test_the_shared_copy_gives_each_visitor_a_token_of_their_own(workshop, form_data, django_assert_num_queries):
    first, second, forger = (Client(enforce_csrf_checks=True) for _ in range(3))
    built = first.get(workshop.url)
    with django_assert_num_queries(0):  # from the shared cache
        page = second.get(workshop.url)
    token = form_token(page)
    assert page.cookies["csrftoken"].value
    assert "private" in built["Cache-Control"] and "private" in page["Cache-Control"]
    assert token != form_token(built) and page.cookies["csrftoken"].value != built.cookies["csrftoken"].value
    # Another visitor's token is worthless without the cookie it was made for: a cross-site post is refused, with
    # no cookie as with a cookie of one's own.
    assert forger.post(SIGNUP_URL, {**form_data(), "csrfmiddlewaretoken": token}).status_code == 403
    forger.get(workshop.url)
    assert forger.post(SIGNUP_URL, {**form_data(), "csrfmiddlewaretoken": token}).status_code == 403
    response = second.post(SIGNUP_URL, {**form_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == DONE_URL
    assert workshop.registrations.count() == 1


def test_a_returning_visitor_keeps_their_cookie_under_a_new_mask_each_time(workshop, form_data):
    """The secret of the cookie never shows in a page, and each page hides it differently (BREACH)."""
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(workshop.url)
    cookie = visitor.cookies["csrftoken"].value
    pages = [visitor.get(workshop.url) for _ in range(2)]
    tokens = [form_token(page) for page in pages]
    assert all(page.cookies["csrftoken"].value == cookie for page in pages)  # sent again, to last longer
    assert tokens[0] != tokens[1] and all(cookie not in token for token in tokens)
    for token in tokens:
        response = visitor.post(SIGNUP_URL, {**form_data(), "csrfmiddlewaretoken": token})
        assert response.status_code == 302
    assert workshop.registrations.count() == 2


def test_a_visitor_with_a_broken_cookie_gets_a_new_one_that_works(workshop, form_data):
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(workshop.url)
    visitor.cookies["csrftoken"] = "abîmé"
    page = visitor.get(workshop.url)
    assert page.cookies["csrftoken"].value != "abîmé"
    response = visitor.post(SIGNUP_URL, {**form_data(), "csrfmiddlewaretoken": form_token(page)})
    assert response.status_code == 302


def test_a_copy_lasts_no_longer_than_the_sign_up_window_it_shows(rf, workshop):
    type(workshop).objects.filter(pk=workshop.pk).update(signup_opens=timezone.now() + datetime.timedelta(seconds=90))
    workshop.refresh_from_db()
    request = rf.get(workshop.url)
    request.user = AnonymousUser()
    mark_cacheable(workshop, request)
    assert 0 < request.page_cache_seconds <= 90


def test_a_full_workshop_offers_the_waiting_list(client, workshop, person):
    for _ in range(3):
        signup.sign_up(workshop, person())
    html = client.get(workshop.url).content.decode()
    assert "Complet — liste d'attente" in html
    assert "M'inscrire sur la liste d'attente" in html


def test_a_closed_workshop_says_so_without_a_form(client, workshop):
    type(workshop).objects.filter(pk=workshop.pk).update(signup_closes=timezone.now() - datetime.timedelta(hours=1))
    html = client.get(workshop.url).content.decode()
    assert "Inscriptions closes" in html
    assert SIGNUP_URL not in html


def test_signing_up_redirects_to_a_confirmation_and_e_mails_the_private_link(
    client, workshop, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data(first_name="Zoé", email="zoe@example.org"))

    assert response.status_code == 302
    assert response["Location"] == DONE_URL
    registration = Registration.objects.get()
    assert registration.first_name == "Zoé" and registration.status == Registration.Status.CONFIRMED
    assert registration.consent_at is not None
    assert mail.outbox[0].to == ["zoe@example.org"]
    assert f"/inscription/{registration.token}/" in mail.outbox[0].body

    done = client.get(DONE_URL)
    assert done.status_code == 200
    assert "Votre inscription est confirmée" in done.content.decode()
    assert "no-store" in done["Cache-Control"]
    assert done["X-Robots-Tag"].startswith("noindex")


def test_past_capacity_the_confirmation_says_waiting_list(client, workshop, person, form_data):
    for _ in range(3):
        signup.sign_up(workshop, person())
    post(client, form_data())
    html = client.get(DONE_URL).content.decode()
    assert "Vous êtes sur la liste d'attente" in html
    assert "en position 1" in html


def test_the_confirmation_page_needs_the_visitor_s_own_sign_up(client, workshop):
    response = client.get(DONE_URL)
    assert response.status_code == 302
    assert response["Location"] == workshop.url


def test_getting_the_sign_up_url_leads_to_the_form(client, workshop):
    response = client.get(SIGNUP_URL)
    assert response.status_code == 302
    assert response["Location"] == f"{workshop.url}#inscription"


def test_errors_are_in_french_beside_their_field(client, workshop, form_data):
    response = post(client, form_data(email="pas-une-adresse", consent=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide" in html
    assert "Cochez cette case pour vous inscrire." in html
    assert not Registration.objects.exists()


def test_the_same_e_mail_twice_gets_a_clear_message_and_keeps_the_form(client, workshop, form_data):
    post(client, form_data(email="zoe@example.org"))
    response = post(client, form_data(email="ZOE@example.org", first_name="Zoé", structure="Amicale laïque"))
    html = response.content.decode()
    assert response.status_code == 409
    assert "Cette adresse e-mail est déjà inscrite à cet atelier." in html
    assert 'value="Zoé"' in html and 'value="Amicale laïque"' in html and 'value="ZOE@example.org"' in html
    assert Registration.objects.count() == 1


def test_a_closed_workshop_refuses_the_post_in_french(client, workshop, form_data):
    type(workshop).objects.filter(pk=workshop.pk).update(signup_closes=timezone.now() - datetime.timedelta(hours=1))
    response = post(client, form_data())
    assert response.status_code == 403
    assert "Les inscriptions à cet atelier sont closes." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_filled_honeypot_is_turned_away_and_nothing_is_saved(
    client, workshop, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data(site_internet="https://spam.example"))
    assert response.status_code == 400
    assert "Inscription refusée" in response.content.decode()
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_too_many_attempts_from_one_address_get_a_429_in_french(client, workshop, form_data, settings):
    settings.WORKSHOPS_SIGNUP_RATE_LIMIT = 2
    assert post(client, form_data()).status_code == 302
    assert post(client, form_data()).status_code == 302
    response = post(client, form_data())
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert Registration.objects.count() == 2
    # Another visitor is not held back.
    assert post(client, form_data(), ip="198.51.100.7").status_code == 302


def test_behind_a_trusted_proxy_visitors_are_told_apart_by_the_forwarded_address(client, workshop, form_data, settings):
    settings.WORKSHOPS_SIGNUP_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"

    def through_proxy(visitor):
        # A forged first entry is ignored: only the address the proxy appended counts.
        forwarded = f"203.0.113.9, {visitor}"
        return client.post(SIGNUP_URL, form_data(), REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded)

    assert through_proxy("198.51.100.1").status_code == 302
    assert through_proxy("198.51.100.2").status_code == 302
    assert through_proxy("198.51.100.1").status_code == 429


# --- The private page behind the token ------------------------------------------------------------------------------


def test_the_private_page_shows_one_s_sign_up_and_is_kept_out_of_caches_and_search(client, workshop, person):
    registration = signup.sign_up(workshop, person(first_name="Zoé", phone="06 12 34 56 78"))
    response = client.get(f"/inscription/{registration.token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zoé" in html and "06 12 34 56 78" in html and "Inscription confirmée" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "same-origin"


def test_an_unknown_token_is_a_404(client, workshop):
    assert client.get("/inscription/pas-un-jeton/").status_code == 404
    assert client.post("/inscription/pas-un-jeton/annuler/").status_code == 404


def test_one_changes_name_phone_and_structure(client, workshop, person):
    registration = signup.sign_up(workshop, person())
    url = f"/inscription/{registration.token}/"
    data = {
        "first_name": "Dominique",
        "last_name": "Lefèvre",
        "phone": "02 47 00 00 00",
        "structure": "Amicale laïque",
        "commune": "Hommes",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.first_name, registration.phone, registration.structure) == (
        "Dominique",
        "02 47 00 00 00",
        "Amicale laïque",
    )
    assert "Vos informations sont enregistrées." in client.get(url).content.decode()

    response = client.post(url, {**data, "first_name": "", "phone": "pas un numéro"})
    assert response.status_code == 200  # not a 4xx: Django would log the path, and the token with it
    assert "Saisissez un numéro de téléphone" in response.content.decode()
    registration.refresh_from_db()
    assert registration.first_name == "Dominique"


def test_cancelling_asks_first_then_promotes_the_next_person(
    client, workshop, person, django_capture_on_commit_callbacks
):
    first, *_ = [signup.sign_up(workshop, person()) for _ in range(3)]
    waiting = signup.sign_up(workshop, person())
    url = f"/inscription/{first.token}/annuler/"

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Voulez-vous vraiment annuler" in confirm.content.decode()
    first.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/inscription/{first.token}/"
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[waiting.email]]
    html = client.get(f"/inscription/{first.token}/").content.decode()
    assert "Inscription annulée" in html and "Votre inscription est annulée." in html
    assert "Modifier mes informations" not in html


def test_cancelling_needs_the_csrf_token(workshop, person):
    from django.test import Client

    registration = signup.sign_up(workshop, person())
    response = Client(enforce_csrf_checks=True).post(f"/inscription/{registration.token}/annuler/")
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_personal_data_never_shows_on_the_public_page_nor_to_another_token(client, workshop, person):
    zoe = signup.sign_up(workshop, person(first_name="Zoé", last_name="Quintard", email="zoe.q@example.org"))
    other = signup.sign_up(workshop, person())
    for html in (
        client.get(workshop.url).content.decode(),
        client.get("/ateliers/").content.decode(),
        client.get(f"/inscription/{other.token}/").content.decode(),
    ):
        assert "Quintard" not in html
        assert "zoe.q@example.org" not in html
        assert zoe.token not in html
