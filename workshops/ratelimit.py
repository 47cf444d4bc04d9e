"""A per-IP limit on sign-up attempts, counted in the shared cache (Redis in production)."""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def limit():
    return getattr(settings, "WORKSHOPS_SIGNUP_RATE_LIMIT", 5)


def window_seconds():
    return getattr(settings, "WORKSHOPS_SIGNUP_RATE_WINDOW", 600)


def client_ip(request):
    """The visitor's address. Behind TRUSTED_PROXY_COUNT reverse proxies, REMOTE_ADDR is the last proxy's: the
    visitor is then the address those proxies appended to X-Forwarded-For (what comes before can be forged)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(request):
    # Hashed, so the cache never holds a visitor's address in clear.
    digest = salted_hmac("workshops.ratelimit", client_ip(request)).hexdigest()[:32]
    return f"workshops:signup-attempts:{digest}"


def is_limited(request):
    return cache.get(_key(request), 0) >= limit()


def record(request):
    """Counts one attempt in a fixed window that starts with the first one."""
    key = _key(request)
    if cache.add(key, 1, timeout=window_seconds()):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds())
        return 1
