"""Guessing passwords and flooding password resets are throttled: 429 pages in French, shared by every process."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings as project_settings
from django.core import mail
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URLS = ["/compte/login/", "/admin/login/"]
LOCKED = "Trop de tentatives de connexion ont échoué pour ce compte ou depuis cette adresse"
LIMIT = project_settings.AXES_FAILURE_LIMIT


@pytest.fixture(autouse=True)
def throttled(settings):
    settings.AXES_ENABLED = True  # off for the rest of the suite (config/settings/test.py)


@pytest.fixture
def camille(home):
    return UserFactory(username="camille", email="camille@exemple.org", is_staff=True, is_superuser=True)


def log_in(client, url, username, password, ip="192.0.2.1", **headers):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers)


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(client, camille, url):
    statuses = [log_in(client, url, "camille", f"devinette-{n}").status_code for n in range(30)]
    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)  # the form again, with its error
    assert set(statuses[LIMIT - 1 :]) == {429}

    response = log_in(client, url, "camille", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "Réessayez dans 15 minutes." in html
    assert '<html lang="fr">' in html
    assert int(response["Retry-After"]) == 15 * 60
    assert not is_logged_in(client)


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_the_right_password_still_logs_in_below_the_limit(client, camille, url):
    for n in range(LIMIT - 2):
        log_in(client, url, "camille", f"devinette-{n}")
    assert log_in(client, url, "camille", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_an_account_is_locked_whatever_the_address_the_guesses_come_from(client, camille):
    for n in range(LIMIT):
        log_in(client, "/compte/login/", "camille", f"devinette-{n}", ip=f"198.51.100.{n + 1}")
    assert log_in(client, "/compte/login/", "camille", PASSWORD, ip="203.0.113.77").status_code == 429
    # Someone else is not held back at any of those addresses.
    UserFactory(username="dominique")
    assert log_in(client, "/compte/login/", "dominique", PASSWORD, ip="198.51.100.1").status_code == 302


def test_an_address_is_locked_whatever_the_accounts_it_tries(client, camille):
    for n in range(LIMIT):
        log_in(client, "/admin/login/", f"inconnu-{n}", "devinette", ip="192.0.2.66")
    assert log_in(client, "/admin/login/", "camille", PASSWORD, ip="192.0.2.66").status_code == 429
    assert log_in(client, "/admin/login/", "camille", PASSWORD, ip="192.0.2.67").status_code == 302


def test_behind_a_proxy_the_lock_falls_on_the_visitor_not_on_the_proxy(client, camille, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for n in range(LIMIT):
        log_in(client, "/compte/login/", f"inconnu-{n}", "devinette", ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9")
    locked = log_in(client, "/compte/login/", "camille", PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert locked.status_code == 429
    other = log_in(client, "/compte/login/", "camille", PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert other.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.9"}


def test_the_lock_lifts_after_the_cool_off(client, camille):
    for n in range(LIMIT):
        log_in(client, "/compte/login/", "camille", f"devinette-{n}")
    assert log_in(client, "/compte/login/", "camille", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert log_in(client, "/compte/login/", "camille", PASSWORD).status_code == 302


# --- Password reset e-mails: the site's form and the admin's share one limit -------------------------------------

RESET_URLS = ["/compte/password_reset/", "/admin/password_reset/"]


def ask_reset(client, url, email, ip="192.0.2.1"):
    return client.post(url, {"email": email}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("url", RESET_URLS)
def test_reset_e_mails_to_one_address_are_limited(client, camille, url):
    per_email = project_settings.PASSWORD_RESET_RATE_LIMIT_PER_EMAIL
    for n in range(per_email):
        assert ask_reset(client, url, "camille@exemple.org", ip=f"198.51.100.{n + 1}").status_code == 302
    assert len(mail.outbox) == per_email

    response = ask_reset(client, url, "Camille@Exemple.org", ip="203.0.113.8")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de demandes de nouveau mot de passe" in html
    assert '<html lang="fr">' in html
    assert int(response["Retry-After"]) > 0
    assert len(mail.outbox) == per_email


@pytest.mark.parametrize("url", RESET_URLS)
def test_reset_requests_from_one_address_are_limited_whether_accounts_exist_or_not(client, camille, url):
    per_address = project_settings.PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS
    for n in range(per_address):
        assert ask_reset(client, url, f"personne-{n}@exemple.org", ip="192.0.2.50").status_code == 302
    assert ask_reset(client, url, "camille@exemple.org", ip="192.0.2.50").status_code == 429
    assert mail.outbox == []
    assert ask_reset(client, url, "camille@exemple.org", ip="192.0.2.51").status_code == 302
    assert len(mail.outbox) == 1


def test_one_form_does_not_reopen_the_limit_the_other_reached(client, camille):
    site, admin = RESET_URLS
    for n in range(project_settings.PASSWORD_RESET_RATE_LIMIT_PER_EMAIL):
        ask_reset(client, site, "camille@exemple.org", ip=f"198.51.100.{n + 1}")
    assert ask_reset(client, admin, "camille@exemple.org", ip="203.0.113.8").status_code == 429
