"""A per-address limit on sign-up attempts (workshops and journeys), counted by core/ratelimit.py."""

from django.conf import settings

from core.ratelimit import Limit, client_ip


def limit():
    return getattr(settings, "WORKSHOPS_SIGNUP_RATE_LIMIT", 5)


def window_seconds():
    return getattr(settings, "WORKSHOPS_SIGNUP_RATE_WINDOW", 600)


SIGN_UPS = Limit("workshops-signup", limit, window_seconds)


def is_limited(request):
    return SIGN_UPS.is_reached(client_ip(request))


def record(request):
    return SIGN_UPS.record(client_ip(request))
