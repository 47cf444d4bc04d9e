"""Atom and RSS feeds of the network's news: the resources' feeds (resources/feeds.py) with other items."""

from django.utils.translation import gettext_lazy as _

from resources.feeds import FEED_SIZE, ResourcesAtomFeed, ResourcesRssFeed

from .listings import newest_first
from .models import NewsPage


def latest_news(limit=FEED_SIZE):
    """The live, public news items, newest first, with the user who published each (for the author's name)."""
    pages = NewsPage.objects.live().public().defer_streamfields().select_related("live_revision__user")
    return list(newest_first(pages)[:limit])


class NewsFeed:
    title = _("Gare centrale : actualités du réseau")
    description = _("Les actualités du réseau, de la plus récente à la plus ancienne.")
    subtitle = description
    link = "/actualites/"

    def latest(self):
        return latest_news()


class NewsRssFeed(NewsFeed, ResourcesRssFeed):
    pass


class NewsAtomFeed(NewsFeed, ResourcesAtomFeed):
    pass
