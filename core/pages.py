"""The base of every page type of the site: Wagtail's page, its privacy read from the shared cache.

Wagtail reads every view restriction each time a listing calls `public()`, and the page's ancestors each time a page
is served. Here the restricted sections (Wagtail's privacy settings: by login, password or group) are read once and
kept as a fragment (core/fragments.py), forgotten whenever a restriction is added or removed or a page moves
(core/signals.py).
"""

from django.db.models import Q
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet as WagtailPageQuerySet

from . import fragments

# Fragment topics (core/fragments.py): the private sections, and the tree as visitors see it (menus, breadcrumbs).
PRIVACY = "privacy"
NAVIGATION = "navigation"


def restricted_sections():
    """(path, depth) of every page that carries a view restriction: it and its descendants are private."""
    return fragments.get(
        PRIVACY, "sections", lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", "page__depth")))
    )


def is_private(page):
    """Whether the page lies in a private section, as `public()` tells it (aliases included)."""
    return any(page.path.startswith(path) and page.depth >= depth for path, depth in restricted_sections())


class PageQuerySet(WagtailPageQuerySet):
    def private_q(self):
        q = Q()
        for path, depth in restricted_sections():
            q |= Q(path__startswith=path) & Q(depth__gte=depth)
        # Matches no page when no section is private, as Wagtail's.
        return q if q else Q(pk__in=[])


class SitePageManager(PageManager.from_queryset(PageQuerySet)):
    pass


def pages():
    """All pages, of any type, in tree order: `Page.objects` with the privacy read from the cache."""
    return PageQuerySet(Page).order_by("path")


class SitePage(Page):
    """What every page type of the site inherits: `objects.….public()` and the check of its restrictions when it is
    served cost no query when no section above it is private."""

    objects = SitePageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # An alias follows its source's restrictions, which Wagtail looks up: only its own pages are answered here.
        if self.alias_of_id is None and not is_private(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
