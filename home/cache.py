"""The public page cache: anonymous visitors get a shared copy of public pages, served by home.middleware before any
routing or query.

Copies are kept under versions: publishing, unpublishing, moving or deleting any page moves the site's version on,
which makes every copy stale at once (a listing anywhere may show that page); a sign-up moves on only the version of
its page's address (core/cache_versions.py: a copy built while a change was being made never matches the versions
after it).

A form's CSRF token is the only part of a copy that belongs to one visitor: the copy keeps a placeholder where it
goes, and each visitor gets their own token in its place.
"""

import hashlib
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core import cache_versions, page_cache

from .csrf import get_token

VERSION_KEY = "page-cache-version"
TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
TOKEN_PLACEHOLDER = b"[jeton-csrf]"


def clear_page_cache(**kwargs):
    """Makes every copy stale; again once the change is committed, so that no copy built from the old data
    in between survives it."""
    cache_versions.move_on(VERSION_KEY)


def forget_page(page):
    """Makes the copies of one page's address stale (now, and again once committed)."""
    parts = page.get_url_parts()
    if parts is None:
        return
    cache_versions.move_on(_path_key(parts[2]))


def may_read(request):
    """A request with no query string, from a visitor with no session and no message waiting: whatever the page,
    its copy is what they would be shown. Telling so costs no query."""
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def is_cacheable(page, request):
    """Shared pages only. A page restricted in Wagtail's privacy settings (by login, password or group, on itself or
    a section above it) never is: this runs before Wagtail's own check of the restrictions."""
    return (
        request.method == "GET"
        and not request.GET
        and not request.user.is_authenticated
        and not len(getattr(request, "_messages", ()))
        and getattr(page.specific_class, "cache_public_page", True)
        and not page.get_view_restrictions().exists()
    )


def mark_cacheable(page, request):
    """Called as Wagtail serves a page: says how long the response may be kept, if it may be shared."""
    if is_cacheable(page, request):
        page_cache.share(request, *getattr(page, "changes_by_itself_at", tuple)())


def lookup(request, csrf):
    """The shared copy of the page asked for, with the visitor's own CSRF token, or None. `csrf` is the CSRF
    middleware, whose own hook reads the visitor's cookie before a token is made for them."""
    if not may_read(request):
        return None
    versions, entry = cache_versions.read([VERSION_KEY, _path_key(request.path)], _key(request))
    # What a copy built now is kept under: read before it is built.
    request.page_cache_versions = versions
    if entry is cache_versions.MISSING:
        return None
    status, headers, content, has_token = entry
    if has_token:
        csrf.process_request(request)
        content = content.replace(TOKEN_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = len(content)
    return response


def store(request, response):
    """Keeps a copy of a page Wagtail served, when it may be shared: a 200 that sets no cookie of its own and that
    its view did not call private."""
    seconds = getattr(request, "page_cache_seconds", None)
    if (
        seconds is None
        or not may_read(request)
        or request.method != "GET"
        or response.status_code != 200
        or response.streaming
        # The CSRF cookie is the visitor's own, not the copy's: the middleware sets one for each visitor who needs it.
        or set(response.cookies) - {settings.CSRF_COOKIE_NAME}
        or "private" in response.get("Cache-Control", "")
    ):
        return
    if hasattr(response, "render"):
        response.render()
    content, tokens = TOKEN_FIELD.subn(lambda field: field[1] + TOKEN_PLACEHOLDER + field[2], response.content)
    if tokens:
        # A page with a token is the visitor's own: no cache but theirs keeps it, this one and every copy.
        patch_cache_control(response, private=True)
    headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
    copy = (response.status_code, headers, content, bool(tokens))
    cache_versions.keep(request.page_cache_versions, _key(request), copy, seconds)


def _path_key(path):
    return "page-cache-path:" + hashlib.sha256(path.encode()).hexdigest()


def _key(request):
    return f"page-copy:{request.get_host()}:{request.path}"
