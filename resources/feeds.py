"""Atom and RSS feeds of the wiki pages and tool sheets, newest publications first."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import ToolSheetPage, WikiPage

FEED_SIZE = 20
# Pages made live without Wagtail's publishing (imports, fixtures) have no publication date.
NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def latest_resources(limit=FEED_SIZE):
    """The wiki pages and tool sheets published most recently, newest first, with the user who published them."""

    def latest(model):
        pages = model.objects.live().public().defer_streamfields().select_related("live_revision__user")
        return list(pages.order_by(F("last_published_at").desc(nulls_last=True), "-pk")[:limit])

    pages = latest(WikiPage) + latest(ToolSheetPage)
    return sorted(pages, key=lambda page: page.last_published_at or NEVER, reverse=True)[:limit]


class ResourcesRssFeed(Feed):
    title = _("Gare centrale : ressources nouvelles et mises à jour")
    description = _("Les pages du wiki et les fiches outils publiées ou modifiées récemment.")
    author_name = _("Le collectif Gare centrale")
    link = "/"

    def get_object(self, request, *args, **kwargs):
        # Items' links depend on the site that serves the request; the feed object is shared between requests.
        return request

    def latest(self):
        """The pages the feed lists, newest first: feeds of other pages override this alone."""
        return latest_resources()

    def items(self, request):
        pages = self.latest()
        for page in pages:
            page.feed_link = page.get_url(request)
        return pages

    def item_title(self, item):
        # RSS readers read titles as HTML.
        return escape(item.title)

    def item_link(self, item):
        return item.feed_link

    def item_description(self, item):
        # Both formats carry the description as HTML: the plain-text summary is escaped once more.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return publisher_name(item)


class ResourcesAtomFeed(ResourcesRssFeed):
    feed_type = Atom1Feed
    subtitle = ResourcesRssFeed.description

    def item_title(self, item):
        # Atom titles are plain text.
        return item.title

    def item_pubdate(self, item):
        return item.first_published_at


def publisher_name(page):
    """Who published the current version, by name only: never an e-mail address."""
    user = page.live_revision.user if page.live_revision else None
    if user is None:
        return None
    name = user.get_full_name().strip() or user.get_username()
    return None if "@" in name else name
