"""Attempts at a public form without an account, limited per visitor's address by core/ratelimit.py like the
sign-up forms': the digest's subscription form, and the follow form that reuses it."""

from django.conf import settings
from django.template.response import TemplateResponse

from core.ratelimit import Limit, client_ip


class FormAttempts:
    """At most `<SETTING>_LIMIT` attempts (5 by default) per address in `<SETTING>_WINDOW` seconds (600)."""

    def __init__(self, scope, setting):
        self.setting = setting
        self.attempts = Limit(scope, self.limit, self.window_seconds)

    def limit(self):
        return getattr(settings, f"{self.setting}_LIMIT", 5)

    def window_seconds(self):
        return getattr(settings, f"{self.setting}_WINDOW", 600)

    def is_limited(self, request):
        return self.attempts.is_reached(client_ip(request))

    def record(self, request):
        return self.attempts.record(client_ip(request))

    def refusal(self, request, template):
        """The 429 page, saying when to come back."""
        response = TemplateResponse(request, template, status=429)
        response["Retry-After"] = str(self.window_seconds())
        return response


SUBSCRIPTIONS = FormAttempts("digest-subscribe", "DIGEST_SUBSCRIBE_RATE")
