"""View decorators for personal pages: never cached nor indexed, and who may reach the members' pages."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.cache import add_never_cache_headers

from . import accounts


def private(view):
    """Never kept by a cache, never indexed by a search engine, its URL never sent to another site."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        # Some of these URLs are keys (a sign-up's token): they must not leak through the Referer header.
        # ("no-referrer" would be stricter, but makes browsers send "Origin: null", which fails Django's CSRF check.)
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


def _restricted_to(may_enter):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not may_enter(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return private(wrapped)

    return decorator


# Anonymous visitors log in first; logged-in people without the role get a 403.
# Any account may reach its own data, whatever its role.
account_holders_only = _restricted_to(lambda user: True)
members_only = _restricted_to(accounts.is_member)
coordinators_only = _restricted_to(accounts.is_coordinator)
