"""Attempts counted in the shared cache (Redis in production), and the visitor's address behind proxies.

Used by the public forms (VisitorLimit: workshops' sign-ups, the digest's subscriptions, the diagnostic's
e-mails), the password reset (home/throttling.py) and django-axes, which reads the same address as everyone else
(AXES_CLIENT_IP_CALLABLE).
"""

import math

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac


def client_ip(request):
    """The visitor's address. Behind TRUSTED_PROXY_COUNT reverse proxies, REMOTE_ADDR is the last proxy's: the
    visitor is then the address those proxies appended to X-Forwarded-For (what comes before can be forged)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class Limit:
    """At most `limit()` attempts per key (an address, an e-mail) in a fixed window of `window()` seconds that
    starts with the first attempt. Both are functions, read on each use, so that settings can change them."""

    def __init__(self, scope, limit, window):
        self.scope, self.limit, self.window = scope, limit, window

    def _key(self, value):
        # Hashed, so the cache never holds an address or an e-mail in clear.
        digest = salted_hmac(f"ratelimit.{self.scope}", str(value).lower()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}"

    def is_reached(self, value):
        return cache.get(self._key(value), 0) >= self.limit()

    def record(self, value):
        """Counts one attempt; returns the count in the current window."""
        key = self._key(value)
        if cache.add(key, 1, timeout=self.window()):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window())
            return 1


class VisitorLimit:
    """A limit per visitor's address, for a public form: its figures come from the settings `<setting>_LIMIT` and
    `<setting>_WINDOW` (seconds) when they are set, else from `limit` and `window`."""

    def __init__(self, scope, setting, limit, window):
        self.limit = lambda: getattr(settings, f"{setting}_LIMIT", limit)
        self.window_seconds = lambda: getattr(settings, f"{setting}_WINDOW", window)
        self.attempts = Limit(scope, self.limit, self.window_seconds)

    def is_limited(self, request):
        return self.attempts.is_reached(client_ip(request))

    def record(self, request):
        return self.attempts.record(client_ip(request))

    def too_many(self, request, template="429.html", context=None):
        """The answer once the limit is reached: 429, in French, saying when to try again."""
        seconds = self.window_seconds()
        context = {"retry_minutes": max(1, math.ceil(seconds / 60)), **(context or {})}
        response = TemplateResponse(request, template, context, status=429)
        response["Retry-After"] = str(seconds)
        return response
