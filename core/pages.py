"""The base of every page type of the site: Wagtail's page, routed in fewer queries, its privacy read from the
shared cache.

Wagtail reads every view restriction each time a listing calls `public()`, and the page's ancestors each time a page
is served. Here the restricted sections (Wagtail's privacy settings: by login, password or group) are read once and
kept as a fragment (core/fragments.py), forgotten whenever a restriction is added or removed or a page moves
(core/signals.py).

Wagtail routes a request one level at a time, two queries a level (the child by its slug, then its specific page).
Here the pages on the way are read in one query, by their URL paths, and only the page that answers is made
specific: a page costs the same queries however deep it lies.
"""

import re

from django.conf import settings
from django.db.models import DEFERRED, Model, Q
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet as WagtailPageQuerySet

from . import addresses, fragments
from .choices import ChoiceLabels

# A path under a site's root that Wagtail's URL pattern takes (slugs, each followed by a slash) and reverse() writes
# as it is (nothing to quote).
PLAIN_PATH = re.compile(r"(?:[-a-zA-Z0-9_]+/)*")

# What a card of a listing shows of a page (core/templatetags/cards.py), its address included: read alone,
# rather than the dozens of fields of a page, which cost more to ask and to make into objects than the card to draw.
CARD_FIELDS = ("title", "url_path", "summary")

# What routing reads of the pages on the way: enough to tell which page answers (its type, whether it is live), and
# for the breadcrumb (home/navigation.py) and get_parent() of the page that answers, which keeps them.
ON_THE_WAY_FIELDS = ("path", "depth", "url_path", "title", "content_type", "live")

# Fragment topics (core/fragments.py): the private sections, the tree as visitors see it (menus, breadcrumbs), and
# the search index, which Wagtail updates in a task after a page is saved (core/signals.py).
PRIVACY = "privacy"
NAVIGATION = "navigation"
SEARCH_INDEX = "search-index"


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

    def single(self):
        """The page of a type a site holds one of (`max_count = 1`: the agenda, the resource space…), or None.
        Read from its own table: `first()` orders by path, and SQLite, which keeps no statistics, then walks every
        page of the tree in that order until it meets it (5 ms at the bench's scale 10, growing with the site)."""
        return self.order_by("pk").first()


class SitePageManager(PageManager.from_queryset(PageQuerySet)):
    pass


def pages():
    """All pages, of any type, in tree order: `Page.objects` with the privacy read from the cache."""
    return PageQuerySet(Page).order_by("path")


class SitePage(ChoiceLabels, Page):
    """What every page type of the site inherits: `objects.….public()` and the check of its restrictions when it is
    served cost no query when no section above it is private."""

    objects = SitePageManager()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        """Django's, through Django's constructor alone: modelcluster's and Wagtail's only set up a new page (child
        relations given as arguments, its content type, its menu default), and went through the model's fields to
        find nothing to do, about 200 calls for each page of a listing (issue 16). A page type whose own constructor
        matters for a page read from the database would override this too."""
        if len(values) != len(cls._meta.concrete_fields):
            read = iter(values)
            values = [next(read) if f.attname in field_names else DEFERRED for f in cls._meta.concrete_fields]
        page = cls.__new__(cls)
        Model.__init__(page, *values)
        page._state.adding = False
        page._state.db = db
        return page

    def route(self, request, path_components):
        """Wagtail's routing: the child page named by the first component routes the rest, unless a page on the way
        answers it itself (a routable page's own URLs); the pages on the way are read in one query."""
        if not path_components:
            return super().route(request, path_components)
        url_paths = [
            self.url_path + "/".join(path_components[: depth + 1]) + "/" for depth in range(len(path_components))
        ]
        on_the_way = Page.objects.filter(url_path__in=url_paths).order_by().only(*ON_THE_WAY_FIELDS)
        on_the_way = {page.url_path: page for page in on_the_way}
        parent = self
        for depth, url_path in enumerate(url_paths):
            page = on_the_way.get(url_path)
            if page is None:
                raise Http404
            # As Wagtail's routing does: get_parent() then costs no query (treebeard reads this attribute).
            page._cached_parent_obj = parent
            rest = path_components[depth + 1 :]
            if not rest or _answers_itself(page, rest):
                specific = page.specific
                specific._cached_parent_obj = parent
                return specific.route(request, rest)
            parent = page
        raise Http404  # not reached: the last page answers

    def get_url_parts(self, request=None):
        """Wagtail's, without a reverse() for each page: its path under the site's root, after the address of
        Wagtail's pages, asked once. Any other case (several sites, languages in addresses, a path reverse() would
        quote…) is Wagtail's."""
        sites = self._get_relevant_site_root_paths(request)
        i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        if len(sites) != 1 or i18n or not getattr(settings, "WAGTAIL_APPEND_SLASH", True):
            return super().get_url_parts(request)
        site_id, root_path, root_url, _ = sites[0]
        path = self.url_path[len(root_path) :]
        if not PLAIN_PATH.fullmatch(path):
            return super().get_url_parts(request)
        return site_id, root_url, addresses.fixed("wagtail_serve", "") + path

    def get_view_restrictions(self):
        # An alias follows its source's restrictions, which Wagtail looks up: only its own pages are answered here.
        if self.alias_of_id is None and not is_private(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _answers_itself(page, rest):
    """Whether a page on the way answers the rest of the path itself rather than hands it to its child, as its
    route() would tell: a routable page whose own URLs match it (when live), or a route() of its own."""
    page_class = page.specific_class
    route = getattr(page_class, "route", None)
    if route is SitePage.route:
        return False
    if route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "/".join(rest) + "/")
        except Resolver404:
            return False
    return True
