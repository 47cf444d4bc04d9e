"""Error pages in French (the test settings run with DEBUG=False, as production does), and the favicon."""

import pytest
from django.template import loader
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.home.error_urls")]


@pytest.fixture
def failing_client():
    """A client that gets the error page a visitor would get, instead of the exception."""
    return Client(raise_request_exception=False)


def test_an_unknown_address_answers_a_french_404_with_the_site_s_navigation(client, home):
    response = client.get("/nulle-part/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="fr">' in html
    assert "<h1>Page introuvable</h1>" in html
    assert 'aria-label="Navigation principale"' in html
    assert 'href="/recherche/"' in html
    assert "Not Found" not in html


def test_a_failure_answers_a_french_500_that_stands_alone(failing_client, home):
    response = failing_client.get("/essai/panne/")
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr">' in html
    assert "<h1>Une erreur est survenue de notre côté</h1>" in html
    assert 'href="/"' in html
    assert "Server Error" not in html
    assert "no-cache" in response["Cache-Control"]


def test_a_database_failure_answers_a_french_503_to_retry(failing_client, home):
    response = failing_client.get("/essai/base-verrouillee/")
    assert response.status_code == 503
    assert "Le service est momentanément surchargé, réessayez dans un instant." in response.content.decode()
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize("template", ["500.html", "503.html", "400.html", "403_csrf.html"])
def test_the_pages_shown_when_things_break_query_nothing_and_hold_nothing_inline(template, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.render_to_string(template)
    assert '<html lang="fr">' in html
    assert "<h1>" in html and 'href="/"' in html
    assert "<script" not in html and "style=" not in html and "<style" not in html


def test_a_refused_request_answers_a_french_403(client, home):
    response = client.get("/essai/interdit/")
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in response.content.decode()


def test_a_form_without_its_csrf_token_is_refused_in_french(home):
    response = Client(enforce_csrf_checks=True).post("/compte/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Le formulaire n'a pas pu être vérifié" in response.content.decode()


def test_a_bad_request_answers_a_french_400(client, home, settings):
    settings.ALLOWED_HOSTS = ["gare-centrale.example"]
    response = client.get("/", HTTP_HOST="ailleurs.example")
    assert response.status_code == 400
    assert "<h1>Requête invalide</h1>" in response.content.decode()


def test_the_favicon_is_linked_from_every_page_and_found_where_browsers_look(client, home):
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in client.get("/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.svg"
