"""The news feeds, beside the page tree: /actualites/flux.atom and /actualites/flux.rss (config/urls.py)."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

urlpatterns = [
    path("actualites/flux.atom", NewsAtomFeed(), name="news_feed_atom"),
    path("actualites/flux.rss", NewsRssFeed(), name="news_feed_rss"),
]
