"""A per-address limit on results asked for by e-mail, counted by core/ratelimit.py (the address is hashed there)."""

from django.conf import settings

from core.ratelimit import Limit, client_ip


def limit():
    return getattr(settings, "DIAGNOSTIC_EMAIL_RATE_LIMIT", 5)


def window_seconds():
    return getattr(settings, "DIAGNOSTIC_EMAIL_RATE_WINDOW", 3600)


EMAILS = Limit("diagnostic-email", limit, window_seconds)


def is_limited(request):
    return EMAILS.is_reached(client_ip(request))


def record(request):
    return EMAILS.record(client_ip(request))
