"""The site a page is served from, read once and kept in the shared cache.

Wagtail finds the site of every request it serves (one query, with its root page) and then makes the root page
specific (another) before routing down from it. Both change only when a site is edited or a page is published,
unpublished, moved or deleted: when the navigation fragments are forgotten too (core/signals.py).
"""

import hashlib

from wagtail.models import Site

from . import fragments
from .pages import NAVIGATION


def site_for(request):
    """The request's Wagtail site, its root page already specific, from the cache (None when there is no site)."""
    # The host as typed is a key of unbounded length and content: its digest is not.
    host = hashlib.sha256(f"{request.get_host()}:{request.get_port()}".encode()).hexdigest()
    return fragments.get(NAVIGATION, f"site:{host}", lambda: _with_specific_root(Site.find_for_request(request)))


def find_for_request(request):
    """Wagtail's Site.find_for_request, read from the cache: kept on the request, where Wagtail looks for it first.
    Django's views (the map, the journal…) read it for their settings, menu and footer."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_for(request)
    return request._wagtail_site


def _with_specific_root(site):
    if site is not None:
        site.root_page = site.root_page.specific
    return site


class SiteMiddleware:
    """Hands Wagtail the cached site of the pages it serves; the other views, which may never need a site, do not
    pay for reading it."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Imported once the apps are ready: the site settings' models import this module.
        from wagtail import views as wagtail_views

        self.wagtail_serve = wagtail_views.serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.wagtail_serve:
            request._wagtail_site = site_for(request)


def index_url(model, request):
    """The address of the one live, public page of an index type (the workshop agenda, the news), or "" when there is
    none: the link a page gives to its listing, read once per site and kept with the navigation."""
    site = find_for_request(request)

    def read():
        # A handful of pages at most, the first in the tree taken here: ordered by path in SQL, SQLite walked the
        # whole tree by path, joining each page to the type's table, until it met one (8 ms at scale 10).
        index = min(model.objects.live().public().order_by(), key=lambda page: page.path, default=None)
        return index.get_url(request) if index else ""

    return fragments.get(NAVIGATION, f"index:{model._meta.label_lower}:{site.pk if site else ''}", read)
