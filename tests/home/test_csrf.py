"""The CSRF token a copy of the page cache gets for each visitor (home/csrf.py): Django's CSRF middleware accepts it
with the cookie it comes with, and with no other; its characters are drawn evenly from the whole alphabet."""

import collections
import string

from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.test import RequestFactory

from home.csrf import get_token

middleware = CsrfViewMiddleware(lambda request: HttpResponse())


def view(request):
    return HttpResponse()


def page(cookie=None):
    """A visitor's page: their token, and the cookie sent with it."""
    request = RequestFactory().get("/", **({"HTTP_COOKIE": f"csrftoken={cookie}"} if cookie else {}))
    middleware.process_request(request)
    token = get_token(request)
    response = middleware.process_response(request, HttpResponse())
    return token, response.cookies["csrftoken"].value


def is_accepted(token, cookie):
    request = RequestFactory().post("/", {"csrfmiddlewaretoken": token}, HTTP_COOKIE=f"csrftoken={cookie}")
    middleware.process_request(request)
    return middleware.process_view(request, view, (), {}) is None


def test_the_middleware_accepts_each_token_with_its_own_cookie_only():
    pages = [page() for _ in range(200)]
    assert all(is_accepted(token, cookie) for token, cookie in pages)
    assert len({cookie for _, cookie in pages}) == len(pages)
    (token, _), (_, other_cookie) = pages[:2]
    assert not is_accepted(token, other_cookie)


def test_a_returning_visitor_gets_new_tokens_for_the_cookie_they_have():
    _, cookie = page()
    pages = [page(cookie) for _ in range(200)]
    assert {kept for _, kept in pages} == {cookie}
    assert len({token for token, _ in pages}) == len(pages)
    assert all(cookie not in token and is_accepted(token, cookie) for token, _ in pages)


def test_every_character_is_as_likely_as_the_others():
    """A random byte taken modulo 62 would make eight characters a quarter likelier than the others: over 1.28
    million characters, 30 standard deviations above the mean, where 5 % is 7."""
    counts = collections.Counter("".join(page()[0] for _ in range(20_000)))
    assert set(counts) == set(string.ascii_letters + string.digits)
    mean = sum(counts.values()) / len(counts)
    assert all(abs(count - mean) < 0.05 * mean for count in counts.values())
