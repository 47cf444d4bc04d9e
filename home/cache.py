"""The public page cache: anonymous visitors get pages from the cache until anything is published."""

from django.conf import settings
from django.core.cache import cache

from core import cache_versions

VERSION_KEY = "page-cache-version"


def clear_page_cache(**kwargs):
    """Every cached page is listed under a version; a new version makes them all stale at once."""
    cache_versions.move_on(VERSION_KEY)


def is_cacheable(page, request):
    """Shared pages only. A page restricted in Wagtail's privacy settings (by login, password or group, on itself or
    a section above it) never is: this hook runs before Wagtail's own check of the restrictions, which it leaves to
    run by returning nothing."""
    return (
        request.method == "GET"
        and not request.GET
        and not request.user.is_authenticated
        and not len(getattr(request, "_messages", ()))
        and getattr(page.specific_class, "cache_public_page", True)
        and not page.get_view_restrictions().exists()
    )


def serve_cached(page, request, serve):
    """Serves a page through the cache when it may be shared between anonymous visitors."""
    if not is_cacheable(page, request):
        return None
    version = cache_versions.current(VERSION_KEY)
    key = f"page:{version}:{request.get_host()}:{request.path}"
    response = cache.get(key)
    if response is not None:
        return response
    response = serve()
    if hasattr(response, "render"):
        response.render()
    # A page that set a CSRF token or a cookie belongs to one visitor only.
    if response.status_code == 200 and not response.cookies and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        cache.set(key, response, settings.PAGE_CACHE_SECONDS)
    return response
