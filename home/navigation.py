"""What every page shows around its content: the main menu and the footer's legal links, read once and kept in the
shared cache (core/fragments.py), which forgets them when a page is published, unpublished, moved or deleted, a
restriction changes or a site is edited (core/signals.py); and the breadcrumb, from the pages routing went through."""

from dataclasses import dataclass

from core import fragments, sites
from core.pages import NAVIGATION, pages

from .models import StandardPage


@dataclass(frozen=True)
class Link:
    """A page as a link: its title, its URL for the site, and its path in the tree (to tell the current section)."""

    title: str
    url: str
    path: str


def _links(found, request):
    return [Link(page.title, page.get_url(request), page.path) for page in found]


def menu(request):
    """The site's live, public pages shown in menus, under its home page."""
    site = sites.find_for_request(request)
    if site is None:
        return []
    return fragments.get(
        NAVIGATION,
        f"menu:{site.pk}",
        lambda: _links(pages().child_of(site.root_page).live().public().in_menu(), request),
    )


def legal_links(request):
    """The footer's legal pages: the live, public plain pages under the home page."""
    site = sites.find_for_request(request)
    if site is None:
        return []
    return fragments.get(
        NAVIGATION,
        f"legal:{site.pk}",
        lambda: _links(StandardPage.objects.child_of(site.root_page).live().public(), request),
    )


def ancestors(page, request):
    """The page's ancestors below the tree's root, home page first, as links: the pages routing went through to
    find it (no query), or else read from the tree."""
    routed = _routed_ancestors(page)
    return _links(routed if routed is not None else page.get_ancestors().filter(depth__gt=1), request)


def _routed_ancestors(page):
    """The parents routing left on the page and on each page on its way (core/pages.py, as Wagtail's routing does),
    down to the home page; None when the chain is broken (a page not reached by routing: a preview, say)."""
    chain = []
    while page.depth > 2:
        page = getattr(page, "_cached_parent_obj", None)
        if page is None:
            return None
        chain.append(page)
    return chain[::-1]
