"""Throttled sign-ins and password resets: what answers when someone tries too often (429, in French).

Failed logins are counted by django-axes (settings AXES_*: per account and per address, shared by every process
through the database), on every form that calls authenticate(): /compte/login/ and the Wagtail admin's login.
Password reset e-mails are limited here, per e-mail and per address, in the shared cache: one limit for both reset
forms, /compte/password_reset/ and the admin's /admin/password_reset/.
"""

import math

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin.views import account as wagtail_account

from core.ratelimit import Limit, client_ip


def _retry_response(request, message, seconds):
    response = render(
        request, "429.html", {"message": message, "retry_minutes": max(1, math.ceil(seconds / 60))}, status=429
    )
    response["Retry-After"] = str(int(seconds))
    return response


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page shown instead of the login form once an account or an address is locked."""
    message = _(
        "Trop de tentatives de connexion ont échoué pour ce compte ou depuis cette adresse : "
        "la connexion est bloquée pour un moment. Si vous avez oublié votre mot de passe, demandez-en un nouveau."
    )
    return _retry_response(request, message, settings.AXES_COOLOFF_TIME.total_seconds())


def _window():
    return settings.PASSWORD_RESET_RATE_WINDOW


RESETS_PER_EMAIL = Limit("password-reset-email", lambda: settings.PASSWORD_RESET_RATE_LIMIT_PER_EMAIL, _window)
RESETS_PER_ADDRESS = Limit("password-reset-address", lambda: settings.PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS, _window)


class ThrottledResets:
    """A password reset view's limit on the e-mails it sends. Every request counts, whether an account has that
    address or not, so the limit tells nothing about who has an account."""

    def form_valid(self, form):
        email, address = form.cleaned_data["email"], client_ip(self.request)
        if RESETS_PER_EMAIL.is_reached(email) or RESETS_PER_ADDRESS.is_reached(address):
            message = _("Trop de demandes de nouveau mot de passe ont été faites pour cette adresse e-mail ou d'ici.")
            return _retry_response(self.request, message, _window())
        RESETS_PER_EMAIL.record(email)
        RESETS_PER_ADDRESS.record(address)
        return super().form_valid(form)


class PasswordResetView(ThrottledResets, auth_views.PasswordResetView):
    """Django's password reset (/compte/password_reset/), throttled."""


class AdminPasswordResetView(ThrottledResets, wagtail_account.PasswordResetView):
    """The Wagtail admin's password reset (/admin/password_reset/), throttled."""
