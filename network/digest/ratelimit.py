"""A per-address limit on subscription attempts, counted by core/ratelimit.py like the sign-up forms'."""

from django.conf import settings

from core.ratelimit import Limit, client_ip


def limit():
    return getattr(settings, "DIGEST_SUBSCRIBE_RATE_LIMIT", 5)


def window_seconds():
    return getattr(settings, "DIGEST_SUBSCRIBE_RATE_WINDOW", 600)


SUBSCRIPTIONS = Limit("digest-subscribe", limit, window_seconds)


def is_limited(request):
    return SUBSCRIPTIONS.is_reached(client_ip(request))


def record(request):
    return SUBSCRIPTIONS.record(client_ip(request))
